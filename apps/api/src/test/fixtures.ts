/** Small valid documents for the API tests (plain JSON, as a client sends them). */

export function orders(name = 'Orders platform') {
  return {
    stackdraft: 1,
    name,
    nodes: [
      { id: 'api', kind: 'api-gateway', label: 'Public API' },
      { id: 'orders-queue', kind: 'queue', label: 'Orders queue' },
      { id: 'orders-dlq', kind: 'dead-letter-queue', label: 'Orders DLQ' },
      { id: 'worker', kind: 'function', label: 'Order worker', config: { memoryMb: 1024 } },
    ],
    edges: [
      { id: 'api-queue', source: 'api', target: 'orders-queue' },
      { id: 'queue-worker', source: 'orders-queue', target: 'worker' },
      { id: 'queue-dlq', source: 'orders-queue', target: 'orders-dlq' },
    ],
  };
}

export type PlainDocument = ReturnType<typeof orders>;

/** The same design with a node added, one relabelled and one edge removed. */
export function ordersEdited(): PlainDocument {
  const d = orders();
  d.nodes[3] = { ...d.nodes[3], label: 'Order worker v2' } as PlainDocument['nodes'][number];
  d.nodes.push({ id: 'orders-db', kind: 'sql-database', label: 'Orders DB' });
  d.edges = d.edges.filter((e) => e.id !== 'api-queue');
  return d;
}

/** JSON text of objects nested `depth` levels deep (JSON.stringify itself would overflow the stack). */
export function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}true${'}'.repeat(depth)}`;
}
