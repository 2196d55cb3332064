import { describe, expect, it } from 'vitest';
import type { DocumentNode } from '../document/schema';
import { graphOf } from '../graph/graph';
import { estimateCost } from './estimate';
import { doc, HOURS, handCents, node, priceOf, toCents } from './test-support';
import { propagateTraffic } from './traffic';

const MONTH = 3600 * HOURS;

describe('traffic propagation (acceptance)', () => {
  // A client at 100 requests/s through an API gateway to a function that sends 3 messages per
  // request (edge ratio 3) to a queue.
  const d = doc(
    [
      node('users', 'client', { requestsPerSecond: 100 }),
      node('api', 'api-gateway', { type: 'http', auth: 'jwt', rateLimitPerSecond: 500 }),
      node('handler', 'function', { memoryMb: 512, avgDurationMs: 200, architecture: 'arm64' }),
      node('jobs', 'queue'),
    ],
    [
      { source: 'users', target: 'api', kind: 'sync' },
      { source: 'api', target: 'handler', kind: 'sync' },
      { source: 'handler', target: 'jobs', kind: 'async', config: { ratio: 3 } },
    ],
  );
  const t = propagateTraffic(d);

  it('derives 262.8M gateway requests, 262.8M invocations and 788.4M queue sends a month', () => {
    expect(Math.round(t.nodes.get('api')?.requests ?? 0)).toBe(262_800_000);
    expect(Math.round(t.nodes.get('handler')?.requests ?? 0)).toBe(262_800_000);
    expect(Math.round(t.nodes.get('jobs')?.requests ?? 0)).toBe(788_400_000);
  });

  it('and the cost follows', () => {
    const e = estimateCost(d);
    const at = (id: string) => e.items.find((i) => i.nodeId === id);
    const api = at('api')?.components.find((c) => c.priceKey === 'apigateway.requests[http]');
    expect(api?.usage).toMatchObject({ source: 'traffic', field: 'requestsPerMonth' });
    expect(Math.round(api?.usage?.value ?? 0)).toBe(262_800_000);
    expect(toCents(api?.monthly ?? -1)).toBe(handCents(262.8, priceOf('apigateway.requests[http]')));

    const handler = at('handler');
    expect(toCents(handler?.monthly ?? -1)).toBe(
      handCents(262.8, priceOf('lambda.requests')) +
        handCents(262_800_000 * 0.2 * 0.5, priceOf('lambda.duration[arm64]')),
    );
    // Nothing consumes the queue: every message is one send request.
    expect(toCents(at('jobs')?.monthly ?? -1)).toBe(handCents(788.4, priceOf('sqs.requests[standard]')));
  });
});

describe('propagation rules', () => {
  it('sums fan-in', () => {
    const d = doc(
      [
        node('a', 'client', { requestsPerSecond: 1 }),
        node('b', 'client', { requestsPerSecond: 2 }),
        node('fn', 'function'),
      ],
      [
        { source: 'a', target: 'fn', kind: 'sync' },
        { source: 'b', target: 'fn', kind: 'sync', config: { ratio: 0.5 } },
      ],
    );
    expect(propagateTraffic(d).nodes.get('fn')?.requests).toBeCloseTo(1 * MONTH + 2 * MONTH * 0.5, 3);
  });

  it("lets a node's own stated volume override what flows in, and propagate onward", () => {
    const d = doc(
      [
        node('users', 'client', { requestsPerSecond: 100 }),
        node('fn', 'function', { invocationsPerMonth: 1000 }),
        node('q', 'queue'),
      ],
      [
        { source: 'users', target: 'fn', kind: 'sync' },
        { source: 'fn', target: 'q', kind: 'async', config: { ratio: 2 } },
      ],
    );
    const t = propagateTraffic(d);
    expect(t.nodes.get('q')?.requests).toBe(2000);
    const fn = estimateCost(d).items.find((i) => i.nodeId === 'fn');
    expect(fn?.components[0]?.usage).toMatchObject({ source: 'config', value: 1000 });
  });

  it('terminates on cycles, counts each request once and names the edge that closes the cycle', () => {
    const d = doc(
      [
        node('users', 'client', { requestsPerSecond: 1 }),
        node('a', 'container-service'),
        node('b', 'container-service'),
      ],
      [
        { id: 'in', source: 'users', target: 'a', kind: 'sync' },
        { id: 'ab', source: 'a', target: 'b', kind: 'sync', config: { ratio: 2 } },
        { id: 'ba', source: 'b', target: 'a', kind: 'sync' },
      ],
    );
    const t = propagateTraffic(d);
    expect(t.backEdges).toEqual(['ba']);
    expect(t.nodes.get('a')?.requests).toBeCloseTo(MONTH, 3);
    expect(t.nodes.get('b')?.requests).toBeCloseTo(2 * MONTH, 3);
    expect(
      estimateCost(d).assumptions.some((s) => s.startsWith('Edges that close a cycle') && s.endsWith('(ba)')),
    ).toBe(true);
    // The same result by node and edge number, as the estimate reads it.
    const g = graphOf(d);
    expect(t.backEdgeIndices.map((k) => g.edges[k]?.edge.id)).toEqual(t.backEdges);
    expect(t.stateAt(g.indexOf('b'))).toBe(t.nodes.get('b'));
    expect(t.stateAt(g.indexOf('users'))?.root).toBe(true);
    g.edges.forEach((r, k) => {
      expect(t.edgeVolumeAt(k)).toBe(t.edgeVolume(r.edge.id));
    });
    expect(t.edgeVolume('ba')).toBeUndefined();
    expect(t.edgeVolume('nope')).toBeUndefined();
  });

  it('handles a long chain in linear time without deep recursion', () => {
    const n = 20_000;
    const nodes: DocumentNode[] = [node('c', 'client', { requestsPerSecond: 1 })];
    const edges = [];
    for (let i = 0; i < n; i++) {
      nodes.push(node(`s${i}`, 'container-service'));
      edges.push({ source: i === 0 ? 'c' : `s${i - 1}`, target: `s${i}`, kind: 'sync' as const });
    }
    const t = propagateTraffic({ ...doc([]), nodes, edges: edges.map((e, i) => ({ ...e, id: `e${i}` })) });
    expect(t.nodes.get(`s${n - 1}`)?.requests).toBeCloseTo(MONTH, 3);
  });

  it('divides trigger traffic into batches and sends a documented share to the DLQ', () => {
    const d = doc(
      [
        node('q', 'queue', { requestsPerMonth: 1_000_000 }),
        node('fn', 'function'),
        node('dlq', 'dead-letter-queue'),
      ],
      [
        { source: 'q', target: 'fn', kind: 'trigger', config: { batchSize: 10 } },
        { id: 'rd', source: 'q', target: 'dlq', kind: 'redrive' },
      ],
    );
    const t = propagateTraffic(d);
    expect(t.nodes.get('fn')?.requests).toBe(100_000);
    expect(t.nodes.get('dlq')?.requests).toBeCloseTo(10_000, 6);
    expect(t.defaultedRatios).toEqual(['rd']);
  });

  it('caps calls to a secrets vault at one refresh per secret per hour per caller', () => {
    const d = doc(
      [
        node('users', 'client', { requestsPerSecond: 100 }),
        node('svc', 'container-service'),
        node('v', 'secrets-vault', { secrets: 3 }),
      ],
      [
        { source: 'users', target: 'svc', kind: 'sync' },
        { source: 'svc', target: 'v', kind: 'sync' },
      ],
    );
    expect(propagateTraffic(d).nodes.get('v')?.requests).toBe(3 * HOURS);
  });

  it('splits data-store traffic into reads and writes by edge access', () => {
    const d = doc(
      [
        node('users', 'client', { requestsPerSecond: 10 }),
        node('svc', 'container-service'),
        node('t', 'nosql-table'),
      ],
      [
        { source: 'users', target: 'svc', kind: 'sync' },
        { source: 'svc', target: 't', kind: 'sync', config: { access: 'read', ratio: 2 } },
        { source: 'svc', target: 't', kind: 'sync', config: { access: 'write' } },
      ],
    );
    const st = propagateTraffic(d).nodes.get('t');
    expect(st?.reads).toBeCloseTo(20 * MONTH, 3);
    expect(st?.writes).toBeCloseTo(10 * MONTH, 3);
  });

  it('copies a table’s own writes to its replica, without replicating replicated writes back', () => {
    const d = doc(
      [
        node('east', 'region', { name: 'us-east-1' }),
        node('west', 'region', { name: 'eu-west-1' }),
        node('ta', 'nosql-table', { writesPerMonth: 1000 }, 'east'),
        node('tb', 'nosql-table', { writesPerMonth: 300 }, 'west'),
      ],
      [
        { source: 'ta', target: 'tb', kind: 'replication' },
        { source: 'tb', target: 'ta', kind: 'replication' },
      ],
    );
    const t = propagateTraffic(d);
    expect(t.nodes.get('tb')?.replicatedWrites).toBe(1000);
    expect(t.nodes.get('ta')?.replicatedWrites).toBe(300);
  });
});
