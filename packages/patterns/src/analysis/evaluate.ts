import type { AccessMode, DocumentNode } from '../document/schema';
import type { Graph, ResolvedEdge } from '../graph/graph';
import { buffering, retention } from './resilience';
import type { Route } from './routes';
import type { NodeImpact, PathStatus, RouteResult } from './types';

/** A node as a sentence names it: its label in quotes, or its id. */
export const quoted = (n: DocumentNode) => `"${n.label.trim() || n.id}"`;

const RANK: Record<PathStatus, number> = { working: 0, degraded: 1, broken: 2 };
/** The worse / the better of two statuses (broken is worse than degraded, degraded than working). */
export const worse = (a: PathStatus, b: PathStatus): PathStatus => (RANK[a] >= RANK[b] ? a : b);
export const better = (a: PathStatus, b: PathStatus): PathStatus => (RANK[a] <= RANK[b] ? a : b);

/** What a hop into a data store does with it (DESIGN.md: `config.access`, default readwrite). */
export function accessOf(r: ResolvedEdge): AccessMode {
  return r.edge.config?.access ?? 'readwrite';
}

/** Replicas of a data store that are still up: where reads (or, multi-active, writes) can go. */
function liveReplicas(graph: Graph, store: DocumentNode, impacts: ReadonlyMap<string, NodeImpact>) {
  const live = graph
    .outgoing(store.id)
    .filter((r) => r.kind === 'replication' && impacts.get(r.target.id)?.state !== 'failed')
    .map((r) => r.target);
  // Replication both ways between copies of the same kind (a DynamoDB global table) makes every
  // copy writable: the peer can take the writes.
  const peers = live.filter(
    (t) =>
      t.kind === store.kind &&
      graph.outgoing(t.id).some((r) => r.kind === 'replication' && r.target.id === store.id),
  );
  return { live, peers };
}

function where(graph: Graph, n: DocumentNode): string {
  return graph.enclosing(n.id, 'region') ? ` in ${graph.regionOf(n.id)}` : '';
}

/** The hop into a node that is down: how the route fares (it never continues past it). */
function intoFailed(
  graph: Graph,
  hop: ResolvedEdge,
  impacts: ReadonlyMap<string, NodeImpact>,
): { status: PathStatus; reason: string } {
  const { source, target } = hop;
  const down = `${quoted(target)} is down (${impacts.get(target.id)?.reason ?? 'failed'})`;
  if (hop.kind === 'trigger') {
    const held = buffering(source);
    if (held) {
      const kept = retention(source);
      return {
        status: 'degraded',
        reason: `${down}: ${held} ${quoted(source)} until it recovers${kept ? ` (kept ${kept})` : ''}; none are lost, they are processed late.`,
      };
    }
    const dlq = graph.outgoing(source.id).find((r) => r.kind === 'redrive')?.target;
    return {
      status: 'degraded',
      reason: `${down}: ${quoted(source)} retries the delivery, then ${dlq ? `sends the events to ${quoted(dlq)}` : 'drops the events'}.`,
    };
  }
  if (graph.hasTrait(target.id, 'data')) {
    const access = accessOf(hop);
    const { live, peers } = liveReplicas(graph, target, impacts);
    const peer = peers[0];
    if (peer)
      return {
        status: 'degraded',
        reason: `${down}: its replica ${quoted(peer)}${where(graph, peer)} takes the reads and writes (multi-active replication), if the caller switches to it.`,
      };
    const replica = live[0];
    if (access === 'read' && replica)
      return {
        status: 'degraded',
        reason: `${down}: reads are served by its replica ${quoted(replica)}${where(graph, replica)}, which may lag behind.`,
      };
    const what = access === 'read' ? 'reads from' : 'writes to';
    const reads = replica && access === 'readwrite' ? `; reads could be served by ${quoted(replica)}` : '';
    return {
      status: 'broken',
      reason: `${down}: ${what} ${quoted(target)} fail, with no standby or replica to take over${reads}.`,
    };
  }
  // DNS does not call its endpoints: it hands their address to the clients, who then fail.
  const effect =
    hop.kind === 'async'
      ? 'cannot send to it'
      : source.kind === 'dns'
        ? 'still sends clients to it, and their requests fail'
        : 'calls it and gets errors';
  return { status: 'broken', reason: `${down}: ${quoted(source)} ${effect}.` };
}

/**
 * How one route fares: hop by hop from its entry, the first node that is down decides (a queue
 * buffers for a failed consumer, a replica serves reads, else the route breaks there); nodes that
 * fail over to a standby degrade the route and it goes on.
 */
export function evaluateRoute(
  graph: Graph,
  route: Route,
  impacts: ReadonlyMap<string, NodeImpact>,
): RouteResult {
  const result: RouteResult = {
    nodeIds: route.nodes.map((n) => n.id),
    edgeIds: route.edges.map((e) => e.edge.id),
    status: 'working',
    reason: 'Every hop is up.',
    failedNodeIds: route.nodes.filter((n) => impacts.get(n.id)?.state === 'failed').map((n) => n.id),
  };
  const failovers: string[] = [];
  const entry = route.nodes[0];
  if (entry && impacts.get(entry.id)?.state === 'failed') {
    result.status = 'broken';
    result.reason = `${quoted(entry)} is down (${impacts.get(entry.id)?.reason}).`;
    return result;
  }
  for (const hop of route.edges) {
    const impact = impacts.get(hop.target.id);
    if (!impact) continue;
    if (impact.state === 'failover') {
      failovers.push(impact.reason);
      continue;
    }
    const outcome = intoFailed(graph, hop, impacts);
    result.status = outcome.status;
    result.reason =
      failovers.length > 0 ? `${outcome.reason} Also: ${failovers.join('; ')}.` : outcome.reason;
    return result;
  }
  if (failovers.length > 0) {
    result.status = 'degraded';
    result.reason = `${failovers.join('; ')}.`.replace(/^./, (c) => c.toUpperCase());
  }
  return result;
}
