import { findKind } from '../catalog/registry';
import type { ArchitectureDocument, DocumentNode } from '../document/schema';
import { type Graph, graphOf } from '../graph/graph';
import { accessOf, better, evaluateRoute, quoted, worse } from './evaluate';
import { dnsFailover } from './resilience';
import { carriesRequests, enumerateRoutes, type Route } from './routes';
import { failureScope } from './scope';
import { failureSummary } from './summary';
import type { ClientPath, FailureAnalysis, FailureSpec, NodeImpact, PathStatus, RouteResult } from './types';

/** A DNS node that answers with one of several endpoints: the routes behind it are alternatives. */
function routingPoint(graph: Graph, route: Route): number {
  return route.nodes.findIndex(
    (n) => n.kind === 'dns' && graph.outgoing(n.id).filter((r) => carriesRequests(graph, r)).length >= 2,
  );
}

/**
 * Routes that differ only in the endpoint a routing DNS picks, and then pass the same kinds of
 * node (the same stack in another region), are one client path with alternative routes.
 */
function groupRoutes(graph: Graph, routes: readonly Route[]): Route[][] {
  const groups = new Map<string, Route[]>();
  for (const route of routes) {
    const key = routeKey(graph, route);
    const list = groups.get(key);
    if (list) list.push(route);
    else groups.set(key, [route]);
  }
  return [...groups.values()];
}

/** Up to a routing DNS: the node ids; after it: the kinds, and what the last hop does with a store. */
function routeKey(graph: Graph, route: Route): string {
  const at = routingPoint(graph, route);
  if (at < 0) return route.edges.map((e) => e.edge.id).join('>');
  const last = route.edges[route.edges.length - 1];
  const access = last && graph.hasTrait(last.target.id, 'data') ? accessOf(last) : '';
  const shared = route.nodes.slice(0, at + 1).map((n) => n.id);
  const mirrored = route.nodes.slice(at + 1).map((n) => n.kind);
  return `${shared.join('>')}|${mirrored.join('>')}|${access}`;
}

const labelOf = (n: DocumentNode) => n.label.trim() || n.id;

function describe(graph: Graph, routes: readonly Route[]): string {
  const first = routes[0] as Route;
  if (routes.length === 1) return first.nodes.map(labelOf).join(' → ');
  // Alternatives behind a routing DNS: name the shared part, then the kinds of the routes.
  const at = routingPoint(graph, first);
  const shared = first.nodes.slice(0, at + 1).map(labelOf);
  const rest = first.nodes.slice(at + 1).map((n) => findKind(n.kind)?.label ?? n.kind);
  return `${[...shared, ...rest].join(' → ')} (${routes.length} routes)`;
}

function unique(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

/** Regions the routes with status `s` end in: "eu-west-1". */
function regionsOf(graph: Graph, routes: readonly Route[], results: readonly RouteResult[], s: PathStatus) {
  const names = new Set<string>();
  results.forEach((r, i) => {
    const last = routes[i]?.nodes.at(-1);
    if (r.status === s && last) names.add(graph.regionOf(last.id));
  });
  return [...names].join(', ');
}

/**
 * A path's status from its routes. Routes that still work as drawn decide, if any route broke and
 * the routing DNS sends its users to the others by itself; a degraded route degrades the path,
 * since the users it serves see it.
 */
function judgePath(
  graph: Graph,
  routes: readonly Route[],
  results: readonly RouteResult[],
): { status: PathStatus; reason: string } {
  const broken = results.filter((r) => r.status === 'broken');
  const alive = results.filter((r) => r.status !== 'broken');
  const worst = results.find((r) => r.status === results.map((x) => x.status).reduce(worse));
  if (broken.length === 0 || alive.length === 0) {
    const r = worst as RouteResult;
    return { status: r.status, reason: r.reason };
  }
  const best = alive.map((r) => r.status).reduce(better);
  const served = alive.find((r) => r.status === best) as RouteResult;
  const dns = (routes[0] as Route).nodes[routingPoint(graph, routes[0] as Route)] as DocumentNode;
  const failover = dnsFailover(dns);
  const via = regionsOf(graph, routes, results, best);
  const cause = `Through ${regionsOf(graph, routes, results, 'broken')}: ${(broken[0] as RouteResult).reason}`;
  if (failover.automatic)
    return {
      status: best,
      reason:
        best === 'working'
          ? `Served through ${via}: ${quoted(dns)} uses ${failover.how}. ${cause}`
          : `${served.reason} ${cause}`,
    };
  return {
    status: 'degraded',
    reason: `${via} can serve it, but ${quoted(dns)} uses ${failover.how}. ${cause}`,
  };
}

/**
 * What-if failure analysis: marks the given nodes, availability zones and regions as failed and
 * tells, for every client-facing path (from each client along sync, async and trigger edges to
 * where the request ends), whether it still works, degrades or breaks, and why. A Multi-AZ
 * database survives its zone (failover: degraded), a queue in front of a failed consumer buffers
 * (degraded), a replica serves reads (degraded), DNS latency/failover routing with health checks
 * routes around a failed region (working); a hop into a failed node with no alternative breaks
 * the path. Returns per-path results, the failed nodes, the ids to highlight and a summary
 * paragraph. Pure; linear in nodes + edges plus the routes followed (at most `MAX_ROUTES`).
 */
export function analyzeFailure(doc: ArchitectureDocument, failure: FailureSpec): FailureAnalysis {
  const graph = graphOf(doc);
  const scope = failureScope(graph, failure);
  const { routes, truncated } = enumerateRoutes(graph);
  const paths: ClientPath[] = [];
  const ids = new Set<string>();
  for (const group of groupRoutes(graph, routes)) {
    const results = group.map((r) => evaluateRoute(graph, r, scope.impacts));
    const first = group[0] as Route;
    const last = first.edges[first.edges.length - 1];
    const { status, reason } = judgePath(graph, group, results);
    // Two edges between the same nodes (a read and a write) make two paths over the same nodes.
    const base = first.nodes.map((n) => n.id).join('>');
    let id = ids.has(base) ? `${base}~${last?.edge.id}` : base;
    for (let k = 2; ids.has(id); k++) id = `${base}~${k}`;
    ids.add(id);
    const path: ClientPath = {
      id,
      entryId: (first.nodes[0] as DocumentNode).id,
      targetId: (first.nodes[first.nodes.length - 1] as DocumentNode).id,
      description: describe(graph, group),
      status,
      reason,
      nodeIds: unique(results.map((r) => r.nodeIds)),
      edgeIds: unique(results.map((r) => r.edgeIds)),
      routes: results,
      failedNodeIds: unique(results.map((r) => r.failedNodeIds)),
    };
    if (last && graph.hasTrait(last.target.id, 'data')) path.access = accessOf(last);
    paths.push(path);
  }

  const impacts: NodeImpact[] = [...scope.impacts.values()];
  const failedNodeIds = impacts.filter((i) => i.state === 'failed').map((i) => i.nodeId);
  const touched = new Set(scope.impacts.keys());
  const affectedEdges = new Set<string>();
  for (const p of paths)
    for (const r of p.routes) if (r.status !== 'working') for (const id of r.edgeIds) affectedEdges.add(id);
  for (const r of graph.edges)
    if (touched.has(r.source.id) || touched.has(r.target.id)) affectedEdges.add(r.edge.id);

  const counts = { working: 0, degraded: 0, broken: 0 };
  for (const p of paths) counts[p.status]++;
  const analysis: FailureAnalysis = {
    failure,
    unknown: scope.unknown,
    failedNodeIds,
    impacts,
    paths,
    counts,
    affected: { nodeIds: [...touched], edgeIds: [...affectedEdges] },
    atRisk: scope.atRisk,
    truncated,
    summary: '',
  };
  analysis.summary = failureSummary(analysis, scope.described);
  return analysis;
}
