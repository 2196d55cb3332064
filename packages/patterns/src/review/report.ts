import type { ArchitectureDocument } from '../document/schema';
import { graphOf } from '../graph/graph';
import { costOf, usd } from '../rules/cost';
import { validate } from '../rules/engine';
import { findRule } from '../rules/registry';
import { type Finding, PILLARS } from '../rules/types';
import { mdCode, mdText } from './markdown';
import type { ReviewScore } from './score';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/**
 * A short markdown review of `doc` that a team pastes into meeting notes or a pull request: the
 * overall and per-pillar scores, the estimated monthly cost, the open findings grouped by pillar and rule (what was found,
 * where, why it matters and the one-click fix), and the accepted findings with their reasons.
 * All user text (names, labels) is escaped.
 */
export function reviewReport(doc: ArchitectureDocument): string {
  const { findings, score } = validate(doc);
  const open = findings.filter((f) => !f.suppressed);
  const accepted = findings.filter((f) => f.suppressed);
  const lines: string[] = [];
  lines.push(`# Design review: ${mdText(doc.name)}`, '');
  const facts = [
    doc.environment,
    count(doc.nodes.length, 'node'),
    count(doc.edges.length, 'edge'),
    costLine(doc),
  ];
  lines.push(facts.join(' · '), '');
  lines.push(
    `**Overall score: ${score.overall} / 100**${score.cappedByErrors ? ' (held at this level until the errors are fixed)' : ''}`,
    '',
  );
  lines.push(...pillarTable(score, open), '');

  if (open.length === 0) lines.push('No open findings: the design follows every rule Stackdraft checks.', '');
  for (const p of PILLARS) {
    const inPillar = open.filter((f) => f.pillar === p.id);
    if (inPillar.length === 0) continue;
    const pillarScore = score.pillars.find((s) => s.pillar === p.id)?.score ?? 100;
    lines.push(`## ${p.label}: ${pillarScore} / 100`, '');
    for (const [ruleId, list] of groupByRule(inPillar)) lines.push(...ruleSection(doc, ruleId, list));
  }

  if (accepted.length > 0) {
    lines.push('## Accepted findings', '');
    for (const f of accepted) {
      lines.push(
        `- ${mdCode(f.rule)} ${where(doc, f)}: ${mdText(f.message)} **Accepted because:** ${mdText(f.suppressed?.reason ?? '')}`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function costLine(doc: ArchitectureDocument): string {
  const estimate = costOf(doc);
  const budget = doc.budget === undefined ? '' : ` (budget ${mdText(usd(doc.budget))})`;
  return `estimated cost ${mdText(usd(estimate.monthlyTotal))} / month${budget}`;
}

function pillarTable(score: ReviewScore, open: readonly Finding[]): string[] {
  const rows = score.pillars.map((p) => {
    const mine = open.filter((f) => f.pillar === p.pillar);
    const tally = (['error', 'warning', 'info'] as const)
      .map((s) => [s, mine.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => count(n, s === 'info' ? 'note' : s))
      .join(', ');
    return `| ${p.label} | ${p.score} | ${tally || '–'} |`;
  });
  return ['| Pillar | Score | Open findings |', '| --- | ---: | --- |', ...rows];
}

function groupByRule(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.rule);
    if (list) list.push(f);
    else groups.set(f.rule, [f]);
  }
  return groups;
}

function ruleSection(doc: ArchitectureDocument, ruleId: string, findings: readonly Finding[]): string[] {
  const rule = findRule(ruleId);
  const lines = [`### ${rule ? mdText(rule.title) : mdText(ruleId)} (${mdCode(ruleId)})`, ''];
  for (const f of findings) {
    const fix = f.fix ? ` **Fix:** ${mdText(f.fix.label)}.` : '';
    lines.push(`- **${SEVERITY_LABEL[f.severity]}** ${where(doc, f)}: ${mdText(f.message)}${fix}`);
  }
  lines.push('');
  if (rule) lines.push(`> ${mdText(rule.explanation)}`, `> *Pattern: ${mdText(rule.pattern)}*`, '');
  return lines;
}

/** The nodes of a finding as ids with their labels, e.g. `` `orders-db` (Orders DB) ``. */
function where(doc: ArchitectureDocument, f: Finding): string {
  const nodes = graphOf(doc).nodes;
  const shown = f.nodeIds.slice(0, 4).map((id) => {
    const label = nodes.get(id)?.label.trim();
    return label && label !== id ? `${mdCode(id)} (${mdText(label)})` : mdCode(id);
  });
  if (f.nodeIds.length > 4) shown.push(`and ${f.nodeIds.length - 4} more`);
  if (shown.length === 0) return 'in the design';
  return `on ${shown.join(', ')}`;
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
