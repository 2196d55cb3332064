import type { DocumentError, Finding } from '@stackdraft/patterns';

/** A problem to underline in the code view (1-based, end exclusive, as Monaco counts). */
export interface CodeMarker {
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Where the message comes from: the document schema or a design rule id. */
  readonly source: string;
}

/** The end column of the token starting at `column` on `line` (at least one character wide). */
function tokenEnd(line: string, column: number): number {
  const rest = line.slice(column - 1);
  const m = /^[^\s,:{}[\]]+/.exec(rest);
  if (m) return column + m[0].length;
  // At the end of a line or on punctuation: underline to the end of the line, or one character.
  const trimmed = line.trimEnd().length + 1;
  return trimmed > column ? trimmed : column + 1;
}

/**
 * Turns the errors of `parseDocument` into markers at their exact line and column, underlining
 * the token there. Errors without a position (rare: whole-document problems) go on line 1, so a
 * reason is never hidden.
 */
export function errorMarkers(text: string, errors: readonly DocumentError[]): CodeMarker[] {
  const lines = text.split('\n');
  return errors.map((e) => {
    const line = Math.min(Math.max(e.line ?? 1, 1), Math.max(lines.length, 1));
    const source = lines[line - 1] ?? '';
    const column = Math.max(e.column ?? 1, 1);
    return {
      severity: 'error',
      message: e.path ? `${e.path}: ${e.message}` : e.message,
      startLine: line,
      startColumn: column,
      endLine: line,
      endColumn: tokenEnd(source, column),
      source: 'stackdraft',
    };
  });
}

/** Characters a YAML scalar may be quoted with. */
const QUOTED = /^(['"])(.*)\1$/;

/**
 * The 1-based line of each node's `- id: <id>` entry in the `nodes:` list of a YAML document
 * (edge ids, which may repeat node ids, are not looked at).
 */
export function nodeIdLines(text: string): Map<string, number> {
  return idLinesOf(text.split('\n'));
}

function idLinesOf(lines: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  let inNodes = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\S/.test(line)) {
      inNodes = /^nodes\s*:/.test(line);
      continue;
    }
    if (!inNodes || !line.includes('id')) continue;
    const m = /^\s*-\s+id\s*:\s*(.+?)\s*(#.*)?$/.exec(line);
    if (!m?.[1]) continue;
    const raw = m[1];
    const id = QUOTED.exec(raw)?.[2] ?? raw;
    if (!out.has(id)) out.set(id, i + 1);
  }
  return out;
}

/**
 * Findings of `validate` as markers on each node's `- id:` line: warnings and notes, not errors,
 * because the design loads fine; a finding about several nodes is shown on each. Suppressed
 * findings are left out, as the Problems panel leaves them.
 */
export function findingMarkers(text: string, findings: readonly Finding[]): CodeMarker[] {
  if (findings.length === 0) return [];
  const lines = text.split('\n');
  const idLines = idLinesOf(lines);
  const out: CodeMarker[] = [];
  for (const f of findings) {
    if (f.suppressed) continue;
    for (const id of f.nodeIds) {
      const line = idLines.get(id);
      if (line === undefined) continue;
      const source = lines[line - 1] ?? '';
      const start = source.search(/\S/) + 1;
      out.push({
        severity: f.severity === 'info' ? 'info' : 'warning',
        message: f.message,
        startLine: line,
        startColumn: start,
        endLine: line,
        endColumn: source.trimEnd().length + 1,
        source: f.rule,
      });
    }
  }
  return out;
}
