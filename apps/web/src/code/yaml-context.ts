/**
 * Where the cursor is in a Stackdraft YAML document, read from the lines around it (the text may
 * be invalid while the person types, so this never parses the whole document). Completion and
 * hover use it to offer kinds, config keys of the node's kind, and node ids.
 */

/**
 * The document's lines, read one at a time: Monaco's model in the app (so a 4 MB design is never
 * copied into one string per keystroke), an array in tests.
 */
export interface Lines {
  readonly length: number;
  /** Line `index` (0-based), without its line break; '' past the end. */
  at(index: number): string;
}

/** Lines of a string. */
export function linesOf(text: string): Lines {
  const all = text.split('\n');
  return { length: all.length, at: (i) => all[i] ?? '' };
}

/** What a completion at the cursor would fill in. */
export type CursorContext =
  | { type: 'node-kind'; prefix: string }
  | { type: 'edge-kind'; prefix: string }
  | { type: 'node-ref'; field: 'source' | 'target' | 'parent'; prefix: string }
  | { type: 'config-key'; kind: string | undefined; prefix: string; present: readonly string[] }
  | { type: 'config-value'; kind: string | undefined; key: string; prefix: string }
  | { type: 'none' };

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The indentation of a line's content, counting a list dash as indentation (`  - id:` is 4). */
function contentIndent(line: string): number {
  const m = /^(\s*)(-\s+)?/.exec(line);
  return (m?.[1]?.length ?? 0) + (m?.[2]?.length ?? 0);
}

function isBlank(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

function unquote(v: string): string {
  const m = /^(['"])(.*)\1$/.exec(v.trim());
  return m?.[2] ?? v.trim();
}

/** The top-level key (`nodes`, `edges`, ...) whose block contains line `index` (0-based). */
export function topLevelSection(lines: Lines, index: number): string | undefined {
  for (let i = index; i >= 0; i--) {
    const line = lines.at(i);
    if (i !== index && /^[A-Za-z_]/.test(line)) return /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
  }
  return undefined;
}

/**
 * The first line (0-based) of the list item containing line `index`, at list depth one below the
 * top level (a node or an edge): the line starting with `- ` at the smallest indentation.
 */
function itemStart(lines: Lines, index: number): number | undefined {
  for (let i = index; i >= 0; i--) {
    const line = lines.at(i);
    if (/^\S/.test(line)) return undefined;
    if (/^\s{0,2}-(\s|$)/.test(line)) return i;
  }
  return undefined;
}

/** The value of `key:` written directly in the list item starting at `start` (its own level). */
export function itemField(lines: Lines, start: number, key: string): string | undefined {
  const level = contentIndent(lines.at(start));
  const re = new RegExp(`^\\s*(?:-\\s+)?${key}\\s*:\\s*(.*?)\\s*(#.*)?$`);
  for (let i = start; i < lines.length; i++) {
    const line = lines.at(i);
    if (i > start && (/^\S/.test(line) || /^\s{0,2}-(\s|$)/.test(line))) break;
    if (isBlank(line)) continue;
    if (contentIndent(line) !== level && !(i === start)) continue;
    const m = re.exec(line);
    if (m) return unquote(m[1] ?? '');
  }
  return undefined;
}

/** Keys already written in the mapping that contains line `index` at `level` (for completion). */
function siblingKeys(lines: Lines, from: number, level: number): string[] {
  const keys: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines.at(i);
    if (isBlank(line)) continue;
    const ind = indentOf(line);
    if (ind < level) break;
    if (ind === level) {
      const m = /^\s*([A-Za-z_][\w-]*)\s*:/.exec(line);
      if (m?.[1]) keys.push(m[1]);
    }
  }
  return keys;
}

/**
 * If line `index` sits inside a node's `config:` mapping, the kind of that node and the line and
 * indentation of the mapping's entries.
 */
export function configBlockAt(
  lines: Lines,
  index: number,
  cursorIndent: number,
): { kind: string | undefined; configLine: number; level: number } | undefined {
  if (topLevelSection(lines, index) !== 'nodes') return undefined;
  for (let i = index - 1; i >= 0; i--) {
    const line = lines.at(i);
    if (isBlank(line)) continue;
    const ind = contentIndent(line);
    if (ind >= cursorIndent) continue;
    const m = /^\s*(?:-\s+)?config\s*:\s*(#.*)?$/.exec(line);
    if (!m) return undefined;
    const start = itemStart(lines, i);
    return {
      kind: start === undefined ? undefined : itemField(lines, start, 'kind'),
      configLine: i,
      level: cursorIndent,
    };
  }
  return undefined;
}

/**
 * What to complete at (1-based) `line`, `column`: the kind after `kind:` (a node kind in `nodes`,
 * an edge kind in `edges`), a node id after `source:`, `target:` or `parent:`, a config key of the
 * node's kind inside `config:`, or a value of an enum config key.
 */
export function cursorContext(lines: Lines, line: number, column: number): CursorContext {
  const index = line - 1;
  const before = lines.at(index).slice(0, column - 1);
  const section = topLevelSection(lines, index);
  const flow = section === 'nodes' ? flowConfigContext(lines, index, before) : undefined;
  if (flow) return flow;
  const keyValue = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:\s*(['"]?)([^'"\s]*)$/.exec(before);
  if (keyValue) {
    const key = keyValue[1] ?? '';
    const prefix = keyValue[3] ?? '';
    if (key === 'kind' && section === 'nodes') return { type: 'node-kind', prefix };
    if (key === 'kind' && section === 'edges') return { type: 'edge-kind', prefix };
    if ((key === 'source' || key === 'target') && section === 'edges')
      return { type: 'node-ref', field: key, prefix };
    if (key === 'parent' && section === 'nodes') return { type: 'node-ref', field: 'parent', prefix };
    const block = configBlockAt(lines, index, indentOf(before));
    if (block) return { type: 'config-value', kind: block.kind, key, prefix };
    return { type: 'none' };
  }
  const keyOnly = /^(\s*)([A-Za-z_][\w-]*)?$/.exec(before);
  if (keyOnly) {
    const indent = keyOnly[1]?.length ?? 0;
    const block = configBlockAt(lines, index, indent);
    if (block) {
      const present = siblingKeys(lines, block.configLine + 1, indent).filter(
        (k, i, all) => all.indexOf(k) === i && k !== keyOnly[2],
      );
      return { type: 'config-key', kind: block.kind, prefix: keyOnly[2] ?? '', present };
    }
  }
  return { type: 'none' };
}

/**
 * Completion inside a one-line config mapping, as the serializer writes small configs:
 * `config: { type: http, au|` (a key) or `config: { auth: j|` (a value).
 */
function flowConfigContext(lines: Lines, index: number, before: string): CursorContext | undefined {
  const m = /^\s*(?:-\s+)?config\s*:\s*\{([^}]*)$/.exec(before);
  if (!m) return undefined;
  const start = itemStart(lines, index);
  const kind = start === undefined ? undefined : itemField(lines, start, 'kind');
  const entries = (m[1] ?? '').split(',');
  const last = entries[entries.length - 1] ?? '';
  const value = /^\s*([A-Za-z_][\w-]*)\s*:\s*(['"]?)([^'"\s]*)$/.exec(last);
  if (value) return { type: 'config-value', kind, key: value[1] ?? '', prefix: value[3] ?? '' };
  const key = /^\s*([A-Za-z_][\w-]*)?$/.exec(last);
  if (!key) return { type: 'none' };
  const present = entries
    .slice(0, -1)
    .map((e) => /^\s*([A-Za-z_][\w-]*)\s*:/.exec(e)?.[1])
    .filter((k): k is string => k !== undefined);
  return { type: 'config-key', kind, prefix: key[1] ?? '', present };
}

/** What the word under the pointer is, for hover: a kind, a config key of a kind, or a node id. */
export type HoverTarget =
  | { type: 'kind'; id: string }
  | { type: 'config-key'; kind: string | undefined; key: string }
  | { type: 'node-ref'; id: string };

/** Classifies `word` found on (1-based) `line` for hover. */
export function hoverTarget(lines: Lines, line: number, word: string): HoverTarget | undefined {
  const index = line - 1;
  const source = lines.at(index);
  const m = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*(#.*)?$/.exec(source);
  if (!m) return undefined;
  const key = m[1] ?? '';
  const value = unquote(m[2] ?? '');
  const section = topLevelSection(lines, index);
  if (word === value && key === 'kind' && section === 'nodes') return { type: 'kind', id: value };
  if (word === value && (key === 'source' || key === 'target' || key === 'parent'))
    return { type: 'node-ref', id: value };
  if (
    key === 'config' &&
    section === 'nodes' &&
    /^[\w-]+$/.test(word) &&
    value.startsWith('{') &&
    new RegExp(`[{,]\\s*${word}\\s*:`).test(value)
  ) {
    const start = itemStart(lines, index);
    return {
      type: 'config-key',
      kind: start === undefined ? undefined : itemField(lines, start, 'kind'),
      key: word,
    };
  }
  if (word === key) {
    const block = configBlockAt(lines, index, indentOf(source));
    if (block) return { type: 'config-key', kind: block.kind, key };
  }
  return undefined;
}
