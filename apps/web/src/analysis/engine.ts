import {
  type ArchitectureDocument,
  type CostEstimate,
  estimateCost,
  type Finding,
  findRule,
  type ReviewScore,
  validate,
} from '@stackdraft/patterns';

/** A finding as the panels show it: with the pattern its rule comes from. */
export type ShownFinding = Finding & { pattern?: string };

export interface AnalysisResult {
  findings: ShownFinding[];
  score: ReviewScore;
  cost: CostEstimate;
  ms: number;
}

/**
 * Validation, review score and cost of one document: everything the panels and node badges show.
 * The rules, the cost model and the price file load with this module only (in the analysis
 * worker), so none of them is in the editor's first download.
 */
export function analyseDocument(doc: ArchitectureDocument): AnalysisResult {
  const t0 = performance.now();
  const { findings, score } = validate(doc);
  const cost = estimateCost(doc);
  const shown = findings.map((f): ShownFinding => {
    const pattern = findRule(f.rule)?.pattern;
    return pattern ? { ...f, pattern } : f;
  });
  return { findings: shown, score, cost, ms: performance.now() - t0 };
}
