import { type CostEstimate, estimateCost, formatUsd } from '../cost/index';
import type { ArchitectureDocument } from '../document/schema';

const cache = new WeakMap<ArchitectureDocument, CostEstimate>();

/**
 * The cost estimate of `doc`, computed once per document object: the cost rules, the review
 * report and (through `validate`) the problems panel all ask for it on the same edit.
 */
export function costOf(doc: ArchitectureDocument): CostEstimate {
  let estimate = cache.get(doc);
  if (!estimate) {
    estimate = estimateCost(doc);
    cache.set(doc, estimate);
  }
  return estimate;
}

/** Dollars as people read them: `$1,234.56`. */
export function usd(dollars: number): string {
  return formatUsd(Math.round(dollars * 100));
}
