/**
 * The cost model: `estimateCost(doc)` prices a design from the AWS price file (DESIGN.md, "Cost"),
 * `costDiff(a, b)` compares two versions, and `propagateTraffic(doc)` shows the traffic behind it.
 */
export { COST_DEFAULTS, DEFAULT_SCENARIOS, SCENARIO_NAMES, type ScenarioName } from './defaults';
export { type CostDiff, costDiff, type NodeCostChange } from './diff';
export { type EstimateOptions, estimateCost, scenarioMultipliers } from './estimate';
export type {
  ComponentSpec,
  CostContext,
  CostModel,
  KindCost,
  NodeTraffic,
  ResolvedVolume,
  TrafficSpec,
  UsageSource,
  VolumeSpec,
} from './model';
export { centsFor, formatUsd } from './money';
export { propagateTraffic, type TrafficResult, type TrafficState } from './traffic';
export type {
  BreakdownLine,
  ComponentUsage,
  CostBudget,
  CostComponent,
  CostEstimate,
  CostItem,
  ScenarioTotal,
  UnknownPrice,
} from './types';
