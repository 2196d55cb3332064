import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'secrets-not-managed';

describe(RULE, () => {
  it('fires once for the design, naming the services that use credentials', () => {
    const doc = design({
      nodes: [
        node('orders', 'container-service'),
        node('reports', 'function'),
        node('catalog', 'function'),
        node('db', 'sql-database'),
        node('replica', 'read-replica'),
        node('table', 'nosql-table'),
      ],
      edges: [
        edge('orders', 'db', 'sync'),
        edge('db', 'replica', 'replication'),
        edge('reports', 'replica', 'sync', { access: 'read' }),
        edge('catalog', 'table', 'sync'),
      ],
    });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      pillar: 'security',
      nodeIds: ['orders', 'reports'],
      edgeIds: ['e-orders-db', 'e-reports-replica'],
      fix: { label: 'Add a secrets vault and connect the services' },
    });
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.nodes).toContainEqual({
      id: 'db-secrets',
      kind: 'secrets-vault',
      label: 'Database credentials',
    });
    expect(r.doc.edges.filter((e) => e.target === 'db-secrets').map((e) => e.source)).toEqual([
      'orders',
      'reports',
    ]);
  });

  it('fires for a service not connected to the vault the design has, and the fix connects it', () => {
    const doc = design({
      nodes: [
        node('a', 'function'),
        node('b', 'function'),
        node('db', 'document-database'),
        node('vault', 'secrets-vault'),
      ],
      edges: [
        edge('a', 'db', 'sync', { access: 'read' }),
        edge('b', 'db', 'sync', { access: 'read' }),
        edge('a', 'vault', 'sync'),
      ],
    });
    const [f] = findingsOfRule(doc, RULE);
    expect(f?.nodeIds).toEqual(['b']);
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.nodes.filter((n) => n.kind === 'secrets-vault')).toHaveLength(1);
  });

  it('does not fire for IAM-authenticated stores or services connected to a vault', () => {
    const doc = design({
      nodes: [
        node('a', 'function'),
        node('t', 'nosql-table'),
        node('s3', 'object-storage'),
        node('b', 'function'),
        node('db', 'sql-database'),
        node('v', 'secrets-vault'),
      ],
      edges: [
        edge('a', 't', 'sync'),
        edge('a', 's3', 'sync'),
        edge('b', 'db', 'sync'),
        edge('b', 'v', 'sync'),
      ],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });
});
