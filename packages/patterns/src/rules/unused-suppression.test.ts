import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'unused-suppression';

const doc = () =>
  design({
    environment: 'staging',
    nodes: [node('a', 'function'), node('db', 'sql-database'), node('v', 'secrets-vault')],
    edges: [edge('a', 'db', 'sync'), edge('a', 'v', 'sync')],
    suppressions: [
      { rule: 'single-az-database', nodeId: 'db', reason: 'staging copy' },
      { rule: 'single-az-databse', nodeId: 'db', reason: 'typo' },
      { rule: 'shared-database', reason: 'nothing to accept' },
    ],
  });

describe(RULE, () => {
  it('notes suppressions with an unknown rule or nothing to accept', () => {
    const found = findingsOfRule(doc(), RULE);
    expect(found.map((f) => [f.severity, f.pillar, f.nodeIds])).toEqual([
      ['info', 'operational-excellence', ['db']],
      ['info', 'operational-excellence', []],
    ]);
    expect(found.map((f) => f.message)).toEqual([
      'The suppression of "single-az-databse" on node "db" accepts nothing: there is no rule "single-az-databse" (did you mean "single-az-database"?).',
      'The suppression of "shared-database" accepts nothing: that finding no longer occurs; remove the entry.',
    ]);
  });

  it('notes a suppression left behind by an edit that deleted its node', () => {
    // Loading refuses such a document; an editor that deletes a node can still produce one.
    const d = doc();
    const edited = { ...d, suppressions: [{ rule: 'orphan-node', nodeId: 'gone', reason: 'deleted node' }] };
    expect(findingsOfRule(edited, RULE).map((f) => f.message)).toEqual([
      'The suppression of "orphan-node" on node "gone" accepts nothing: the design has no node "gone".',
    ]);
  });

  it('does not fire for a suppression that accepts a finding', () => {
    const d = doc();
    const kept = design({
      nodes: d.nodes.map((n) => ({ ...n })),
      edges: d.edges,
      environment: 'staging',
      suppressions: [d.suppressions?.[0] as never],
    });
    expect(findingsOfRule(kept, RULE)).toEqual([]);
    expect(findingsOfRule(kept, 'single-az-database')[0]?.suppressed).toEqual({ reason: 'staging copy' });
  });

  it('fix: removes exactly that entry', () => {
    const d = doc();
    const [typo] = findingsOfRule(d, RULE);
    const r = fix(d, typo as NonNullable<typeof typo>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.suppressions?.map((s) => s.rule)).toEqual(['single-az-database', 'shared-database']);
  });
});
