import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, node } from './test-support';

const RULE = 'sync-chain';
const resilient = { timeoutMs: 1000, retry: { maxAttempts: 2 }, circuitBreaker: { failureThreshold: 5 } };
const call = (a: string, b: string) => edge(a, b, 'sync', resilient);
const services = (...ids: string[]) => ids.map((id) => node(id, 'container-service'));

describe(RULE, () => {
  it('fires at the start of a chain of three hops A -> B -> C -> D', () => {
    const doc = design({
      nodes: [
        node('api', 'api-gateway', { auth: 'jwt', rateLimitPerSecond: 10 }),
        ...services('a', 'b', 'c', 'd'),
      ],
      edges: [edge('api', 'a', 'sync'), call('a', 'b'), call('b', 'c'), call('c', 'd')],
    });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      pillar: 'reliability',
      nodeIds: ['a', 'b', 'c', 'd'],
      edgeIds: ['e-a-b', 'e-b-c', 'e-c-d'],
    });
    expect(f?.message).toContain('waits on 3 synchronous calls');
    expect(f?.fix).toBeUndefined();
  });

  it('fires on one service calling three others in turn (the seed order flow)', () => {
    const doc = design({
      nodes: [...services('order', 'products', 'inventory'), node('payments', 'external-service')],
      edges: [call('order', 'products'), call('order', 'inventory'), call('order', 'payments')],
    });
    expect(findingsOfRule(doc, RULE).map((f) => [f.nodeIds[0], f.edgeIds.length])).toEqual([['order', 3]]);
  });

  it('does not fire for two hops, for async or trigger edges, or for calls from a gateway', () => {
    const doc = design({
      nodes: [
        node('api', 'api-gateway', { auth: 'jwt', rateLimitPerSecond: 10 }),
        ...services('a', 'b', 'c', 'd'),
        node('q', 'queue'),
        node('dlq', 'dead-letter-queue'),
      ],
      edges: [
        edge('api', 'a', 'sync'),
        edge('api', 'b', 'sync'),
        edge('api', 'c', 'sync'),
        call('a', 'b'),
        call('b', 'c'),
        edge('c', 'q', 'async'),
        edge('q', 'd', 'trigger'),
        edge('q', 'dlq', 'redrive'),
      ],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });

  it('handles call cycles: a 3-cycle fires once, a 2-cycle alone does not', () => {
    const three = design({
      nodes: services('a', 'b', 'c'),
      edges: [call('a', 'b'), call('b', 'c'), call('c', 'a')],
    });
    const [f, ...rest] = findingsOfRule(three, RULE);
    expect(rest).toEqual([]);
    expect(f?.message).toContain('including a call cycle');
    expect(new Set(f?.nodeIds)).toEqual(new Set(['a', 'b', 'c']));
    const two = design({ nodes: services('a', 'b'), edges: [call('a', 'b'), call('b', 'a')] });
    expect(findingsOfRule(two, RULE)).toEqual([]);
  });

  it('reports each request path at its entry, not again at every service along it', () => {
    const doc = design({
      nodes: services('a', 'e', 'b', 'c', 'd'),
      edges: [call('a', 'b'), call('e', 'b'), call('b', 'c'), call('c', 'd')],
    });
    expect(findingsOfRule(doc, RULE).map((f) => f.nodeIds[0])).toEqual(['a', 'e']);
  });

  it('walks a long chain without recursion and names only the first calls', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `s${i}`);
    const doc = design({ nodes: services(...ids), edges: ids.slice(1).map((id, i) => call(`s${i}`, id)) });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f?.edgeIds).toHaveLength(8);
    expect(f?.message).toContain('at least 1000 synchronous calls');
  });
});
