import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'sync-without-resilience';

describe(RULE, () => {
  it('fires on a service-to-service call and names exactly what is missing', () => {
    const doc = design({
      nodes: [
        node('orders', 'container-service'),
        node('stock', 'function'),
        node('stripe', 'external-service'),
      ],
      edges: [edge('orders', 'stock', 'sync', { timeoutMs: 500 }), edge('orders', 'stripe', 'sync')],
    });
    const found = findingsOfRule(doc, RULE);
    expect(found.map((f) => [f.nodeIds, f.edgeIds, f.severity, f.pillar])).toEqual([
      [['orders', 'stock'], ['e-orders-stock'], 'warning', 'reliability'],
      [['orders', 'stripe'], ['e-orders-stripe'], 'warning', 'reliability'],
    ]);
    expect(found[0]?.message).toBe(
      '"orders" calls "stock" synchronously without retries with backoff or a circuit breaker.',
    );
    expect(found[1]?.message).toContain('without a timeout, retries with backoff or a circuit breaker');
  });

  it('does not fire on calls that have all three, or on calls to data stores and from gateways', () => {
    const doc = design({
      nodes: [
        node('a', 'function'),
        node('b', 'function'),
        node('api', 'api-gateway'),
        node('t', 'nosql-table'),
      ],
      edges: [
        edge('a', 'b', 'sync', {
          timeoutMs: 100,
          retry: { maxAttempts: 2 },
          circuitBreaker: { failureThreshold: 3 },
        }),
        edge('api', 'a', 'sync'),
        edge('a', 't', 'sync'),
      ],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });

  it('fix: adds only the missing settings, keeping what the edge had', () => {
    const doc = design({
      nodes: [node('orders', 'container-service'), node('stock', 'function')],
      edges: [edge('orders', 'stock', 'sync', { timeoutMs: 500, ratio: 2 })],
    });
    const [f] = findingsOfRule(doc, RULE);
    const r = fix(doc, f as NonNullable<typeof f>);
    expect(r.gone).toBe(true);
    expect(r.newErrors).toEqual([]);
    expect(r.doc.edges[0]?.config).toEqual({
      timeoutMs: 500,
      ratio: 2,
      retry: { maxAttempts: 3, baseDelayMs: 100, jitter: true },
      circuitBreaker: { failureThreshold: 5, resetTimeoutS: 60 },
    });
  });
});
