import type { ArchitectureDocument } from '../document/schema';
import { graphOf } from '../graph/graph';
import { deployedInDefaultRegion } from './resilience';
import { entryNodes } from './routes';

/** A region or zone a person can mark as failed. */
export interface FailureTarget {
  /** What to pass in `FailureSpec.regions` / `zones`: the group's id, or the region code for the document's region. */
  id: string;
  /** The region code or zone name, e.g. `us-east-1`, `us-east-1a`. */
  name: string;
  /** The group's label (the name for the document's own region). */
  label: string;
  /** Nodes a failure of it takes down (groups included). */
  nodeCount: number;
}

export interface AnalysisTargets {
  /** Where walkthroughs and client paths start: the clients, else the nodes requests start from. */
  entryIds: string[];
  regions: FailureTarget[];
  zones: FailureTarget[];
}

const nameOf = (n: { id: string; config?: Record<string, unknown> }) =>
  typeof n.config?.name === 'string' ? n.config.name : n.id;

/**
 * What the review UI offers to fail and to start a walkthrough from: the design's region groups
 * (plus the document's own region when nodes sit outside every region group), its
 * availability-zone groups, and its entry nodes. Linear in nodes.
 */
export function analysisTargets(doc: ArchitectureDocument): AnalysisTargets {
  const graph = graphOf(doc);
  const regions = new Map<string, FailureTarget>();
  const zones = new Map<string, FailureTarget>();
  let outside = 0;
  for (const n of doc.nodes) {
    if (n.kind === 'region') regions.set(n.id, { id: n.id, name: nameOf(n), label: n.label, nodeCount: 1 });
    if (n.kind === 'availability-zone')
      zones.set(n.id, { id: n.id, name: nameOf(n), label: n.label, nodeCount: 1 });
  }
  for (const n of doc.nodes) {
    const above = graph.ancestors(n.id);
    const region = above.find((a) => a.kind === 'region');
    const zone = above.find((a) => a.kind === 'availability-zone');
    if (region) (regions.get(region.id) as FailureTarget).nodeCount++;
    else if (n.kind !== 'region' && deployedInDefaultRegion(graph, n)) outside++;
    if (zone) (zones.get(zone.id) as FailureTarget).nodeCount++;
  }
  const list = [...regions.values()];
  if (outside > 0 && !regions.has(doc.region))
    list.push({ id: doc.region, name: doc.region, label: doc.region, nodeCount: outside });
  return { entryIds: entryNodes(graph).map((n) => n.id), regions: list, zones: [...zones.values()] };
}
