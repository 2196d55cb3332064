import { describe, expect, it } from 'vitest';
import { load } from '../diff/test-support';
import { emptyDocument, insertTemplate } from '../index';
import { walkFlow } from './flow';

const queueDesign = () =>
  load({
    nodes: [
      { id: 'users', kind: 'client', label: 'Users', config: { requestsPerSecond: 50 } },
      { id: 'api', kind: 'api-gateway', label: 'API', config: { auth: 'jwt' } },
      { id: 'producer', kind: 'function', label: 'Producer' },
      { id: 'jobs', kind: 'queue', label: 'Jobs' },
      { id: 'jobs-dlq', kind: 'dead-letter-queue', label: 'Jobs DLQ' },
      { id: 'worker', kind: 'function', label: 'Worker' },
      { id: 'results', kind: 'nosql-table', label: 'Results' },
      { id: 'metrics', kind: 'monitoring', label: 'Metrics' },
    ],
    edges: [
      { id: 'e1', source: 'users', target: 'api' },
      { id: 'e2', source: 'api', target: 'producer', config: { route: '/jobs' } },
      { id: 'e3', source: 'producer', target: 'jobs' },
      { id: 'e5', source: 'jobs', target: 'jobs-dlq', kind: 'redrive' },
      { id: 'e4', source: 'jobs', target: 'worker', config: { batchSize: 10 } },
      { id: 'e6', source: 'worker', target: 'results', config: { access: 'write' } },
      { id: 'e7', source: 'worker', target: 'metrics' },
    ],
  });

describe('walkFlow', () => {
  it('steps breadth-first from the start: sync, async to the queue, trigger, write, DLQ as a side branch', () => {
    const walk = walkFlow(queueDesign(), 'users');
    expect(walk.hops.map((h) => [h.nodeId, h.edgeKind, h.depth, h.parent, h.branch])).toEqual([
      ['users', undefined, 0, null, 'main'],
      ['api', 'sync', 1, 0, 'main'],
      ['producer', 'sync', 2, 1, 'main'],
      ['jobs', 'async', 3, 2, 'main'],
      // The consumer before the redrive, whatever the document order.
      ['worker', 'trigger', 4, 3, 'main'],
      ['jobs-dlq', 'redrive', 4, 3, 'side'],
      ['results', 'sync', 5, 4, 'main'],
    ]);
    expect(walk.hops.map((h) => h.title)).toEqual([
      'Start at "Users"',
      '"Users" calls "API"',
      '"API" calls "Producer"',
      '"Producer" sends a message to "Jobs"',
      '"Jobs" delivers to "Worker"',
      '"Jobs" moves failing messages to "Jobs DLQ"',
      '"Worker" writes to "Results"',
    ]);
    // Monitoring observes; it is not a hop of the request.
    expect(walk.nodeIds).not.toContain('metrics');
    expect(walk.edgeIds).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expect(walk.truncated).toBe(false);
  });

  it('shows the settings present and missing on each hop', () => {
    const hops = walkFlow(queueDesign(), 'users').hops;
    const at = (id: string) => hops.find((h) => h.nodeId === id);
    expect(at('users')?.settings).toEqual(['50 requests/s']);
    expect(at('api')?.settings).toContain('auth: jwt');
    expect(at('api')?.missing).toContain('no rate limit');
    expect(at('producer')?.settings).toContain('route /jobs');
    expect(at('jobs')?.settings).toContain('dead-letter queue "Jobs DLQ" after 5 receives');
    expect(at('worker')?.settings).toContain('batches of 10');
    expect(at('results')?.settings).toContain('writes');
    expect(at('results')?.settings).toContain('point-in-time recovery');
  });

  it('lists timeout, retry and circuit breaker on service calls, and Multi-AZ on databases', () => {
    const doc = load({
      nodes: [
        { id: 'orders', kind: 'container-service', label: 'Orders' },
        { id: 'billing', kind: 'container-service', label: 'Billing', config: { tasks: 1 } },
        { id: 'orders-db', kind: 'sql-database', label: 'Orders DB' },
        { id: 'billing-db', kind: 'sql-database', label: 'Billing DB', config: { multiAz: true } },
        { id: 'jobs', kind: 'queue', label: 'Jobs' },
        { id: 'worker', kind: 'function', label: 'Worker' },
      ],
      edges: [
        {
          source: 'orders',
          target: 'billing',
          config: { timeoutMs: 2000, retry: { maxAttempts: 3, baseDelayMs: 100, jitter: true } },
        },
        { source: 'orders', target: 'orders-db' },
        { source: 'billing', target: 'billing-db' },
        { source: 'orders', target: 'jobs' },
        { source: 'jobs', target: 'worker' },
      ],
    });
    const hops = walkFlow(doc, 'orders').hops;
    const at = (id: string) => hops.find((h) => h.nodeId === id);
    expect(at('billing')?.settings).toEqual(
      expect.arrayContaining(['timeout 2,000 ms', 'retry up to 3 attempts, backoff from 100 ms with jitter']),
    );
    expect(at('billing')?.missing).toEqual(['no circuit breaker', '1 task: no redundancy']);
    expect(at('orders-db')?.missing).toContain('single-AZ: no standby if its zone fails');
    expect(at('billing-db')?.settings).toContain('Multi-AZ (standby in another zone)');
    // A database call is not a service-to-service call: no resilience advice on it.
    expect(at('orders-db')?.missing).not.toContain('no timeout');
    expect(at('jobs')?.missing).toEqual([
      'no dead-letter queue: failing messages are retried until they expire',
    ]);
  });

  it('follows replication and stops at nodes reached before, so cycles end', () => {
    const doc = load(
      JSON.parse(JSON.stringify(insertTemplate(emptyDocument('T'), 'multi-region-active-active').document)),
    );
    const walk = walkFlow(doc, 'users');
    const replication = walk.hops.filter((h) => h.edgeKind === 'replication');
    expect(replication.map((h) => h.edgeId).sort()).toEqual([
      'e-table-eu-west-1-us-east-1',
      'e-table-us-east-1-eu-west-1',
    ]);
    // Each table was reached through its own region first: the replication hops revisit them.
    expect(replication.every((h) => h.revisit === true)).toBe(true);
    expect(replication.find((h) => h.fromId === 'table-us-east-1')?.settings).toContain(
      'asynchronous, us-east-1 → eu-west-1',
    );
    expect(walk.hops.find((h) => h.nodeId === 'alb-us-east-1')?.title).toBe(
      '"Route 53 (latency-based routing)" resolves to "Load balancer (us-east-1)"',
    );
    // Every node is expanded once.
    const expanded = walk.hops.filter((h) => !h.revisit).map((h) => h.nodeId);
    expect(new Set(expanded).size).toBe(expanded.length);

    const loop = load({
      nodes: [
        { id: 'a', kind: 'container-service', label: 'A' },
        { id: 'b', kind: 'container-service', label: 'B' },
      ],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ],
    });
    const cycle = walkFlow(loop, 'a');
    expect(cycle.hops.map((h) => [h.nodeId, h.revisit ?? false])).toEqual([
      ['a', false],
      ['b', false],
      ['a', true],
    ]);
  });

  it('refuses a start node that is not in the design', () => {
    expect(() => walkFlow(queueDesign(), 'nope')).toThrow('No node "nope" in the design');
  });
});
