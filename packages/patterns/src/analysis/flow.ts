import type { EdgeKind } from '../catalog/types';
import type { ArchitectureDocument, DocumentNode } from '../document/schema';
import { type Graph, graphOf, type ResolvedEdge } from '../graph/graph';
import { hopSettings } from './hop-settings';
import { isObserver } from './resilience';

/** Hops a walkthrough lists at most (a presenter steps through a few dozen). */
export const MAX_FLOW_HOPS = 500;

/** One step of a walkthrough: the node reached, over which edge, and its settings. */
export interface FlowHop {
  /** Position in `hops` (breadth-first order: the order the presenter steps through). */
  index: number;
  /** Hops from the start node (0 for the start itself). */
  depth: number;
  /** Index of the hop this one continues from; null for the start. */
  parent: number | null;
  nodeId: string;
  /** The edge taken into `nodeId` (absent for the start). */
  edgeId?: string;
  edgeKind?: EdgeKind;
  fromId?: string;
  /** `side` for a redrive to a dead-letter queue and what follows it: what happens on failure. */
  branch: 'main' | 'side';
  /**
   * The node was already reached earlier in the walk (a cycle, or two paths meeting): the hop is
   * listed so the edge can be shown, but not followed again, so the walk always ends.
   */
  revisit?: true;
  /** What happens on this hop: `"Orders API" calls "orders-svc"`. */
  title: string;
  /** Settings present on the edge and the node, e.g. `timeout 2,000 ms`, `Multi-AZ (standby in another zone)`. */
  settings: string[];
  /** Settings a reviewer would ask about because they are missing, e.g. `no circuit breaker`. */
  missing: string[];
}

export interface FlowWalk {
  startId: string;
  hops: FlowHop[];
  /** Every node and edge on the walk, for highlighting. */
  nodeIds: string[];
  edgeIds: string[];
  /** True when the walk stopped at `MAX_FLOW_HOPS`. */
  truncated: boolean;
}

/** Order in which a node's outgoing edges are stepped through: the request first, side effects last. */
const KIND_ORDER: Record<EdgeKind, number> = { sync: 0, async: 1, trigger: 2, replication: 3, redrive: 4 };
const quoted = (n: DocumentNode) => `"${n.label.trim() || n.id}"`;

function title(graph: Graph, r: ResolvedEdge): string {
  const s = quoted(r.source);
  const t = quoted(r.target);
  switch (r.kind) {
    case 'sync': {
      if (r.source.kind === 'dns') return `${s} resolves to ${t}`;
      if (!graph.hasTrait(r.target.id, 'data')) return `${s} calls ${t}`;
      const access = r.edge.config?.access ?? 'readwrite';
      return access === 'read'
        ? `${s} reads from ${t}`
        : access === 'write'
          ? `${s} writes to ${t}`
          : `${s} reads and writes ${t}`;
    }
    case 'async':
      return `${s} sends a message to ${t}`;
    case 'trigger':
      return `${s} delivers to ${t}`;
    case 'replication':
      return `${s} replicates to ${t}`;
    case 'redrive':
      return `${s} moves failing messages to ${t}`;
    default:
      return `${s} connects to ${t}`;
  }
}

/**
 * The walkthrough of a request or message from `startId`: breadth-first along every outgoing edge
 * (sync calls, async sends, triggers to consumers, writes, replication, and redrives to a DLQ as a
 * side branch), each hop with its node and edge ids, the edge kind and the relevant settings
 * present or missing as short strings. Each node is expanded once, so cycles end; monitoring is
 * not followed. Linear in the nodes and edges reached. Throws when `startId` is not a node of `doc`.
 */
export function walkFlow(doc: ArchitectureDocument, startId: string): FlowWalk {
  const graph = graphOf(doc);
  const start = graph.nodes.get(startId);
  if (!start) throw new Error(`No node "${startId}" in the design to start the walkthrough from`);
  const first = hopSettings(graph, start);
  const hops: FlowHop[] = [
    {
      index: 0,
      depth: 0,
      parent: null,
      nodeId: start.id,
      branch: 'main',
      title: `Start at ${quoted(start)}`,
      settings: first.settings,
      missing: first.missing,
    },
  ];
  const seen = new Set([start.id]);
  let truncated = false;
  for (let i = 0; i < hops.length && !truncated; i++) {
    const from = hops[i] as FlowHop;
    if (from.revisit) continue;
    const next = graph
      .outgoing(from.nodeId)
      .filter((r) => r.kind !== undefined && !isObserver(r.target))
      .sort((a, b) => KIND_ORDER[a.kind as EdgeKind] - KIND_ORDER[b.kind as EdgeKind]);
    for (const r of next) {
      if (hops.length >= MAX_FLOW_HOPS) {
        truncated = true;
        break;
      }
      const revisit = seen.has(r.target.id);
      // A node shown before: only the edge's settings are new.
      const { settings, missing } = hopSettings(graph, r.target, r, !revisit);
      const hop: FlowHop = {
        index: hops.length,
        depth: from.depth + 1,
        parent: from.index,
        nodeId: r.target.id,
        edgeId: r.edge.id,
        edgeKind: r.kind,
        fromId: from.nodeId,
        branch: from.branch === 'side' || r.kind === 'redrive' ? 'side' : 'main',
        title: title(graph, r),
        settings,
        missing,
      };
      if (revisit) hop.revisit = true;
      seen.add(r.target.id);
      hops.push(hop);
    }
  }
  return {
    startId,
    hops,
    nodeIds: [...seen],
    edgeIds: hops.flatMap((h) => (h.edgeId === undefined ? [] : [h.edgeId])),
    truncated,
  };
}
