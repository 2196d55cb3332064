import { describe, expect, it } from 'vitest';
import { estimateCost } from '../cost/estimate';
import { validate } from '../rules/engine';
import { reviewDiff } from './review-diff';
import { load } from './test-support';

const before = () =>
  load({
    nodes: [
      { id: 'orders', kind: 'container-service', label: 'Orders' },
      { id: 'billing', kind: 'container-service', label: 'Billing' },
      { id: 'jobs', kind: 'queue', label: 'Jobs' },
      { id: 'worker', kind: 'function', label: 'Worker' },
      { id: 'orders-db', kind: 'sql-database', label: 'Orders DB' },
      { id: 'vault', kind: 'secrets-vault', label: 'Secrets' },
    ],
    edges: [
      { id: 'e-orders-jobs', source: 'orders', target: 'jobs' },
      { id: 'e-jobs-worker', source: 'jobs', target: 'worker' },
      { id: 'e-orders-db', source: 'orders', target: 'orders-db' },
      { id: 'e-orders-vault', source: 'orders', target: 'vault', config: { access: 'read' } },
      {
        id: 'e-orders-billing',
        source: 'orders',
        target: 'billing',
        config: { timeoutMs: 1000, retry: { maxAttempts: 3 }, circuitBreaker: { failureThreshold: 5 } },
      },
    ],
  });

/** Adds a DLQ to the queue and Multi-AZ to the database; drops the resilience of one call. */
const after = () => {
  const doc = before();
  return load({
    ...doc,
    nodes: [
      ...doc.nodes.map((n) => (n.id === 'orders-db' ? { ...n, config: { multiAz: true } } : n)),
      { id: 'jobs-dlq', kind: 'dead-letter-queue', label: 'Jobs DLQ' },
    ],
    edges: [
      ...doc.edges.map((e) => (e.id === 'e-orders-billing' ? { ...e, config: {} } : e)),
      { id: 'e-jobs-dlq', source: 'jobs', target: 'jobs-dlq', kind: 'redrive' },
    ],
  });
};

describe('reviewDiff', () => {
  it('states the monthly cost before and after and the signed difference', () => {
    const a = before();
    const b = after();
    const r = reviewDiff(a, b);
    expect(r.cost.before).toBe(estimateCost(a).monthlyTotal);
    expect(r.cost.after).toBe(estimateCost(b).monthlyTotal);
    expect(Math.round(r.cost.delta * 100)).toBe(Math.round((r.cost.after - r.cost.before) * 100));
    // Multi-AZ doubles the database instance: the change costs money, and the DB says so first.
    expect(r.cost.delta).toBeGreaterThan(0);
    expect(r.cost.nodes[0]).toMatchObject({ nodeId: 'orders-db', change: 'changed' });
  });

  it('lists the findings the change added and resolved, matched by key', () => {
    const r = reviewDiff(before(), after());
    expect(r.findings.resolved.map((f) => f.rule).sort()).toEqual([
      'queue-without-dlq',
      'single-az-database',
    ]);
    expect(r.findings.added.map((f) => f.key)).toEqual(['sync-without-resilience:e-orders-billing']);
    expect(r.findings.accepted).toEqual([]);
    expect(r.nodes.added).toEqual(['jobs-dlq']);
    expect(r.score.delta).toBe(validate(after()).score.overall - validate(before()).score.overall);
  });

  it('tells an accepted finding from a resolved one', () => {
    const a = before();
    const b = {
      ...a,
      suppressions: [{ rule: 'single-az-database', nodeId: 'orders-db', reason: 'dev copy' }],
    };
    const r = reviewDiff(a, b);
    expect(r.findings.accepted.map((f) => f.rule)).toEqual(['single-az-database']);
    expect(r.findings.resolved).toEqual([]);
    expect(r.settings.map((s) => s.path)).toEqual(['suppressions']);
  });

  it('gives an empty review for identical documents', () => {
    const r = reviewDiff(before(), before());
    expect(r.nodes).toEqual({ added: [], removed: [], changed: [] });
    expect(r.edges).toEqual({ added: [], removed: [], changed: [] });
    expect(r.cost.delta).toBe(0);
    expect(r.cost.nodes).toEqual([]);
    expect(r.findings).toEqual({ added: [], resolved: [], accepted: [] });
  });
});
