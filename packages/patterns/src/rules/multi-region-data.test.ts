import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, type NodeSpec, node } from './test-support';

const RULE = 'multi-region-data';
const regions = (): NodeSpec[] => [
  node('east', 'region', { name: 'us-east-1' }),
  node('west', 'region', { name: 'eu-west-1' }),
];

describe(RULE, () => {
  it('fires when a service in another region writes a database that has no copy there', () => {
    const doc = design({
      nodes: [
        ...regions(),
        node('app-east', 'function', {}, { parent: 'east' }),
        node('app-west', 'function', {}, { parent: 'west' }),
        node('table', 'nosql-table', {}, { parent: 'east' }),
      ],
      edges: [edge('app-east', 'table', 'sync'), edge('app-west', 'table', 'sync')],
    });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      pillar: 'reliability',
      nodeIds: ['table', 'app-west'],
      edgeIds: ['e-app-west-table'],
    });
    expect(f?.message).toContain('is written from eu-west-1');
    // Fix: a replica table in eu-west-1 replicating both ways (a global table), written locally.
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.nodes).toContainEqual({
      id: 'table-eu-west-1',
      kind: 'nosql-table',
      label: 'table (eu-west-1)',
      parent: 'west',
      config: {},
    });
    expect(r.doc.edges.filter((e) => e.kind === 'replication').map((e) => `${e.source}>${e.target}`)).toEqual(
      ['table>table-eu-west-1', 'table-eu-west-1>table'],
    );
    expect(r.doc.edges.find((e) => e.id === 'e-app-west-table')?.target).toBe('table-eu-west-1');
    expect(findingsOfRule(r.doc, RULE)).toEqual([]);
  });

  it('fires when services run in two regions and a written database lives in one', () => {
    const doc = design({
      nodes: [
        ...regions(),
        node('app-east', 'container-service', {}, { parent: 'east' }),
        node('app-west', 'container-service', {}, { parent: 'west' }),
        node('db', 'sql-database', { multiAz: true, instanceClass: 'db.r6g.large' }, { parent: 'east' }),
        node('v', 'secrets-vault'),
      ],
      edges: [
        edge('app-east', 'db', 'sync'),
        edge('app-east', 'v', 'sync'),
        edge('app-west', 'db', 'sync', { access: 'read' }),
      ],
    });
    const [f] = findingsOfRule(doc, RULE);
    expect(f).toMatchObject({ nodeIds: ['db'], edgeIds: ['e-app-east-db'] });
    expect(f?.message).toContain('lives only in us-east-1 while services run in eu-west-1 and us-east-1');
    // Fix: a cross-region read replica; the west reader moves to it, writes stay on the primary.
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.nodes).toContainEqual(
      expect.objectContaining({
        id: 'db-eu-west-1',
        kind: 'read-replica',
        parent: 'west',
        config: { instanceClass: 'db.r6g.large', storageGb: 20 },
      }),
    );
    expect(r.doc.edges.find((e) => e.id === 'e-app-west-db')?.target).toBe('db-eu-west-1');
  });

  it('does not fire for a global table, a cross-region replica, or a single-region design', () => {
    const global = design({
      nodes: [
        ...regions(),
        node('a', 'function', {}, { parent: 'east' }),
        node('b', 'function', {}, { parent: 'west' }),
        node('t1', 'nosql-table', {}, { parent: 'east' }),
        node('t2', 'nosql-table', {}, { parent: 'west' }),
        node('db', 'sql-database', {}, { parent: 'east' }),
        node('r', 'read-replica', {}, { parent: 'west' }),
        node('search', 'search-index', {}, { parent: 'west' }),
        node('s', 'sql-database', {}, { parent: 'east' }),
      ],
      edges: [
        edge('a', 't1', 'sync'),
        edge('b', 't2', 'sync'),
        edge('t1', 't2', 'replication'),
        edge('t2', 't1', 'replication'),
        edge('a', 'db', 'sync'),
        edge('db', 'r', 'replication'),
        edge('b', 'r', 'sync', { access: 'read' }),
      ],
    });
    expect(findingsOfRule(global, RULE)).toEqual([]);
    const single = design({
      nodes: [node('a', 'function'), node('b', 'function'), node('db', 'sql-database')],
      edges: [edge('a', 'db', 'sync'), edge('b', 'db', 'sync')],
    });
    expect(findingsOfRule(single, RULE)).toEqual([]);
  });

  it('does not count a search index fed by replication as a copy of the database', () => {
    const doc = design({
      nodes: [
        ...regions(),
        node('a', 'function', {}, { parent: 'east' }),
        node('b', 'function', {}, { parent: 'west' }),
        node('db', 'sql-database', {}, { parent: 'east' }),
        node('search', 'search-index', {}, { parent: 'west' }),
      ],
      edges: [
        edge('a', 'db', 'sync'),
        edge('db', 'search', 'replication'),
        edge('b', 'search', 'sync', { access: 'read' }),
      ],
    });
    expect(findingsOfRule(doc, RULE).map((f) => f.nodeIds[0])).toEqual(['db']);
  });
});
