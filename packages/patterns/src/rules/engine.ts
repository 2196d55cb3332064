import type { ArchitectureDocument } from '../document/schema';
import { type ReviewScore, scoreFindings } from '../review/score';
import { ruleContext } from './context';
import { severityIn } from './define-rule';
import { findRule, RULE_IDS, RULES } from './registry';
import { applySuppressions } from './suppressions';
import type { Draft, Finding, RuleContext, RuleDefinition } from './types';

/** What `validate` returns (and `POST /api/validate` sends): plain JSON. */
export interface ValidationResult {
  findings: Finding[];
  score: ReviewScore;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const cache = new WeakMap<ArchitectureDocument, Finding[]>();
const scores = new WeakMap<readonly Finding[], ReviewScore>();

/**
 * Runs every design rule on `doc`: its findings (errors first, then by rule; suppressed ones
 * marked, not removed) and the review score they give. Linear in nodes + edges; results are
 * cached per document object (documents are immutable values), so the canvas, the problems panel
 * and the review score share one run per edit.
 */
export function validate(doc: ArchitectureDocument): ValidationResult {
  const findings = findingsOf(doc);
  let score = scores.get(findings);
  if (!score) {
    score = scoreFindings(findings);
    scores.set(findings, score);
  }
  // A copy of the list, so that a caller sorting or filtering it cannot change the cached one.
  return { findings: [...findings], score };
}

/** The findings of `doc` (see `validate`), cached: the array and its findings are shared, read only. */
export function findingsOf(doc: ArchitectureDocument): readonly Finding[] {
  let findings = cache.get(doc);
  if (findings) return findings;
  const ctx = ruleContext(doc, [], RULE_IDS);
  findings = [];
  for (const rule of RULES) if (!rule.reviewsFindings) append(findings, run(rule, ctx));
  applySuppressions(findings, doc.suppressions);
  // Rules about the findings themselves (e.g. suppressions that accept nothing) run last.
  const reviewCtx: RuleContext = { ...ctx, findings };
  for (const rule of RULES) if (rule.reviewsFindings) append(findings, run(rule, reviewCtx));
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  cache.set(doc, findings);
  return findings;
}

/** `push(...items)` without its argument-count limit (a rule can find tens of thousands of things). */
function append<T>(to: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i] as T);
}

/** One rule's findings on `ctx.doc`, without suppressions. */
function run(rule: RuleDefinition, ctx: RuleContext): Finding[] {
  const severity = severityIn(rule, ctx.doc);
  return rule.check(ctx.graph, ctx).map((d) => toFinding(rule, severity, d));
}

function defaultDiscriminator(nodeIds: readonly string[], edgeIds: readonly string[]): string {
  return edgeIds.length > 0 ? `${nodeIds.join(',')}/${edgeIds.join(',')}` : nodeIds.join(',');
}

function toFinding(rule: RuleDefinition, severity: Finding['severity'], d: Draft): Finding {
  const edgeIds = d.edgeIds ?? [];
  const f: Finding = {
    rule: rule.id,
    key: `${rule.id}:${d.discriminator ?? defaultDiscriminator(d.nodeIds, edgeIds)}`,
    severity: d.severity ?? severity,
    pillar: rule.pillar,
    nodeIds: d.nodeIds,
    edgeIds,
    message: d.message,
  };
  if (rule.fix && d.fixLabel !== null) f.fix = { id: rule.fix.id, label: d.fixLabel ?? rule.fix.label };
  return f;
}

/**
 * Applies the one-click fix of `finding` to `doc` and returns the new document (`doc` itself is
 * never changed). The finding is looked up again in `doc` by its key, so a finding from an older
 * version of the document fixes what is there now; when it no longer occurs, or has no fix, `doc`
 * is returned as is (a second click does nothing).
 */
export function applyFix(
  doc: ArchitectureDocument,
  finding: Pick<Finding, 'rule' | 'key'>,
): ArchitectureDocument {
  const rule = findRule(finding.rule);
  if (!rule?.fix) return doc;
  const fresh = rule.reviewsFindings
    ? findingsOf(doc).find((f) => f.key === finding.key)
    : run(rule, ruleContext(doc, [], RULE_IDS)).find((f) => f.key === finding.key);
  if (!fresh?.fix) return doc;
  return rule.fix.apply(doc, fresh, { findingsOf });
}
