import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'shared-database';

const shared = () =>
  design({
    nodes: [
      node('vpc', 'vpc', { defaultDeny: true }),
      node('orders', 'container-service', {}, { parent: 'vpc' }),
      node('payments', 'container-service', {}, { parent: 'vpc' }),
      node('reports', 'function', {}, { parent: 'vpc' }),
      node(
        'main-db',
        'sql-database',
        { multiAz: true, storageGb: 500 },
        { parent: 'vpc', position: { x: 300, y: 100 }, label: 'Main DB' },
      ),
      node('vault', 'secrets-vault'),
    ],
    edges: [
      edge('orders', 'main-db', 'sync'), // access defaults to readwrite
      edge('payments', 'main-db', 'sync', { access: 'write' }),
      edge('reports', 'main-db', 'sync', { access: 'read' }),
      edge('main-db', 'vault', 'sync'),
      edge('orders', 'vault', 'sync', { access: 'read' }),
      edge('payments', 'vault', 'sync', { access: 'read' }),
      edge('reports', 'vault', 'sync', { access: 'read' }),
    ],
  });

describe(RULE, () => {
  it('fires on a database written by two services, naming the writers and their write edges', () => {
    const [f, ...rest] = findingsOfRule(shared(), RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      pillar: 'reliability',
      nodeIds: ['main-db', 'orders', 'payments'],
      edgeIds: ['e-orders-main-db', 'e-payments-main-db'],
    });
    expect(f?.message).toContain('written by 2 services ("orders" and "payments")');
  });

  it('does not fire for one writer and several readers, or for writes by non-services', () => {
    const doc = design({
      nodes: [
        node('a', 'function'),
        node('b', 'function'),
        node('flow', 'state-machine'),
        node('table', 'nosql-table'),
      ],
      edges: [
        edge('a', 'table', 'sync'),
        edge('b', 'table', 'sync', { access: 'read' }),
        edge('flow', 'table', 'sync'),
      ],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });

  it('fix: gives the second writer its own copy and moves all of its edges to it', () => {
    const [f] = findingsOfRule(shared(), RULE);
    const r = fix(shared(), f as NonNullable<typeof f>);
    expect(r.gone).toBe(true);
    expect(r.newErrors).toEqual([]);
    const copy = r.doc.nodes.find((n) => n.id === 'main-db-payments');
    expect(copy).toMatchObject({
      kind: 'sql-database',
      label: 'Main DB (payments)',
      parent: 'vpc',
      position: { x: 300, y: 240 },
      config: { multiAz: true, storageGb: 500 },
    });
    expect(r.doc.edges.find((e) => e.id === 'e-payments-main-db')?.target).toBe('main-db-payments');
    expect(r.doc.edges.find((e) => e.id === 'e-orders-main-db')?.target).toBe('main-db');
    // The reader stays on the original; the copy keeps the original's connection to the vault.
    expect(r.doc.edges.find((e) => e.id === 'e-reports-main-db')?.target).toBe('main-db');
    expect(r.doc.edges).toContainEqual(
      expect.objectContaining({ source: 'main-db-payments', target: 'vault' }),
    );
  });
});
