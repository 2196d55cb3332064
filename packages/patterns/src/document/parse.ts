import { load as loadYaml } from 'js-yaml';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument as parseYaml,
  type Node as YamlNode,
} from 'yaml';
import type { DocumentError } from './errors';
import { type LoadResult, loadDocument } from './validate-document';
import { YAML12_CORE } from './yaml-core-schema';

export type DocumentFormat = 'yaml' | 'json';

/** Documents larger than this are refused before parsing (a 10,000-node design is ~2 MB). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface ParseOptions {
  format: DocumentFormat;
}

/** Picks the format from a file name (`.stackdraft.json`, `.json` -> json; anything else -> yaml). */
export function formatFromFileName(name: string): DocumentFormat {
  return /\.json$/i.test(name) ? 'json' : 'yaml';
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/**
 * Finds the source range for a document path: the key of an unknown or missing entry, otherwise
 * the value. Falls back to the deepest ancestor that exists (a missing key points at its mapping).
 */
function locate(
  root: YamlNode | null,
  segments: readonly (string | number)[],
  preferKey: boolean,
): number | undefined {
  let node: YamlNode | null = root;
  let best = root?.range?.[0];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
      );
      if (!pair) return best;
      const key = pair.key as YamlNode;
      if (last && preferKey) return key.range?.[0] ?? best;
      node = (pair.value as YamlNode | null) ?? null;
      best = node?.range?.[0] ?? key.range?.[0] ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) return best;
      node = item;
      best = item.range?.[0] ?? best;
    } else return best;
  }
  return best;
}

function withLines(text: string, errors: DocumentError[]): DocumentError[] {
  // Positions are only needed on the error path, so the fast path never builds a YAML AST.
  const lc = new LineCounter();
  const doc = parseYaml(text, { lineCounter: lc, uniqueKeys: false });
  return errors.map((e) => {
    const offset = locate(doc.contents as YamlNode | null, e.segments, e.code === 'unknown-key');
    if (offset === undefined) return e;
    const pos = lc.linePos(offset);
    return { ...e, line: pos.line, column: pos.col };
  });
}

function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; errors: DocumentError[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = (err as Error).message;
    const m = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = lc
      ? { line: Number(lc[1]), column: Number(lc[2]) }
      : m
        ? lineCol(text, Number(m[1]))
        : text.trim() === ''
          ? { line: 1, column: 1 }
          : undefined;
    const detail = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '');
    return {
      ok: false,
      errors: [
        {
          code: 'json-syntax',
          message: `invalid JSON: ${text.trim() === '' ? 'the file is empty' : detail}`,
          path: '',
          segments: [],
          ...pos,
        },
      ],
    };
  }
}

/** True when some object or array is reachable twice: the text used anchors and aliases. */
function hasSharedReferences(value: unknown): boolean {
  const seen = new WeakSet<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (seen.has(v)) return true;
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (child !== null && typeof child === 'object') stack.push(child);
  }
  return false;
}

/**
 * The careful YAML path (the `yaml` library): every syntax error with its position, and aliases
 * expanded under a count limit (alias bombs are refused). About 15x slower than js-yaml.
 */
function parseYamlCarefully(
  text: string,
): { ok: true; value: unknown } | { ok: false; errors: DocumentError[] } {
  const lc = new LineCounter();
  const doc = parseYaml(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const ordered = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
    return {
      ok: false,
      errors: ordered.map((e) => {
        const pos = lc.linePos(e.pos[0]);
        return {
          code: 'yaml-syntax',
          message: `invalid YAML: ${e.message.split('\n')[0]}`,
          path: '',
          segments: [],
          line: pos.line,
          column: pos.col,
        };
      }),
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (err) {
    return {
      ok: false,
      errors: [
        { code: 'yaml-syntax', message: `invalid YAML: ${(err as Error).message}`, path: '', segments: [] },
      ],
    };
  }
}

/**
 * YAML 1.2 (core schema: no timestamps, no merge keys). The fast path is js-yaml, which reads a
 * 10,000-node design in about a tenth of a second; documents with syntax errors or aliases take
 * the careful path, which gives positions and limits alias expansion.
 */
function parseYamlText(text: string): { ok: true; value: unknown } | { ok: false; errors: DocumentError[] } {
  let value: unknown;
  try {
    value = loadYaml(text, { schema: YAML12_CORE });
  } catch (err) {
    const careful = parseYamlCarefully(text);
    if (!careful.ok) return careful;
    // Only js-yaml objected: report its message and position.
    const mark = (err as { mark?: { line: number; column: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? (err as Error).message;
    return {
      ok: false,
      errors: [
        {
          code: 'yaml-syntax',
          message: `invalid YAML: ${reason}`,
          path: '',
          segments: [],
          ...(mark ? { line: mark.line + 1, column: mark.column + 1 } : {}),
        },
      ],
    };
  }
  return hasSharedReferences(value) ? parseYamlCarefully(text) : { ok: true, value };
}

/**
 * Parses a `.stackdraft.yaml` or `.stackdraft.json` text into a valid document, or returns every
 * problem found, each with its path inside the document and its line and column. Never throws.
 */
export function parseDocument(text: string, options: ParseOptions): LoadResult {
  if (text.length > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      errors: [
        {
          code: 'too-large',
          message: `the document is ${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB`,
          path: '',
          segments: [],
        },
      ],
    };
  }
  const raw = options.format === 'json' ? parseJsonText(text) : parseYamlText(text);
  if (!raw.ok) return raw;
  if (raw.value === null || raw.value === undefined) {
    return {
      ok: false,
      errors: [
        {
          code: 'not-an-object',
          message: 'the document is empty: it needs at least `stackdraft: 1` and `name`',
          path: '',
          segments: [],
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const loaded = loadDocument(raw.value);
  if (loaded.ok) return loaded;
  // JSON is YAML, so one locator serves both formats.
  return { ok: false, errors: withLines(text, loaded.errors) };
}
