import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'dlq-without-source';

describe(RULE, () => {
  it('fires on a dead-letter queue nothing redrives into, offering the lone queue beside it', () => {
    const doc = design({
      nodes: [node('orders', 'queue'), node('orders-dlq', 'dead-letter-queue'), node('worker', 'function')],
      edges: [edge('orders', 'worker', 'trigger')],
    });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      pillar: 'reliability',
      nodeIds: ['orders-dlq'],
      edgeIds: [],
      fix: { id: 'connect-source', label: 'Redrive "orders" into "orders-dlq"' },
    });
  });

  it('offers no fix when the source is ambiguous, and reports a lone DLQ once (not also as an orphan)', () => {
    const doc = design({
      nodes: [
        node('a', 'queue'),
        node('b', 'queue'),
        node('dlq', 'dead-letter-queue'),
        node('w', 'function'),
      ],
      edges: [edge('a', 'w', 'trigger'), edge('b', 'w', 'trigger')],
    });
    const [f] = findingsOfRule(doc, RULE);
    expect(f?.fix).toBeUndefined();
    expect(findingsOfRule(doc, 'orphan-node')).toEqual([]);
  });

  it('does not fire when a queue, topic or event bus redrives into it', () => {
    const doc = design({
      nodes: [
        node('q', 'queue'),
        node('bus', 'event-bus'),
        node('dlq', 'dead-letter-queue'),
        node('bus-dlq', 'dead-letter-queue'),
      ],
      edges: [edge('q', 'dlq', 'redrive'), edge('bus', 'bus-dlq', 'redrive')],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });

  it('fix: connects the queue with a redrive edge, which also settles queue-without-dlq', () => {
    const doc = design({
      nodes: [node('orders', 'queue'), node('orders-dlq', 'dead-letter-queue'), node('worker', 'function')],
      edges: [edge('orders', 'worker', 'trigger')],
    });
    const [f] = findingsOfRule(doc, RULE);
    const r = fix(doc, f as NonNullable<typeof f>);
    expect(r.gone).toBe(true);
    expect(r.newErrors).toEqual([]);
    expect(r.doc.edges).toContainEqual({
      id: 'e-orders-orders-dlq',
      source: 'orders',
      target: 'orders-dlq',
      kind: 'redrive',
    });
    expect(findingsOfRule(r.doc, 'queue-without-dlq')).toEqual([]);
  });
});
