import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'queue-without-dlq';

describe(RULE, () => {
  it('fires on a consumed queue with no dead-letter queue', () => {
    const doc = design({
      nodes: [
        node('use1', 'region', { name: 'us-east-1' }),
        node('orders', 'queue', {}, { parent: 'use1' }),
        node('worker', 'function'),
      ],
      edges: [edge('orders', 'worker', 'trigger')],
    });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      pillar: 'reliability',
      nodeIds: ['orders'],
      edgeIds: ['e-orders-worker'],
      fix: { id: 'add-dlq', label: 'Add a dead-letter queue to "orders"' },
    });
  });

  it('fires on a topic that invokes a consumer directly, without a subscription DLQ', () => {
    const doc = design({
      nodes: [node('events', 'topic'), node('handler', 'function')],
      edges: [edge('events', 'handler', 'trigger')],
    });
    expect(findingsOfRule(doc, RULE).map((f) => f.nodeIds)).toEqual([['events']]);
  });

  it('does not fire with a redrive, without a consumer, or for a topic feeding a queue', () => {
    const doc = design({
      nodes: [
        node('orders', 'queue'),
        node('orders-dlq', 'dead-letter-queue'),
        node('worker', 'function'),
        node('idle', 'queue'),
        node('producer', 'function'),
        node('events', 'topic'),
      ],
      edges: [
        edge('orders', 'worker', 'trigger'),
        edge('orders', 'orders-dlq', 'redrive'),
        edge('producer', 'idle', 'async'),
        edge('events', 'orders', 'async'),
      ],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });

  it('fix: adds a FIFO DLQ beside the queue with a redrive edge, under a free id', () => {
    const doc = design({
      nodes: [
        node('use1', 'region', { name: 'us-east-1' }),
        node(
          'orders',
          'queue',
          { fifo: true },
          { parent: 'use1', position: { x: 40, y: 60 }, label: 'Orders | "FIFO"' },
        ),
        node('orders-dlq', 'sql-database', { multiAz: true }, { parent: 'use1' }), // takes the natural id
        node('worker', 'function', {}, { parent: 'use1' }),
        node('vault', 'secrets-vault', {}, { parent: 'use1' }),
      ],
      edges: [
        edge('orders', 'worker', 'trigger'),
        edge('worker', 'orders-dlq', 'sync'),
        edge('worker', 'vault', 'sync', { access: 'read' }),
      ],
    });
    const [f] = findingsOfRule(doc, RULE);
    const r = fix(doc, f as NonNullable<typeof f>);
    expect(r.gone).toBe(true);
    expect(r.newErrors).toEqual([]);
    const dlq = r.doc.nodes.find((n) => n.id === 'orders-dlq-2');
    expect(dlq).toEqual({
      id: 'orders-dlq-2',
      kind: 'dead-letter-queue',
      label: 'Orders | "FIFO" DLQ',
      parent: 'use1',
      position: { x: 40, y: 200 },
      config: { fifo: true },
    });
    expect(r.doc.edges).toContainEqual({
      id: 'e-orders-orders-dlq-2',
      source: 'orders',
      target: 'orders-dlq-2',
      kind: 'redrive',
    });
  });
});
