import { resolveConfig } from '../catalog/registry';
import type { DocumentNode } from '../document/schema';
import type { Graph, ResolvedEdge } from '../graph/graph';
import { duration } from './resilience';

/**
 * The settings a walkthrough shows on each hop, as short strings a presenter reads out: what is
 * configured ("timeout 2,000 ms", "Multi-AZ") and what a reviewer would ask about because it is
 * missing ("no circuit breaker", "no dead-letter queue"). Kind knowledge kept as one table, like
 * `resilience.ts`.
 */
export interface HopSettings {
  settings: string[];
  missing: string[];
}

type Config = Record<string, unknown>;
const n = (v: unknown) => (typeof v === 'number' ? v : 0);
const count = (x: number) => x.toLocaleString('en-US');
const label = (node: DocumentNode) => `"${node.label.trim() || node.id}"`;
const ACCESS = { read: 'reads', write: 'writes', readwrite: 'reads and writes' } as const;

/** Is the node a service (runs code), whose synchronous calls need timeouts, retries and a breaker? */
const callsFromCode = (graph: Graph, id: string) =>
  graph.hasTrait(id, 'compute') || graph.nodes.get(id)?.kind === 'state-machine';

function deadLetter(graph: Graph, node: DocumentNode, out: HopSettings, receives?: number): void {
  const dlq = graph.outgoing(node.id).find((r) => r.kind === 'redrive')?.target;
  if (dlq)
    out.settings.push(`dead-letter queue ${label(dlq)}${receives ? ` after ${receives} receives` : ''}`);
  else if (graph.outgoing(node.id).some((r) => r.kind === 'trigger' || r.kind === 'async'))
    out.missing.push('no dead-letter queue: failing messages are retried until they expire');
}

type NodeRule = (graph: Graph, node: DocumentNode, c: Config, out: HopSettings) => void;

const NODES: Readonly<Record<string, NodeRule>> = {
  client: (_g, _n, c, o) => void o.settings.push(`${count(n(c.requestsPerSecond))} requests/s`),
  dns: (_g, _n, c, o) => {
    o.settings.push(`${c.routing} routing`);
    if (n(c.healthChecks) > 0) o.settings.push(`${n(c.healthChecks)} health checks`);
    else if (c.routing !== 'simple')
      o.missing.push('no health checks: a failed endpoint keeps getting traffic');
  },
  'api-gateway': (_g, _n, c, o) => {
    if (c.auth !== 'none') o.settings.push(`auth: ${c.auth}`);
    else o.missing.push('no auth');
    if (n(c.rateLimitPerSecond) > 0) o.settings.push(`rate limit ${count(n(c.rateLimitPerSecond))}/s`);
    else o.missing.push('no rate limit');
  },
  'load-balancer': (_g, _n, c, o) => void o.settings.push(`${c.type} load balancer`),
  'container-service': (_g, _n, c, o) => {
    if (n(c.tasks) >= 2) o.settings.push(`${n(c.tasks)} tasks`);
    else o.missing.push(`${n(c.tasks)} task: no redundancy`);
  },
  'kubernetes-service': (_g, _n, c, o) => {
    if (n(c.replicas) >= 2) o.settings.push(`${n(c.replicas)} replicas`);
    else o.missing.push(`${n(c.replicas)} replica: no redundancy`);
  },
  function: (_g, _n, c, o) => void o.settings.push(`${n(c.memoryMb)} MB, timeout ${duration(n(c.timeoutS))}`),
  queue: (g, node, c, o) => {
    if (c.fifo === true) o.settings.push('FIFO');
    o.settings.push(`visibility timeout ${duration(n(c.visibilityTimeoutS))}`);
    deadLetter(g, node, o, n(c.maxReceiveCount));
  },
  topic: (g, node, _c, o) => deadLetter(g, node, o),
  'event-bus': (g, node, _c, o) => deadLetter(g, node, o),
  kafka: (_g, _n, c, o) => void o.settings.push(`${n(c.brokers)} brokers`),
  'sql-database': (g, node, c, o) => {
    if (c.multiAz === true) o.settings.push('Multi-AZ (standby in another zone)');
    else o.missing.push('single-AZ: no standby if its zone fails');
    const replicas = g.outgoing(node.id).filter((r) => r.kind === 'replication').length;
    if (replicas > 0) o.settings.push(`${replicas} read replica${replicas === 1 ? '' : 's'}`);
    if (n(c.backupRetentionDays) > 0) o.settings.push(`backups kept ${n(c.backupRetentionDays)} days`);
    else o.missing.push('no automated backups');
  },
  'read-replica': () => undefined,
  'document-database': (_g, _n, c, o) => {
    if (n(c.instances) >= 2) o.settings.push(`${n(c.instances)} instances (failover to a replica)`);
    else o.missing.push('1 instance: no failover');
  },
  cache: (_g, _n, c, o) => {
    if (n(c.nodes) >= 2) o.settings.push(`${n(c.nodes)} nodes (failover to a replica)`);
    else o.missing.push('1 node: no failover');
  },
  'nosql-table': (g, node, c, o) => {
    o.settings.push(`${c.capacityMode} capacity`);
    if (c.pointInTimeRecovery === true) o.settings.push('point-in-time recovery');
    else o.missing.push('no point-in-time recovery');
    const peers = g.outgoing(node.id).filter((r) => r.kind === 'replication').length;
    if (peers > 0) o.settings.push(`replicated to ${peers} other table${peers === 1 ? '' : 's'}`);
  },
};

function edgeSettings(graph: Graph, r: ResolvedEdge, out: HopSettings): void {
  const c = r.edge.config ?? {};
  if (r.kind === 'sync') {
    if (c.protocol) out.settings.push(c.protocol.toUpperCase());
    if (c.route) out.settings.push(`route ${c.route}`);
    if (c.rateLimitPerSecond !== undefined)
      out.settings.push(`route rate limit ${count(c.rateLimitPerSecond)}/s`);
    const service = callsFromCode(graph, r.source.id) && !graph.hasTrait(r.target.id, 'data');
    if (c.timeoutMs !== undefined) out.settings.push(`timeout ${count(c.timeoutMs)} ms`);
    else if (service) out.missing.push('no timeout');
    if (c.retry) {
      const backoff =
        c.retry.baseDelayMs !== undefined ? `, backoff from ${count(c.retry.baseDelayMs)} ms` : '';
      out.settings.push(
        `retry up to ${c.retry.maxAttempts} attempts${backoff}${c.retry.jitter ? ' with jitter' : ''}`,
      );
    } else if (service) out.missing.push('no retry');
    if (c.circuitBreaker) {
      const reset =
        c.circuitBreaker.resetTimeoutS !== undefined
          ? `, retries after ${duration(c.circuitBreaker.resetTimeoutS)}`
          : '';
      out.settings.push(`circuit breaker opens after ${c.circuitBreaker.failureThreshold} failures${reset}`);
    } else if (service) out.missing.push('no circuit breaker');
  }
  if (graph.hasTrait(r.target.id, 'data') && (r.kind === 'sync' || r.kind === 'async'))
    out.settings.push(ACCESS[c.access ?? 'readwrite']);
  if (c.topic) out.settings.push(`topic ${c.topic}`);
  if (c.consumerGroup) out.settings.push(`consumer group ${c.consumerGroup}`);
  if (c.batchSize !== undefined) out.settings.push(`batches of ${c.batchSize}`);
  if (c.ratio !== undefined && c.ratio !== 1) out.settings.push(`${c.ratio} per request`);
  if (r.kind === 'replication') {
    const from = graph.regionOf(r.source.id);
    const to = graph.regionOf(r.target.id);
    out.settings.push(from === to ? 'asynchronous, same region' : `asynchronous, ${from} → ${to}`);
  }
}

/**
 * What a walkthrough shows on the hop over `edge` (when given) into `node`; with `withNode` false,
 * only the edge's settings (for a node the walkthrough has shown before).
 */
export function hopSettings(
  graph: Graph,
  node: DocumentNode,
  edge?: ResolvedEdge,
  withNode = true,
): HopSettings {
  const out: HopSettings = { settings: [], missing: [] };
  if (edge) edgeSettings(graph, edge, out);
  if (withNode) NODES[node.kind]?.(graph, node, resolveConfig(node), out);
  return out;
}
