import { describe, expect, it } from 'vitest';
import { design, findingsOfRule, fix, node } from './test-support';

const RULE = 'single-az-database';

const dbs = (environment: 'production' | 'staging' | 'development') =>
  design({
    environment,
    nodes: [
      node('orders-db', 'sql-database'),
      node('docs', 'document-database', { instances: 1 }),
      node('ok-sql', 'sql-database', { multiAz: true }),
      node('ok-docs', 'document-database', { instances: 3 }),
    ],
  });

describe(RULE, () => {
  it('is a warning in production on SQL without Multi-AZ and single-instance document databases', () => {
    const found = findingsOfRule(dbs('production'), RULE);
    expect(found.map((f) => [f.nodeIds, f.severity, f.pillar])).toEqual([
      [['orders-db'], 'warning', 'reliability'],
      [['docs'], 'warning', 'reliability'],
    ]);
  });

  it('is only a note in staging and development', () => {
    expect(findingsOfRule(dbs('staging'), RULE).map((f) => f.severity)).toEqual(['info', 'info']);
    expect(findingsOfRule(dbs('development'), RULE).map((f) => f.severity)).toEqual(['info', 'info']);
  });

  it('does not fire on Multi-AZ databases', () => {
    const doc = design({
      nodes: [node('a', 'sql-database', { multiAz: true }), node('b', 'document-database', { instances: 2 })],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });

  it('fix: turns on Multi-AZ, or adds a second document database instance', () => {
    const doc = dbs('production');
    const [sql, docdb] = findingsOfRule(doc, RULE);
    const a = fix(doc, sql as NonNullable<typeof sql>);
    expect([a.gone, a.newErrors]).toEqual([true, []]);
    expect(a.doc.nodes.find((n) => n.id === 'orders-db')?.config).toEqual({ multiAz: true });
    const b = fix(doc, docdb as NonNullable<typeof docdb>);
    expect([b.gone, b.newErrors]).toEqual([true, []]);
    expect(b.doc.nodes.find((n) => n.id === 'docs')?.config).toEqual({ instances: 2 });
  });
});
