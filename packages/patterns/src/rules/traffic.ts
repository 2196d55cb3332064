import type { Graph } from '../graph/graph';
import { kindHasTrait } from './context';

/**
 * Requests per second that clients state they send to `nodeId`, through the front door (DNS, CDN,
 * WAF, load balancer) and scaled by each edge's `ratio`. Undefined when no client on the way
 * states its `requestsPerSecond`: a default is not a stated workload.
 */
export function statedClientRps(graph: Graph, nodeId: string): number | undefined {
  const onPath = new Set<string>();
  const walk = (id: string): number | undefined => {
    if (onPath.has(id)) return undefined;
    onPath.add(id);
    let total: number | undefined;
    for (const r of graph.incoming(id)) {
      if (r.kind !== 'sync') continue;
      const ratio = r.edge.config?.ratio ?? 1;
      let rps: number | undefined;
      if (kindHasTrait(r.source.kind, 'entry')) {
        const stated = r.source.config?.requestsPerSecond;
        rps = typeof stated === 'number' ? stated : undefined;
      } else if (kindHasTrait(r.source.kind, 'edge') && r.source.kind !== 'api-gateway') {
        rps = walk(r.source.id);
      }
      if (rps !== undefined) total = (total ?? 0) + rps * ratio;
    }
    onPath.delete(id);
    return total;
  };
  return walk(nodeId);
}

/** The smallest of 1, 2, 5, 10, 20, 50, ... that is at least `n`. */
export function niceCeil(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}
