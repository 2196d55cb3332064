import { type ArchitectureDocument, emptyDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { canonicalJson, diffDocuments, summarizeChanges } from './diff';

function doc(patch: Partial<ArchitectureDocument> = {}): ArchitectureDocument {
  return {
    ...emptyDocument('Orders'),
    nodes: [
      { id: 'api', kind: 'api-gateway', label: 'API', position: { x: 0, y: 0 } },
      { id: 'fn', kind: 'function', label: 'Worker', position: { x: 100, y: 0 } },
      { id: 'q', kind: 'queue', label: 'Queue' },
    ],
    edges: [{ id: 'api-fn', source: 'api', target: 'fn' }],
    ...patch,
  };
}

describe('diffDocuments', () => {
  it('counts nodes and edges added, removed, changed and moved, by id', () => {
    const before = doc();
    const after = doc({
      nodes: [
        { id: 'api', kind: 'api-gateway', label: 'Public API', position: { x: 0, y: 0 } },
        { id: 'fn', kind: 'function', label: 'Worker', position: { x: 300, y: 40 } },
        { id: 'db', kind: 'sql-database', label: 'Orders DB' },
        { id: 'cache', kind: 'cache', label: 'Cache' },
      ],
      edges: [
        { id: 'api-fn', source: 'api', target: 'fn', label: 'POST /orders' },
        { id: 'fn-db', source: 'fn', target: 'db' },
      ],
    });
    expect(diffDocuments(before, after)).toEqual({
      nodes: { added: 2, removed: 1, changed: 1, moved: 1 },
      edges: { added: 1, removed: 0, changed: 1, moved: 0 },
      settings: [],
    });
  });

  it('ignores key order and reports settings by key', () => {
    const before = doc();
    const reordered = JSON.parse(canonicalJson(before)) as ArchitectureDocument;
    expect(diffDocuments(before, reordered)).toEqual({
      nodes: { added: 0, removed: 0, changed: 0, moved: 0 },
      edges: { added: 0, removed: 0, changed: 0, moved: 0 },
      settings: [],
    });
    expect(
      diffDocuments(before, doc({ name: 'Payments', region: 'eu-west-1', budget: 100 })).settings,
    ).toEqual(['name', 'region', 'budget']);
  });
});

describe('summarizeChanges', () => {
  it('describes the first version by its size', () => {
    expect(summarizeChanges(undefined, doc())).toBe('Created with 3 nodes and 1 edge');
    expect(summarizeChanges(undefined, emptyDocument())).toBe('Created with 0 nodes and 0 edges');
  });

  it('writes one line a person can scan', () => {
    const before = doc();
    const after = doc({
      name: 'Orders v2',
      environment: 'staging',
      budget: 500,
      nodes: [...doc().nodes.slice(0, 2), { id: 'db', kind: 'sql-database', label: 'DB' }],
      edges: [],
    });
    expect(summarizeChanges(before, after)).toBe(
      'Added 1 node, removed 1 node and 1 edge, renamed the design, changed environment and budget',
    );
    expect(summarizeChanges(before, doc())).toBe('No changes');
    const moved = doc({
      nodes: doc().nodes.map((n) => ({ ...n, position: { x: 5, y: 5 } })),
    });
    expect(summarizeChanges(before, moved)).toBe('Moved 3 nodes');
  });
});
