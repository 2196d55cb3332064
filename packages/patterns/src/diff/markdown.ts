import { formatUsd } from '../cost/money';
import type { ArchitectureDocument, DocumentNode } from '../document/schema';
import { graphOf } from '../graph/graph';
import { mdCode, mdText } from '../review/markdown';
import type { Finding } from '../rules/types';
import { onlyMoved } from './diff-documents';
import { summarizeDiff } from './summary';
import type { FieldChange, ReviewDiff } from './types';
import { shortValue } from './values';

/** Rows of the per-node cost table before it is cut (the whole list is in the JSON). */
const MAX_COST_ROWS = 10;
const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

const cents = (usd: number) => Math.round(usd * 100);
/** `+$65.44`, `-$12.00`, `$0.00`: a difference always shows its sign. */
export function signedUsd(usd: number): string {
  const c = cents(usd);
  return c > 0 ? `+${formatUsd(c)}` : formatUsd(c);
}
const usd = (n: number) => formatUsd(cents(n));
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A table cell: user text escaped (pipes included), never empty. */
const cell = (text: string) => (text.trim() === '' ? '–' : text);

function value(v: unknown): string {
  return v === undefined ? '*unset*' : mdText(shortValue(v, 60));
}

function changeText(c: FieldChange): string {
  return `${mdCode(c.path)}: ${value(c.before)} → ${value(c.after)}`;
}

function nodeName(node: DocumentNode | undefined, id: string): string {
  const label = node?.label.trim();
  return label ? `${mdCode(id)} ${mdText(label)}` : mdCode(id);
}

function nodeRows(review: ReviewDiff, before: ArchitectureDocument, after: ArchitectureDocument): string[] {
  const b = graphOf(before).nodes;
  const a = graphOf(after).nodes;
  const row = (verb: string, node: DocumentNode | undefined, id: string, details: string) =>
    `| ${verb} | ${nodeName(node, id)} | ${cell(node?.kind ?? '')} | ${details} |`;
  const rows: string[] = [];
  for (const id of review.nodes.added) rows.push(row('Added', a.get(id), id, '–'));
  for (const id of review.nodes.removed) rows.push(row('Removed', b.get(id), id, '–'));
  for (const c of review.nodes.changed)
    rows.push(
      row(onlyMoved(c) ? 'Moved' : 'Changed', a.get(c.id), c.id, c.changes.map(changeText).join('; ')),
    );
  return rows;
}

function edgeRows(review: ReviewDiff, before: ArchitectureDocument, after: ArchitectureDocument): string[] {
  const ends = (doc: ArchitectureDocument, id: string) => {
    const r = graphOf(doc).edgesById.get(id);
    return r ? `${mdCode(r.source.id)} → ${mdCode(r.target.id)}${r.kind ? ` (${r.kind})` : ''}` : '–';
  };
  const rows: string[] = [];
  for (const id of review.edges.added) rows.push(`| Added | ${mdCode(id)} | ${ends(after, id)} | – |`);
  for (const id of review.edges.removed) rows.push(`| Removed | ${mdCode(id)} | ${ends(before, id)} | – |`);
  for (const c of review.edges.changed) {
    const renamed = c.beforeId ? ` (was ${mdCode(c.beforeId)})` : '';
    rows.push(
      `| Changed | ${mdCode(c.id)}${renamed} | ${ends(after, c.id)} | ${c.changes.map(changeText).join('; ')} |`,
    );
  }
  return rows;
}

function costLines(review: ReviewDiff): string[] {
  const { cost } = review;
  const percent =
    cents(cost.before) > 0 && cents(cost.delta) !== 0
      ? `, ${cost.delta > 0 ? '+' : ''}${((cost.delta / cost.before) * 100).toFixed(1)}%`
      : '';
  const lines = [
    `**Cost:** ${usd(cost.before)} → ${usd(cost.after)} / month (**${signedUsd(cost.delta)}**${percent})`,
  ];
  if (cost.nodes.length > 0) {
    lines.push('', '| Node | Change | Before | After | Difference |', '| --- | --- | ---: | ---: | ---: |');
    for (const n of cost.nodes.slice(0, MAX_COST_ROWS)) {
      const name = n.label.trim() ? `${mdCode(n.nodeId)} ${mdText(n.label)}` : mdCode(n.nodeId);
      lines.push(`| ${name} | ${n.change} | ${usd(n.before)} | ${usd(n.after)} | ${signedUsd(n.delta)} |`);
    }
    const rest = cost.nodes.length - MAX_COST_ROWS;
    if (rest > 0) lines.push('', `…and ${plural(rest, 'more node')} whose cost changed.`);
  }
  return lines;
}

function findingLine(f: Finding): string {
  const where = f.nodeIds.length > 0 ? ` (${f.nodeIds.map(mdCode).join(', ')})` : '';
  return `- **${SEVERITY[f.severity]}** ${mdCode(f.rule)}${where}: ${mdText(f.message)}`;
}

function findingLines(review: ReviewDiff): string[] {
  const { added, resolved, accepted } = review.findings;
  const lines: string[] = [];
  if (added.length + resolved.length + accepted.length === 0) return ['No findings added or resolved.'];
  const section = (title: string, list: readonly Finding[]) => {
    if (list.length === 0) return;
    lines.push(`#### ${title} (${list.length})`, '', ...list.map(findingLine), '');
  };
  section('New findings', added);
  section('Resolved findings', resolved);
  section('Accepted findings', accepted);
  return lines;
}

/**
 * A review of a change as Markdown for a pull-request comment or meeting notes: the one-line
 * summary, the cost before and after with the signed difference, the review score, tables of the
 * nodes and edges added, removed and changed (with the changed settings), the document settings,
 * and the findings the change introduced, resolved or accepted. Every piece of user text (names,
 * labels, setting values, file names) is escaped, so a label cannot break a table or inject links.
 */
export function diffMarkdown(
  review: ReviewDiff,
  before: ArchitectureDocument,
  after: ArchitectureDocument,
  options: { files?: { before: string; after: string } } = {},
): string {
  const lines: string[] = [`## Design change: ${mdText(after.name)}`, ''];
  if (options.files)
    lines.push(`Comparing ${mdText(options.files.before)} → ${mdText(options.files.after)}`, '');
  lines.push(`**Summary:** ${mdText(summarizeDiff(review))}`, '');
  lines.push(...costLines(review), '');
  const s = review.score;
  lines.push(`**Review score:** ${s.before} → ${s.after} (${s.delta > 0 ? '+' : ''}${s.delta})`, '');

  const nodes = nodeRows(review, before, after);
  if (nodes.length > 0)
    lines.push(
      '### Nodes',
      '',
      '| Change | Node | Kind | Details |',
      '| --- | --- | --- | --- |',
      ...nodes,
      '',
    );
  const edges = edgeRows(review, before, after);
  if (edges.length > 0)
    lines.push(
      '### Edges',
      '',
      '| Change | Edge | Connection | Details |',
      '| --- | --- | --- | --- |',
      ...edges,
      '',
    );
  if (review.settings.length > 0)
    lines.push('### Design settings', '', ...review.settings.map((c) => `- ${changeText(c)}`), '');
  lines.push('### Findings', '', ...findingLines(review));
  return `${lines.join('\n').trimEnd()}\n`;
}
