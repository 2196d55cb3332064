import { costDiff } from '../cost/diff';
import type { ArchitectureDocument } from '../document/schema';
import { validate } from '../rules/engine';
import type { Finding } from '../rules/types';
import { diffDocuments } from './diff-documents';
import type { DiffOptions, FindingsDelta, ReviewDiff } from './types';

function findingsDelta(before: readonly Finding[], after: readonly Finding[]): FindingsDelta {
  const open = (list: readonly Finding[]) =>
    new Map(list.filter((f) => !f.suppressed).map((f) => [f.key, f]));
  const openBefore = open(before);
  const openAfter = open(after);
  const acceptedAfter = new Set(after.filter((f) => f.suppressed).map((f) => f.key));
  const delta: FindingsDelta = { added: [], resolved: [], accepted: [] };
  for (const [key, f] of openAfter) if (!openBefore.has(key)) delta.added.push(f);
  for (const [key, f] of openBefore) {
    if (openAfter.has(key)) continue;
    // Accepting a finding is a decision worth seeing, but it does not fix anything.
    if (acceptedAfter.has(key)) delta.accepted.push(f);
    else delta.resolved.push(f);
  }
  return delta;
}

/**
 * Everything a review of a change needs, in one plain-JSON result (what `stackdraft diff --json`
 * prints and the web app's compare view shows): the document diff, the monthly cost before and
 * after (typical scenario, through `costDiff`, with the nodes whose cost changed), the design-rule
 * findings the change introduced, resolved or accepted (matched by `Finding.key`), and the overall
 * review score before and after. Validation and estimates are cached per document object.
 */
export function reviewDiff(
  before: ArchitectureDocument,
  after: ArchitectureDocument,
  options: DiffOptions = {},
): ReviewDiff {
  const diff = diffDocuments(before, after, options);
  const cost = costDiff(before, after);
  const a = validate(before);
  const b = validate(after);
  return {
    ...diff,
    cost: { currency: 'USD', before: cost.before, after: cost.after, delta: cost.delta, nodes: cost.nodes },
    findings: findingsDelta(a.findings, b.findings),
    score: { before: a.score.overall, after: b.score.overall, delta: b.score.overall - a.score.overall },
  };
}
