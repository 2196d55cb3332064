import { type Finding, type ReviewScore, validate as validateDesign } from '@stackdraft/patterns';
import type { Command } from 'commander';
import { EXIT } from '../io';
import { formatInputError, type InputError, loadDocumentFile } from '../load';
import type { CommandContext } from './command';

/** `stackdraft validate FILE --json`: one object on stdout, the same shape whatever went wrong. */
export interface ValidateReport {
  file: string;
  /** The file is a valid document (design findings do not change this). */
  valid: boolean;
  errors: { code: string; message: string; path: string; line: number | null; column: number | null }[];
  /** Design-rule findings, as `POST /api/validate` returns them; suppressed ones included. */
  findings: Finding[];
  /** The review score; null when the file is not a valid document. */
  score: ReviewScore | null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function toReport(
  file: string,
  errors: InputError[],
  findings: Finding[],
  score: ReviewScore | null,
): ValidateReport {
  return {
    file,
    valid: errors.length === 0,
    errors: errors.map((e) => ({
      code: e.code,
      message: e.message,
      path: e.path,
      line: e.line ?? null,
      column: e.line === undefined ? null : (e.column ?? 1),
    })),
    findings,
    score,
  };
}

/** Loads FILE and reports its errors (exit 2) or that it is valid (exit 0, or 1 on error findings). */
export async function validate(
  ctx: CommandContext,
  file: string,
  options: { json?: boolean },
): Promise<number> {
  const { io } = ctx;
  const loaded = await loadDocumentFile(io, file);
  const errors = loaded.ok ? [] : loaded.errors;
  const result = loaded.ok ? validateDesign(loaded.document) : undefined;
  const findings = result?.findings ?? [];
  const openErrors = findings.filter((f) => f.severity === 'error' && !f.suppressed).length;
  const code = !loaded.ok ? EXIT.badInput : openErrors > 0 ? EXIT.findings : EXIT.ok;

  if (options.json) {
    io.stdout(`${JSON.stringify(toReport(file, errors, findings, result?.score ?? null), null, 2)}\n`);
    return code;
  }
  if (!loaded.ok) {
    for (const e of loaded.errors) io.stderr(`${formatInputError(e, file)}\n`);
    io.stderr(`✗ ${file}: invalid (${plural(loaded.errors.length, 'error')})\n`);
    return code;
  }
  const { nodes, edges } = loaded.document;
  const size = `${plural(nodes.length, 'node')}, ${plural(edges.length, 'edge')}`;
  io.stdout(
    openErrors > 0
      ? `✗ ${file}: ${plural(openErrors, 'error-level finding')} (${size})\n`
      : `✓ ${file}: valid (${size})\n`,
  );
  if (findings.length > 0) io.stdout(findingTable(findings));
  io.stdout(`${summary(findings)} · review score ${result?.score.overall ?? 100}/100\n`);
  return code;
}

/** How many node ids a row shows before "+N". */
const MAX_IDS = 3;

/**
 * Findings as aligned columns (severity, rule, nodes, message), one per line so that CI logs can
 * be grepped. Accepted (suppressed) findings show as `accepted`, with the reason.
 */
function findingTable(findings: readonly Finding[]): string {
  const rows = findings.map((f) => {
    const ids =
      f.nodeIds.length > MAX_IDS
        ? `${f.nodeIds.slice(0, MAX_IDS).join(',')},+${f.nodeIds.length - MAX_IDS}`
        : f.nodeIds.join(',');
    const message = f.suppressed ? `${f.message} (accepted: ${f.suppressed.reason})` : f.message;
    return [f.suppressed ? 'accepted' : f.severity, f.rule, ids || '-', terminalText(message)];
  });
  const header = ['severity', 'rule', 'nodes', 'message'];
  const widths = [0, 1, 2].map((i) =>
    Math.max(header[i]?.length ?? 0, ...rows.map((r) => r[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c)).join('  ')}`.trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

function summary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no findings';
  const open = findings.filter((f) => !f.suppressed);
  const parts = [
    plural(open.filter((f) => f.severity === 'error').length, 'error'),
    plural(open.filter((f) => f.severity === 'warning').length, 'warning'),
    plural(open.filter((f) => f.severity === 'info').length, 'note'),
  ].filter((p) => !p.startsWith('0 '));
  const accepted = findings.length - open.length;
  if (accepted > 0) parts.push(`${accepted} accepted`);
  return parts.join(', ');
}

/**
 * User text (labels inside messages) made safe for a terminal: line breaks and tabs become spaces
 * and other control characters, which could move the cursor or recolour the log, become U+FFFD.
 */
function terminalText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  return text.replace(/\r\n|[\n\r\t\u2028\u2029]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description(
      'check a design file: YAML/JSON syntax, schema, node kinds and references, then the design rules',
    )
    .argument('<file>', 'a .stackdraft.yaml or .stackdraft.json document')
    .option('--json', 'print a machine-readable report on stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 valid, 1 an error-level design finding, 2 the file cannot be read or is not a valid document.',
    )
    .action(async (file: string, options: { json?: boolean }) => {
      ctx.exitCode = await validate(ctx, file, options);
    });
}
