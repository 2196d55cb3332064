import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'invalid-connection';

describe(RULE, () => {
  it('is an error on an edge the catalog refuses, with the catalog’s reason, and the fix removes it', () => {
    const doc = design({
      nodes: [
        node('dlq', 'dead-letter-queue'),
        node('db', 'sql-database', { multiAz: true }),
        node('q', 'queue'),
      ],
      edges: [edge('dlq', 'db'), edge('q', 'dlq', 'redrive')],
    });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'error',
      pillar: 'operational-excellence',
      nodeIds: ['dlq', 'db'],
      edgeIds: ['e-dlq-db'],
      fix: { label: 'Remove this connection' },
    });
    expect(f?.message).toContain('Dead-letter queue "dlq" cannot connect to SQL database "db".');
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.edges.map((e) => e.id)).toEqual(['e-q-dlq']);
  });

  it('fires on a written kind the pair does not allow, and the fix switches to the allowed kind', () => {
    const doc = design({
      nodes: [node('q', 'queue'), node('fn', 'function'), node('dlq', 'dead-letter-queue')],
      edges: [edge('q', 'fn', 'sync'), edge('q', 'dlq', 'redrive')],
    });
    const [f] = findingsOfRule(doc, RULE);
    expect(f?.message).toBe('A queue connects to a function as trigger, not sync.');
    expect(f?.fix?.label).toBe('Make it a trigger edge');
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.edges[0]).toEqual({ id: 'e-q-fn', source: 'q', target: 'fn', kind: 'trigger' });
  });

  it('does not fire on allowed edges, written or inferred', () => {
    const doc = design({
      nodes: [node('q', 'queue'), node('fn', 'function'), node('dlq', 'dead-letter-queue')],
      edges: [edge('q', 'fn'), edge('q', 'dlq', 'redrive')],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });
});
