import type { CategoryId } from '../catalog/types';
import type { ScenarioName } from './defaults';
import type { UsageSource } from './model';

/**
 * The result of `estimateCost` (DESIGN.md, "Cost"; the shape is a contract): one item per node,
 * each made of priced components, plus every assumption used, where the prices come from, the
 * three scenario totals, breakdowns by category and region, and the budget comparison. Money is in
 * USD with at most two decimals; every total is the exact sum of the cents above it.
 */

/** Where a usage-driven quantity came from, so a reviewer can challenge it. */
export interface ComponentUsage {
  source: UsageSource;
  /** The config key (or document usage key) the volume is stated in. */
  field: string;
  /** The volume used, in the field's unit (e.g. 262800000 requests a month). */
  value: number;
  /** One sentence: "derived from traffic: ... from Users (100 requests/s)". */
  basis: string;
}

export interface CostComponent {
  name: string;
  /** Quantity in `unit` (after the typical scenario's multiplier); `freeQuantity` of it is not billed. */
  quantity: number;
  /** The price's unit: hour, GB-month, 1M requests, ... */
  unit: string;
  /** USD per unit, after the regional multiplier. */
  unitPrice: number;
  /** USD a month, rounded to the cent. */
  monthly: number;
  /** Key of the price in the price file. */
  priceKey: string;
  /** The quantity follows usage (requests, GB) rather than what is provisioned. */
  usageBased: boolean;
  usage?: ComponentUsage;
  /** The price file has no price for this line: it counts as $0 and the item says so. */
  priceUnknown?: true;
  /** Quantity covered by the AWS Free Tier (only when the document sets `usage.freeTier`). */
  freeQuantity?: number;
  /** Set on edge-borne lines (data transfer, NAT processing): the edge they come from. */
  edgeId?: string;
}

export interface CostItem {
  nodeId: string;
  kind: string;
  label: string;
  category: CategoryId;
  /** Region the node is priced in, or `global` for global services (DNS, CDN). */
  region: string;
  /** USD a month (typical scenario). */
  monthly: number;
  components: CostComponent[];
  /** Why the item costs nothing, or what is missing from it (unknown prices). */
  note?: string;
  /** Present when the kind has no charge of its own: the reason. */
  free?: string;
  /** Some of the item's cost depends on usage (requests, GB) rather than provisioned capacity. */
  dependsOnUsage: boolean;
  /** Part of its usage came from a documented default nobody stated. */
  usesDefaultUsage: boolean;
}

export interface ScenarioTotal {
  /** Multiplier applied to every usage-driven quantity. */
  multiplier: number;
  monthlyTotal: number;
}

export interface BreakdownLine {
  monthly: number;
  /** Share of the total in percent, one decimal. */
  percent: number;
  nodeIds: string[];
}

export interface CostBudget {
  amount: number;
  monthlyTotal: number;
  /** amount - monthlyTotal (negative when over budget). */
  remaining: number;
  overBudget: boolean;
  /** monthlyTotal as a share of the budget, in percent (one decimal); null for a budget of 0. */
  percentUsed: number | null;
  /** Scenarios whose total exceeds the budget. */
  scenariosOverBudget: ScenarioName[];
}

export interface UnknownPrice {
  nodeId: string;
  priceKey: string;
  /** What the price is for, e.g. "db.x9.huge". */
  subject: string;
}

export interface CostEstimate {
  currency: 'USD';
  /** USD a month in the typical scenario. */
  monthlyTotal: number;
  items: CostItem[];
  /** Every assumption the estimate rests on, one sentence each. */
  assumptions: string[];
  pricing: {
    provider: 'aws';
    /** Region the price file is for. */
    region: string;
    source: string;
    asOf: string;
    /** Regional multipliers applied, one per region priced. */
    regions: { region: string; factor: number; known: boolean }[];
    freeTier: boolean;
  };
  scenarios: Record<ScenarioName, ScenarioTotal>;
  breakdown: {
    byCategory: (BreakdownLine & { category: CategoryId; label: string })[];
    byRegion: (BreakdownLine & { region: string; factor: number })[];
  };
  budget?: CostBudget;
  unknownPrices: UnknownPrice[];
}
