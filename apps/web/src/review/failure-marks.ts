import type { FailureAnalysis, PathStatus } from '@stackdraft/patterns';
import type { Mark, Spotlight } from './spotlight';

const RANK: Record<PathStatus, number> = { working: 0, degraded: 1, broken: 2 };
const MARK: Record<PathStatus, Mark> = { working: 'ok', degraded: 'degraded', broken: 'broken' };

/**
 * What a failure does, drawn on the canvas: failed nodes dark red, nodes failing over amber, and
 * every client route's edges in the colour of its status. An edge shared by several routes shows
 * the best of them: it still carries requests if any route through it works (the client's edge to
 * a DNS that fails over stays green; only the dead region's edges turn red). Nothing else is
 * dimmed: the rest of the design is context.
 */
export function failureSpotlight(a: FailureAnalysis): Spotlight {
  const edgeStatus = new Map<string, PathStatus>();
  for (const path of a.paths) {
    for (const route of path.routes) {
      for (const id of route.edgeIds) {
        const was = edgeStatus.get(id);
        if (!was || RANK[route.status] < RANK[was]) edgeStatus.set(id, route.status);
      }
    }
  }
  const nodes = new Map<string, Mark>();
  for (const impact of a.impacts) nodes.set(impact.nodeId, impact.state === 'failed' ? 'failed' : 'degraded');
  const edges = new Map<string, Mark>();
  for (const [id, status] of edgeStatus) edges.set(id, MARK[status]);
  return { nodes, edges, dimOthers: false };
}
