import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';

/**
 * A large, valid, realistic document for benchmarks: `services` service cells, each a gateway
 * route to a service with its database, queue and DLQ, plus cross-service calls, spread over
 * regions. Deterministic (no randomness) so runs compare.
 */
export function generateLargeDocument(nodeCount = 10_000, edgeCount = 15_000): ArchitectureDocument {
  const nodes: DocumentNode[] = [];
  const edges: DocumentEdge[] = [];
  const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
  regions.forEach((name, i) => {
    nodes.push({
      id: `region-${i}`,
      kind: 'region',
      label: name,
      position: { x: i * 4000, y: 0 },
      config: { name },
    });
  });
  const cell = ['container-service', 'sql-database', 'queue', 'dead-letter-queue', 'function'] as const;
  let i = 0;
  while (nodes.length < nodeCount) {
    const c = i++;
    const parent = `region-${c % regions.length}`;
    const base = { x: (c % 50) * 220, y: Math.floor(c / 50) * 160 };
    for (const [j, kind] of cell.entries()) {
      if (nodes.length >= nodeCount) break;
      const node: DocumentNode = {
        id: `${kind}-${c}`,
        kind,
        label: `${kind} #${c} "cell" <${c % 7}>`,
        parent,
        position: { x: base.x + j * 30, y: base.y },
      };
      if (kind === 'sql-database')
        node.config = { instanceClass: 'db.r6g.large', multiAz: c % 2 === 0, storageGb: 100 };
      if (kind === 'container-service') node.config = { tasks: 3, cpu: 1, memoryGb: 2 };
      if (kind === 'queue') node.config = { visibilityTimeoutS: 60, maxReceiveCount: 5 };
      nodes.push(node);
    }
  }
  const has = new Set(nodes.map((n) => n.id));
  const add = (source: string, target: string, config?: DocumentEdge['config']) => {
    if (edges.length >= edgeCount || source === target || !has.has(source) || !has.has(target)) return;
    const e: DocumentEdge = { id: `e${edges.length}`, source, target };
    if (config) e.config = config;
    edges.push(e);
  };
  for (let c = 0; c < i; c++) {
    add(`container-service-${c}`, `sql-database-${c}`, { access: 'readwrite' });
    add(`container-service-${c}`, `queue-${c}`);
    add(`queue-${c}`, `function-${c}`, { batchSize: 10 });
    add(`queue-${c}`, `dead-letter-queue-${c}`);
  }
  for (let c = 1; edges.length < edgeCount && c < i * 4; c++) {
    add(`container-service-${c % i}`, `container-service-${(c * 7 + 1) % i}`, {
      timeoutMs: 2000,
      retry: { maxAttempts: 3, baseDelayMs: 100, jitter: true },
      circuitBreaker: { failureThreshold: 5, resetTimeoutS: 60 },
    });
  }
  return {
    stackdraft: 1,
    name: 'Large generated design',
    provider: 'aws',
    region: 'us-east-1',
    environment: 'production',
    nodes,
    edges,
  };
}
