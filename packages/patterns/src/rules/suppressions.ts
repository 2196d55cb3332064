import type { Suppression } from '../document/schema';
import type { Finding } from './types';

/** Does this suppression accept this finding (same rule; the node and edge it names, if any)? */
export function suppressionMatches(
  s: Suppression,
  f: Pick<Finding, 'rule' | 'nodeIds' | 'edgeIds'>,
): boolean {
  return (
    s.rule === f.rule &&
    (s.nodeId === undefined || f.nodeIds.includes(s.nodeId)) &&
    (s.edgeId === undefined || f.edgeIds.includes(s.edgeId))
  );
}

/**
 * Marks the findings that a suppression accepts as `suppressed` (with the first matching reason).
 * Suppressed findings stay in the list: a review shows what was accepted and why.
 */
export function applySuppressions(
  findings: Finding[],
  suppressions: readonly Suppression[] | undefined,
): void {
  if (!suppressions || suppressions.length === 0) return;
  const byRule = new Map<string, Suppression[]>();
  for (const s of suppressions) {
    const list = byRule.get(s.rule);
    if (list) list.push(s);
    else byRule.set(s.rule, [s]);
  }
  for (const f of findings) {
    const match = byRule.get(f.rule)?.find((s) => suppressionMatches(s, f));
    if (match) f.suppressed = { reason: match.reason };
  }
}
