import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'write-to-replica';

const base = (access?: 'read' | 'write' | 'readwrite') =>
  design({
    nodes: [
      node('primary', 'sql-database', { multiAz: true }),
      node('replica', 'read-replica'),
      node('reports', 'function'),
      node('vault', 'secrets-vault'),
    ],
    edges: [
      edge('primary', 'replica', 'replication'),
      edge('reports', 'replica', 'sync', access ? { access } : undefined),
      edge('reports', 'vault', 'sync', { access: 'read' }),
    ],
  });

describe(RULE, () => {
  it('is an error for a write edge, and for an edge with the default readwrite access', () => {
    for (const access of ['write', undefined] as const) {
      const [f, ...rest] = findingsOfRule(base(access), RULE);
      expect(rest).toEqual([]);
      expect(f).toMatchObject({
        severity: 'error',
        pillar: 'reliability',
        nodeIds: ['replica', 'reports'],
        edgeIds: ['e-reports-replica'],
      });
    }
    expect(findingsOfRule(base(undefined), RULE)[0]?.message).toContain(
      'with readwrite access (the default when access is not set)',
    );
  });

  it('does not fire for read access or the replication edge itself', () => {
    expect(findingsOfRule(base('read'), RULE)).toEqual([]);
  });

  it('fix: makes the connection read-only', () => {
    const doc = base('readwrite');
    const [f] = findingsOfRule(doc, RULE);
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.edges.find((e) => e.id === 'e-reports-replica')?.config).toEqual({ access: 'read' });
  });
});
