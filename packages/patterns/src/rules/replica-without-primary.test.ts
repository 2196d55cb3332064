import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'replica-without-primary';

describe(RULE, () => {
  it('is an error on a read replica with no replication from a SQL database', () => {
    const doc = design({
      nodes: [
        node('primary', 'sql-database', { multiAz: true }),
        node('replica', 'read-replica'),
        node('app', 'function'),
      ],
      edges: [edge('app', 'replica', 'sync', { access: 'read' })],
    });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'error',
      pillar: 'reliability',
      nodeIds: ['replica'],
      fix: { id: 'connect-primary', label: 'Replicate "primary" into "replica"' },
    });
  });

  it('offers no fix when several primaries could be meant', () => {
    const doc = design({
      nodes: [node('a', 'sql-database'), node('b', 'sql-database'), node('replica', 'read-replica')],
    });
    expect(findingsOfRule(doc, RULE)[0]?.fix).toBeUndefined();
  });

  it('picks the primary in the replica’s region when there are several', () => {
    const doc = design({
      nodes: [
        node('east', 'region', { name: 'us-east-1' }),
        node('west', 'region', { name: 'eu-west-1' }),
        node('a', 'sql-database', {}, { parent: 'east' }),
        node('b', 'sql-database', {}, { parent: 'west' }),
        node('replica', 'read-replica', {}, { parent: 'west' }),
      ],
    });
    expect(findingsOfRule(doc, RULE)[0]?.fix?.label).toBe('Replicate "b" into "replica"');
  });

  it('does not fire on a replica of a primary (also across regions)', () => {
    const doc = design({
      nodes: [
        node('west', 'region', { name: 'eu-west-1' }),
        node('primary', 'sql-database'),
        node('replica', 'read-replica', {}, { parent: 'west' }),
      ],
      edges: [edge('primary', 'replica', 'replication')],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });

  it('fix: draws the replication edge from the primary', () => {
    const doc = design({
      nodes: [
        node('primary', 'sql-database', { multiAz: true }),
        node('replica', 'read-replica'),
        node('app', 'function'),
      ],
      edges: [edge('app', 'replica', 'sync', { access: 'read' })],
    });
    const [f] = findingsOfRule(doc, RULE);
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.edges).toContainEqual({
      id: 'e-primary-replica',
      source: 'primary',
      target: 'replica',
      kind: 'replication',
    });
  });
});
