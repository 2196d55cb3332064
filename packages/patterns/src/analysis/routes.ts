import type { DocumentNode } from '../document/schema';
import type { Graph, ResolvedEdge } from '../graph/graph';
import { isObserver } from './resilience';

/** Routes followed at most: a design has tens of them; a generated one could have millions. */
export const MAX_ROUTES = 2000;
/** Hops followed at most on one route. */
export const MAX_HOPS = 40;

/** One route from an entry node to where a request ends, as drawn. */
export interface Route {
  nodes: DocumentNode[];
  /** `edges[i]` joins `nodes[i]` to `nodes[i + 1]`. */
  edges: ResolvedEdge[];
}

/**
 * Edges a request or message travels along. Replication and redrive are side effects, not the
 * request; a data store's own synchronous calls (a database fetching its rotated credentials) are
 * its dependencies, not a continuation of the request, while its events (a stream, an upload
 * notification) do carry it on.
 */
export function carriesRequests(graph: Graph, r: ResolvedEdge): boolean {
  if (r.kind === 'sync') return !graph.hasTrait(r.source.id, 'data') && !isObserver(r.target);
  return (r.kind === 'async' || r.kind === 'trigger') && !isObserver(r.target);
}

/**
 * Where client-facing paths start: the clients (entry nodes); in a design without any, the nodes
 * nothing sends requests to that send requests themselves (a scheduled job, an API with no client drawn).
 */
export function entryNodes(graph: Graph): DocumentNode[] {
  const clients = graph.doc.nodes.filter((n) => graph.hasTrait(n.id, 'entry'));
  if (clients.length > 0) return clients;
  return graph.doc.nodes.filter(
    (n) =>
      !graph.hasTrait(n.id, 'group') &&
      graph.outgoing(n.id).some((r) => carriesRequests(graph, r)) &&
      !graph.incoming(n.id).some((r) => carriesRequests(graph, r)),
  );
}

/**
 * Every route from each entry node along sync, async and trigger edges until nothing is sent
 * further, without visiting a node twice on one route (so cycles end). Depth-first, in document
 * order, so results are stable. Stops after `MAX_ROUTES` routes (`truncated`), which bounds the
 * work at MAX_ROUTES × MAX_HOPS steps whatever the design's shape.
 */
export function enumerateRoutes(graph: Graph): { routes: Route[]; truncated: boolean } {
  const routes: Route[] = [];
  let truncated = false;
  const onRoute = new Set<string>();
  const nodes: DocumentNode[] = [];
  const edges: ResolvedEdge[] = [];

  const visit = (node: DocumentNode): void => {
    if (routes.length >= MAX_ROUTES) {
      truncated = true;
      return;
    }
    nodes.push(node);
    onRoute.add(node.id);
    const next =
      nodes.length > MAX_HOPS
        ? []
        : graph.outgoing(node.id).filter((r) => carriesRequests(graph, r) && !onRoute.has(r.target.id));
    if (next.length === 0) {
      if (edges.length > 0) routes.push({ nodes: [...nodes], edges: [...edges] });
    } else {
      for (const r of next) {
        edges.push(r);
        visit(r.target);
        edges.pop();
      }
    }
    onRoute.delete(node.id);
    nodes.pop();
  };
  for (const entry of entryNodes(graph)) visit(entry);
  return { routes, truncated };
}
