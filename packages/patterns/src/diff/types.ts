import type { NodeCostChange } from '../cost/diff';
import type { Finding } from '../rules/types';

/**
 * The semantic difference between two versions of a design, in the shape DESIGN.md fixes for
 * `stackdraft diff --json` (nodes and edges), plus the document's own settings. Plain JSON.
 */

/** One changed field. `before` / `after` are absent when the field did not exist on that side. */
export interface FieldChange {
  /** Where, as in error messages: `label`, `parent`, `position`, `config.instanceClass`, `usage.requestsPerMonth`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface ChangedItem {
  /** The id in the newer version. */
  id: string;
  /** Set when an edge was matched by source, target and kind under another id. */
  beforeId?: string;
  changes: FieldChange[];
}

export interface ItemChanges {
  /** Ids in the newer version, in its order. */
  added: string[];
  /** Ids in the older version, in its order. */
  removed: string[];
  changed: ChangedItem[];
}

export interface DocumentDiff {
  nodes: ItemChanges;
  /** Edges are matched by id, else by source, target and kind. */
  edges: ItemChanges;
  /** Top-level fields: name, description, provider, region, environment, budget, usage, suppressions, views, notes. */
  settings: FieldChange[];
}

export interface DiffOptions {
  /**
   * Leave out canvas layout (node `position` and group `size`): a reviewer of a pull request
   * rarely cares that a box moved. Default false: the web app's compare view shows moves.
   */
  ignorePositions?: boolean;
}

/** The cost side of a review: monthly totals (typical scenario) in USD and the nodes whose cost changed. */
export interface CostDelta {
  currency: 'USD';
  before: number;
  after: number;
  delta: number;
  /** Nodes whose monthly cost differs, biggest absolute change first. */
  nodes: NodeCostChange[];
}

/** How the design-rule findings moved between the versions, matched by `Finding.key`. */
export interface FindingsDelta {
  /** Open in the newer version, not open in the older one. */
  added: Finding[];
  /** Open in the older version and gone from the newer one. */
  resolved: Finding[];
  /** Open in the older version, still found in the newer one but accepted there by a suppression. */
  accepted: Finding[];
}

/** `diffDocuments` plus what a reviewer decides on: cost, findings and the review score. */
export interface ReviewDiff extends DocumentDiff {
  cost: CostDelta;
  findings: FindingsDelta;
  /** Overall review score (0-100) before and after. */
  score: { before: number; after: number; delta: number };
}
