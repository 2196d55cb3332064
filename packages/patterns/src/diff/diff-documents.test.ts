import { describe, expect, it } from 'vitest';
import { diffDocuments, isEmptyDiff, onlyMoved } from './diff-documents';
import { load } from './test-support';

const base = () =>
  load({
    budget: 500,
    nodes: [
      { id: 'api', kind: 'api-gateway', label: 'Orders API', position: { x: 0, y: 0 } },
      { id: 'orders', kind: 'container-service', label: 'orders', config: { tasks: 2 } },
      { id: 'orders-db', kind: 'sql-database', label: 'Orders DB' },
      { id: 'legacy', kind: 'vm-group', label: 'Legacy' },
    ],
    edges: [
      { id: 'e1', source: 'api', target: 'orders', kind: 'sync' },
      { id: 'e2', source: 'orders', target: 'orders-db', kind: 'sync', config: { timeoutMs: 1000 } },
      { id: 'e3', source: 'orders', target: 'legacy' },
    ],
  });

describe('diffDocuments', () => {
  it('finds nothing between identical documents, and nothing when only key order differs', () => {
    const a = base();
    expect(isEmptyDiff(diffDocuments(a, base()))).toBe(true);
    const reordered = {
      ...a,
      nodes: a.nodes.map((n) => Object.fromEntries(Object.entries(n).reverse()) as typeof n),
    };
    expect(diffDocuments(a, reordered)).toEqual({
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [], changed: [] },
      settings: [],
    });
  });

  it('lists added, removed and changed nodes with each changed field', () => {
    const before = base();
    const after = load({
      budget: 500,
      nodes: [
        { id: 'api', kind: 'api-gateway', label: 'Orders API v2', position: { x: 0, y: 0 } },
        { id: 'orders', kind: 'container-service', label: 'orders', config: { tasks: 4 } },
        { id: 'orders-db', kind: 'sql-database', label: 'Orders DB', config: { multiAz: true } },
        { id: 'orders-dlq', kind: 'dead-letter-queue', label: 'Orders DLQ' },
        { id: 'auth', kind: 'auth', label: 'Users' },
      ],
      edges: before.edges.filter((e) => e.target !== 'legacy'),
    });
    const d = diffDocuments(before, after);
    expect(d.nodes.added).toEqual(['orders-dlq', 'auth']);
    expect(d.nodes.removed).toEqual(['legacy']);
    expect(d.nodes.changed).toEqual([
      { id: 'api', changes: [{ path: 'label', before: 'Orders API', after: 'Orders API v2' }] },
      { id: 'orders', changes: [{ path: 'config.tasks', before: 2, after: 4 }] },
      // The kind's default (single-AZ) is the "before": not "unset".
      { id: 'orders-db', changes: [{ path: 'config.multiAz', before: false, after: true }] },
    ]);
    expect(d.edges.removed).toEqual(['e3']);
  });

  it('does not count writing out a default as a change', () => {
    const before = base();
    const after = {
      ...before,
      nodes: before.nodes.map((n) => (n.id === 'orders-db' ? { ...n, config: { multiAz: false } } : n)),
    };
    expect(diffDocuments(before, after).nodes.changed).toEqual([]);
  });

  it('compares nested settings down to the leaf and reports lists whole', () => {
    const before = base();
    const after = {
      ...before,
      edges: before.edges.map((e) =>
        e.id === 'e2' ? { ...e, config: { timeoutMs: 2000, retry: { maxAttempts: 3 } } } : e,
      ),
      views: [{ name: 'Data tier', highlighted: ['orders-db'] }],
    };
    const d = diffDocuments(before, after);
    expect(d.edges.changed).toEqual([
      {
        id: 'e2',
        changes: [
          { path: 'config.retry', after: { maxAttempts: 3 } },
          { path: 'config.timeoutMs', before: 1000, after: 2000 },
        ],
      },
    ]);
    expect(d.settings).toEqual([
      { path: 'views', after: [{ name: 'Data tier', highlighted: ['orders-db'] }] },
    ]);
  });

  it('matches edges without the same id by source, target and kind', () => {
    const before = base();
    // The same connections under new ids (a file written by hand, ids generated again).
    const after = {
      ...before,
      edges: [
        { id: 'api-orders', source: 'api', target: 'orders', kind: 'sync' as const },
        { id: 'orders-db-call', source: 'orders', target: 'orders-db', config: { timeoutMs: 500 } },
        { id: 'orders-legacy', source: 'orders', target: 'legacy', kind: 'async' as const },
      ],
    };
    const d = diffDocuments(before, after);
    // api -> orders: the same edge, only its id differs: no change. orders -> orders-db: the kind
    // is inferred as sync, so it matches, with its changed timeout and its kind no longer written.
    expect(d.edges.changed).toEqual([
      {
        id: 'orders-db-call',
        beforeId: 'e2',
        changes: [
          { path: 'kind', before: 'sync' },
          { path: 'config.timeoutMs', before: 1000, after: 500 },
        ],
      },
    ]);
    // orders -> legacy: sync before (inferred), async now: another connection.
    expect(d.edges.added).toEqual(['orders-legacy']);
    expect(d.edges.removed).toEqual(['e3']);
  });

  it('reports a move as a change of position, which ignorePositions leaves out', () => {
    const before = base();
    const after = {
      ...before,
      nodes: before.nodes.map((n) => (n.id === 'api' ? { ...n, position: { x: 40, y: 20 } } : n)),
    };
    const d = diffDocuments(before, after);
    expect(d.nodes.changed).toEqual([
      { id: 'api', changes: [{ path: 'position', before: { x: 0, y: 0 }, after: { x: 40, y: 20 } }] },
    ]);
    expect(d.nodes.changed.every(onlyMoved)).toBe(true);
    expect(isEmptyDiff(diffDocuments(before, after, { ignorePositions: true }))).toBe(true);
  });

  it('lists changed document settings: name, environment, budget, usage, suppressions', () => {
    const before = base();
    const after = {
      ...before,
      name: 'Orders platform',
      environment: 'staging' as const,
      budget: 800,
      usage: { requestsPerMonth: 1_000_000 },
      suppressions: [{ rule: 'orphan-node', nodeId: 'legacy', reason: 'retired next sprint' }],
    };
    expect(diffDocuments(before, after).settings.map((s) => s.path)).toEqual([
      'name',
      'environment',
      'budget',
      'usage',
      'suppressions',
    ]);
  });
});
