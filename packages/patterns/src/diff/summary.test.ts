import { describe, expect, it } from 'vitest';
import { diffDocuments } from './diff-documents';
import { summarizeDiff } from './summary';
import { load } from './test-support';
import type { DocumentDiff } from './types';

const empty = (): DocumentDiff => ({
  nodes: { added: [], removed: [], changed: [] },
  edges: { added: [], removed: [], changed: [] },
  settings: [],
});

describe('summarizeDiff', () => {
  it('says what a version did in one line: nodes by id, config changes with before and after', () => {
    const before = load({
      nodes: [
        { id: 'orders', kind: 'container-service', label: 'Orders' },
        { id: 'orders-db', kind: 'sql-database', label: 'Orders DB' },
        { id: 'reports', kind: 'function', label: 'Reports' },
      ],
      edges: [
        { id: 'e1', source: 'orders', target: 'orders-db' },
        { id: 'e2', source: 'orders', target: 'reports' },
      ],
    });
    const after = load({
      nodes: [
        { id: 'orders', kind: 'container-service', label: 'Orders' },
        { id: 'orders-db', kind: 'sql-database', label: 'Orders DB', config: { multiAz: true } },
        { id: 'reports', kind: 'function', label: 'Reports' },
        { id: 'orders-dlq', kind: 'dead-letter-queue', label: 'DLQ' },
        { id: 'auth', kind: 'auth', label: 'Users' },
      ],
      edges: [{ id: 'e1', source: 'orders', target: 'orders-db' }],
    });
    expect(summarizeDiff(diffDocuments(before, after))).toBe(
      'Added 2 nodes (orders-dlq, auth), changed orders-db (multiAz false → true), removed 1 edge',
    );
  });

  it('says "No changes" for identical documents', () => {
    const doc = load({ nodes: [{ id: 'a', kind: 'queue', label: 'A' }] });
    expect(summarizeDiff(diffDocuments(doc, load({ nodes: doc.nodes })))).toBe('No changes');
  });

  it('counts moves apart from changes, shortens long lists and names settings', () => {
    const d = empty();
    d.nodes.added = ['a', 'b', 'c', 'd', 'e'];
    d.nodes.changed = [
      { id: 'api', changes: [{ path: 'position', before: { x: 0, y: 0 }, after: { x: 9, y: 9 } }] },
      {
        id: 'db',
        changes: [
          { path: 'config.instanceClass', before: 'db.t4g.medium', after: 'db.r6g.large' },
          { path: 'config.storageGb', before: 20, after: 100 },
          { path: 'label', before: 'DB', after: 'Orders DB' },
        ],
      },
    ];
    d.edges.changed = [{ id: 'e9', changes: [{ path: 'config.timeoutMs', after: 2000 }] }];
    d.settings = [
      { path: 'name', before: 'Old', after: 'New name' },
      { path: 'budget', before: 500, after: 800 },
      { path: 'views', after: [] },
    ];
    expect(summarizeDiff(d)).toBe(
      'Added 5 nodes (a, b, c and 2 more), changed db (instanceClass db.t4g.medium → db.r6g.large, ' +
        'storageGb 20 → 100 and 1 more), moved 1 node, changed edge e9 (timeoutMs unset → 2000), ' +
        'renamed the design to "New name", changed budget 500 → 800, changed views',
    );
  });
});
