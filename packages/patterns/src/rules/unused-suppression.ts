import type { Suppression } from '../document/schema';
import { didYouMean } from '../util/suggest';
import { defineRule } from './define-rule';
import { suppressionMatches } from './suppressions';
import type { Draft, Finding } from './types';

export const unusedSuppression = defineRule({
  id: 'unused-suppression',
  title: 'Suppression that accepts nothing',
  severity: 'info',
  pillar: 'operational-excellence',
  explanation:
    'A suppression records that the team accepted a finding, and why. One that names an unknown rule (a ' +
    'typo), a node or edge that is no longer in the design, or a finding that no longer occurs accepts ' +
    'nothing: it clutters the review and, worse, a typo means the finding the team meant to accept is still ' +
    'reported while everyone believes it is handled. The fix removes the entry (and identical copies of it). These notes cannot ' +
    'themselves be suppressed.',
  pattern: 'Design review: accepted findings',
  reviewsFindings: true,
  check(graph, ctx) {
    const suppressions = ctx.doc.suppressions ?? [];
    if (suppressions.length === 0) return [];
    const byRule = new Map<string, Finding[]>();
    for (const f of ctx.findings) {
      const list = byRule.get(f.rule);
      if (list) list.push(f);
      else byRule.set(f.rule, [f]);
    }
    const drafts: Draft[] = [];
    const seen = new Set<string>();
    for (const s of suppressions) {
      // Identical entries are one finding (and one fix removes them all).
      if (seen.has(keyOf(s))) continue;
      seen.add(keyOf(s));
      const problem = problemOf(s, ctx.ruleIds, graph.nodes, graph.edgesById, byRule.get(s.rule) ?? []);
      if (!problem) continue;
      drafts.push({
        nodeIds: s.nodeId !== undefined && graph.nodes.has(s.nodeId) ? [s.nodeId] : [],
        edgeIds: s.edgeId !== undefined && graph.edgesById.has(s.edgeId) ? [s.edgeId] : [],
        discriminator: keyOf(s),
        message: `The suppression of ${describe(s)} accepts nothing: ${problem}.`,
        fixLabel: 'Remove this suppression',
      });
    }
    return drafts;
  },
  fix: {
    id: 'remove-suppression',
    label: 'Remove the suppression',
    apply(doc, finding) {
      const matches = (s: Suppression) => `${finding.rule}:${keyOf(s)}` === finding.key;
      if (!doc.suppressions?.some(matches)) return doc;
      const { suppressions: all, ...rest } = doc;
      const suppressions = (all ?? []).filter((s) => !matches(s));
      return suppressions.length > 0 ? { ...rest, suppressions } : rest;
    },
  },
});

/** Identifies a suppression entry by its content (entries have no id). */
function keyOf(s: Suppression): string {
  return `${s.rule}/${s.nodeId ?? ''}/${s.edgeId ?? ''}`;
}

function describe(s: Suppression): string {
  const on = [s.nodeId !== undefined && `node "${s.nodeId}"`, s.edgeId !== undefined && `edge "${s.edgeId}"`]
    .filter(Boolean)
    .join(' and ');
  return `"${s.rule}"${on ? ` on ${on}` : ''}`;
}

function problemOf(
  s: Suppression,
  ruleIds: readonly string[],
  nodes: ReadonlyMap<string, unknown>,
  edges: ReadonlyMap<string, unknown>,
  findings: readonly Finding[],
): string | undefined {
  if (!ruleIds.includes(s.rule)) return `there is no rule "${s.rule}"${didYouMean(s.rule, ruleIds)}`;
  if (s.nodeId !== undefined && !nodes.has(s.nodeId)) return `the design has no node "${s.nodeId}"`;
  if (s.edgeId !== undefined && !edges.has(s.edgeId)) return `the design has no edge "${s.edgeId}"`;
  if (!findings.some((f) => suppressionMatches(s, f)))
    return 'that finding no longer occurs; remove the entry';
  return undefined;
}
