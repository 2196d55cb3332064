import type { AccessMode } from '../document/schema';

/** What to fail: node ids, availability zones and regions (group node ids, or zone / region names). */
export interface FailureSpec {
  nodes?: string[];
  /** Availability-zone group ids or zone names (`us-east-1a`). */
  zones?: string[];
  /** Region group ids or region codes (`us-east-1`; the document's region covers nodes outside region groups). */
  regions?: string[];
}

export type PathStatus = 'working' | 'degraded' | 'broken';

/** A node the failure touches: down, or still serving through a failover to a standby. */
export interface NodeImpact {
  nodeId: string;
  state: 'failed' | 'failover';
  /** "in the failed region us-east-1", "fails over to its Multi-AZ standby in another zone ...". */
  reason: string;
}

/** One route a request takes: the hops as drawn. */
export interface RouteResult {
  nodeIds: string[];
  edgeIds: string[];
  status: PathStatus;
  reason: string;
  /** Nodes on this route that are down. */
  failedNodeIds: string[];
}

/**
 * One client-facing path: from an entry node (a client) along sync, async and trigger edges to
 * where the request ends (usually a data store). Routes that differ only in which endpoint a
 * routing DNS picks (one per region in an active-active design) form one path with several routes.
 */
export interface ClientPath {
  /** Stable across runs: the node ids of the first route, joined by `>`. */
  id: string;
  entryId: string;
  /** Where the first route ends. */
  targetId: string;
  /** What the last hop does with a data store (read, write, readwrite), when it ends at one. */
  access?: AccessMode;
  /** Labels along the path: "Users → CloudFront → App service → Main DB". */
  description: string;
  status: PathStatus;
  /** Why, in one sentence; for a working path, how (e.g. "served through eu-west-1"). */
  reason: string;
  /** Every node and edge of every route of the path, for highlighting. */
  nodeIds: string[];
  edgeIds: string[];
  routes: RouteResult[];
  failedNodeIds: string[];
}

export interface FailureAnalysis {
  /** What was failed, as given (ids and names not found in the design are in `unknown`). */
  failure: FailureSpec;
  /** Ids or names in the failure that match nothing in the design. */
  unknown: string[];
  /** Every node that goes down (groups included). */
  failedNodeIds: string[];
  /** Down or failing over, with the reason, for the canvas to mark. */
  impacts: NodeImpact[];
  paths: ClientPath[];
  counts: Record<PathStatus, number>;
  /** For highlighting: touched nodes, and edges of routes that no longer work as drawn. */
  affected: { nodeIds: string[]; edgeIds: string[] };
  /** Nodes the failure may take down that the design does not place precisely enough to tell. */
  atRisk: { nodeId: string; reason: string }[];
  /** True when the design had more routes than the analysis follows (see `MAX_ROUTES`). */
  truncated: boolean;
  /** A short paragraph for meeting notes. Plain text: labels are quoted as written. */
  summary: string;
}
