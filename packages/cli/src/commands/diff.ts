import {
  type ArchitectureDocument,
  diffMarkdown,
  type FieldChange,
  type Finding,
  formatUsd,
  graphOf,
  onlyMoved,
  type ReviewDiff,
  reviewDiff,
  signedUsd,
  summarizeDiff,
} from '@stackdraft/patterns';
import { type Command, Option } from 'commander';
import { EXIT } from '../io';
import { formatInputError, type InputError, loadDocumentFile } from '../load';
import type { CommandContext } from './command';
import { printable } from './export';

export interface DiffOptions {
  json?: boolean;
  markdown?: boolean;
  /** Also report nodes that only moved or were resized on the canvas. */
  positions?: boolean;
}

const usd = (dollars: number) => formatUsd(Math.round(dollars * 100));
const width = (text: string) => Array.from(text).length;
const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));

/** A setting's value on one line: strings as written, anything else as JSON, long ones cut. */
function value(v: unknown): string {
  if (v === undefined) return '(unset)';
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  const chars = Array.from(printable(text));
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : chars.join('');
}

const change = (c: FieldChange) => `${c.path}: ${value(c.before)} → ${value(c.after)}`;

/** Rows as aligned columns; the last column may hold several lines (one per changed setting). */
function table(header: string[], rows: string[][][]): string[] {
  const widths = header.map((h, i) =>
    Math.max(width(h), ...rows.map((r) => Math.max(0, ...(r[i] ?? []).map(width)))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w)))];
  for (const row of rows) {
    const height = Math.max(...row.map((cell) => cell.length));
    for (let k = 0; k < height; k++) out.push(line(row.map((cell) => cell[k] ?? '')));
  }
  return out;
}

function nodeTable(r: ReviewDiff, before: ArchitectureDocument, after: ArchitectureDocument): string[] {
  const b = graphOf(before).nodes;
  const a = graphOf(after).nodes;
  const label = (l: string | undefined) => (l?.trim() ? JSON.stringify(printable(l)) : '');
  const rows: string[][][] = [
    ...r.nodes.added.map((id) => [['added'], [id], [a.get(id)?.kind ?? ''], [label(a.get(id)?.label)]]),
    ...r.nodes.removed.map((id) => [['removed'], [id], [b.get(id)?.kind ?? ''], [label(b.get(id)?.label)]]),
    ...r.nodes.changed.map((c) => [
      [onlyMoved(c) ? 'moved' : 'changed'],
      [c.id],
      [a.get(c.id)?.kind ?? ''],
      c.changes.map(change),
    ]),
  ];
  return rows.length === 0 ? [] : ['', ...table(['Change', 'Node', 'Kind', 'Details'], rows)];
}

function edgeTable(r: ReviewDiff, before: ArchitectureDocument, after: ArchitectureDocument): string[] {
  const ends = (doc: ArchitectureDocument, id: string) => {
    const e = graphOf(doc).edgesById.get(id);
    return e ? `${e.source.id} → ${e.target.id}${e.kind ? ` (${e.kind})` : ''}` : '';
  };
  const rows: string[][][] = [
    ...r.edges.added.map((id) => [['added'], [id], [ends(after, id)], ['']]),
    ...r.edges.removed.map((id) => [['removed'], [id], [ends(before, id)], ['']]),
    ...r.edges.changed.map((c) => [
      ['changed'],
      [c.beforeId ? `${c.id} (was ${c.beforeId})` : c.id],
      [ends(after, c.id)],
      c.changes.map(change),
    ]),
  ];
  return rows.length === 0 ? [] : ['', ...table(['Change', 'Edge', 'Connection', 'Details'], rows)];
}

function findingLine(mark: string, f: Finding): string {
  const where = f.nodeIds.length > 0 ? ` (${f.nodeIds.join(', ')})` : '';
  return `  ${mark} ${pad(f.severity, 7)} ${f.rule}${where}: ${printable(f.message)}`;
}

/** The review as text for a terminal: summary, tables of nodes and edges, settings, cost, score, findings. */
export function diffText(
  files: { before: string; after: string },
  r: ReviewDiff,
  before: ArchitectureDocument,
  after: ArchitectureDocument,
): string {
  const out = [
    `Diff of ${JSON.stringify(printable(after.name))}: ${printable(files.before)} → ${printable(files.after)}`,
    printable(summarizeDiff(r)),
    ...nodeTable(r, before, after),
    ...edgeTable(r, before, after),
  ];
  if (r.settings.length > 0) out.push('', 'Design settings:', ...r.settings.map((c) => `  ${change(c)}`));
  const { added, resolved, accepted } = r.findings;
  out.push(
    '',
    `Cost: ${usd(r.cost.before)} → ${usd(r.cost.after)} / month (${signedUsd(r.cost.delta)})`,
    `Review score: ${r.score.before} → ${r.score.after} (${r.score.delta > 0 ? '+' : ''}${r.score.delta})`,
    `Findings: ${added.length} new, ${resolved.length} resolved${accepted.length > 0 ? `, ${accepted.length} accepted` : ''}`,
    ...added.map((f) => findingLine('+', f)),
    ...resolved.map((f) => findingLine('-', f)),
    ...accepted.map((f) => findingLine('~', f)),
  );
  return `${out.join('\n')}\n`;
}

type Loaded = { file: string; errors: InputError[] } | { file: string; document: ArchitectureDocument };

function reportErrors(ctx: CommandContext, failed: { file: string; errors: InputError[] }[], json: boolean) {
  const { io } = ctx;
  if (json) {
    const errors = failed.flatMap(({ file, errors }) =>
      errors.map((e) => ({
        file,
        code: e.code,
        message: e.message,
        path: e.path,
        line: e.line ?? null,
        column: e.line === undefined ? null : (e.column ?? 1),
      })),
    );
    io.stdout(`${JSON.stringify({ errors }, null, 2)}\n`);
    return;
  }
  for (const { file, errors } of failed) {
    for (const e of errors) io.stderr(`${formatInputError(e, file)}\n`);
    io.stderr(`✗ ${file}: invalid (${errors.length} error${errors.length === 1 ? '' : 's'}); no diff\n`);
  }
}

/**
 * `stackdraft diff OLD NEW [--json|--markdown]`: what changed between two versions of a design,
 * with the cost and findings difference. Exit 0 when both files load (whether or not they
 * differ), 2 when either cannot be read or is not a valid document.
 */
export async function diff(
  ctx: CommandContext,
  oldFile: string,
  newFile: string,
  options: DiffOptions,
): Promise<number> {
  const loaded: Loaded[] = await Promise.all(
    [oldFile, newFile].map(async (file) => {
      const r = await loadDocumentFile(ctx.io, file);
      return r.ok ? { file, document: r.document } : { file, errors: r.errors };
    }),
  );
  const failed = loaded.filter((l): l is { file: string; errors: InputError[] } => 'errors' in l);
  if (failed.length > 0) {
    reportErrors(ctx, failed, options.json === true);
    return EXIT.badInput;
  }
  const [before, after] = loaded.map((l) => (l as { document: ArchitectureDocument }).document) as [
    ArchitectureDocument,
    ArchitectureDocument,
  ];
  const review = reviewDiff(before, after, { ignorePositions: !options.positions });
  const files = { before: oldFile, after: newFile };
  if (options.json) ctx.io.stdout(`${JSON.stringify(review, null, 2)}\n`);
  else if (options.markdown) ctx.io.stdout(diffMarkdown(review, before, after, { files }));
  else ctx.io.stdout(diffText(files, review, before, after));
  return EXIT.ok;
}

/** Adds `stackdraft diff OLD NEW [--json|--markdown] [--positions]` to the program. */
export function registerDiff(program: Command, ctx: CommandContext): void {
  program
    .command('diff')
    .description(
      'compare two versions of a design: nodes and edges added, removed and changed, with the cost and findings difference',
    )
    .argument('<old>', 'the older .stackdraft.yaml or .stackdraft.json document')
    .argument('<new>', 'the newer document')
    .addOption(new Option('--json', 'print the diff as JSON on stdout').conflicts('markdown'))
    .addOption(new Option('--markdown', 'print the diff as Markdown, for a pull-request comment'))
    .option('--positions', 'also report nodes that only moved or were resized on the canvas')
    .addHelpText('after', '\nExit codes: 0 compared, 2 a file cannot be read or is not a valid document.')
    .action(async (oldFile: string, newFile: string, options: DiffOptions) => {
      ctx.exitCode = await diff(ctx, oldFile, newFile, options);
    });
}
