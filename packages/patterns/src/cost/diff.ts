import type { ArchitectureDocument } from '../document/schema';
import type { ScenarioName } from './defaults';
import { SCENARIO_NAMES } from './defaults';
import { type EstimateOptions, estimateCost } from './estimate';
import { dollars } from './money';
import type { CostEstimate, CostItem } from './types';

/**
 * The cost side of a version comparison, as a review meeting reads it: the total before and after,
 * and per node what was added, removed or changed in cost, biggest change first.
 */

export interface NodeCostChange {
  nodeId: string;
  kind: string;
  label: string;
  change: 'added' | 'removed' | 'changed';
  /** USD a month before (0 for an added node). */
  before: number;
  /** USD a month after (0 for a removed node). */
  after: number;
  delta: number;
}

export interface CostDiff {
  currency: 'USD';
  before: number;
  after: number;
  delta: number;
  /** Nodes whose monthly cost differs, biggest absolute change first. */
  nodes: NodeCostChange[];
  scenarios: Record<ScenarioName, { before: number; after: number; delta: number }>;
  /** Both estimates, for details (components, assumptions). */
  estimates: { before: CostEstimate; after: CostEstimate };
}

const cents = (usd: number) => Math.round(usd * 100);

/** Compares the estimates of two versions of a design: total and per-node deltas. */
export function costDiff(
  docA: ArchitectureDocument,
  docB: ArchitectureDocument,
  options: EstimateOptions = {},
): CostDiff {
  const a = estimateCost(docA, options);
  const b = estimateCost(docB, options);
  const before = new Map<string, CostItem>(a.items.map((i) => [i.nodeId, i]));
  const after = new Map<string, CostItem>(b.items.map((i) => [i.nodeId, i]));
  const nodes: NodeCostChange[] = [];
  const line = (item: CostItem, change: NodeCostChange['change'], x: number, y: number): NodeCostChange => ({
    nodeId: item.nodeId,
    kind: item.kind,
    label: item.label,
    change,
    before: dollars(x),
    after: dollars(y),
    delta: dollars(y - x),
  });
  for (const item of b.items) {
    const old = before.get(item.nodeId);
    const y = cents(item.monthly);
    if (!old) nodes.push(line(item, 'added', 0, y));
    else if (cents(old.monthly) !== y) nodes.push(line(item, 'changed', cents(old.monthly), y));
  }
  for (const item of a.items) {
    if (!after.has(item.nodeId)) nodes.push(line(item, 'removed', cents(item.monthly), 0));
  }
  nodes.sort(
    (x, y) => Math.abs(cents(y.delta)) - Math.abs(cents(x.delta)) || x.nodeId.localeCompare(y.nodeId),
  );

  const scenarios = {} as CostDiff['scenarios'];
  for (const s of SCENARIO_NAMES) {
    const x = cents(a.scenarios[s].monthlyTotal);
    const y = cents(b.scenarios[s].monthlyTotal);
    scenarios[s] = { before: dollars(x), after: dollars(y), delta: dollars(y - x) };
  }
  const x = cents(a.monthlyTotal);
  const y = cents(b.monthlyTotal);
  return {
    currency: 'USD',
    before: dollars(x),
    after: dollars(y),
    delta: dollars(y - x),
    nodes,
    scenarios,
    estimates: { before: a, after: b },
  };
}
