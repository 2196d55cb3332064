import { Block, Blocks, type Body, Call, quote, Raw, Template, type Value, type ValueMap } from './hcl';

/**
 * The HCL printer. It concatenates small pieces and flattens the result once per block, so that
 * what outlives the block is one flat string: the "rope" nodes V8 makes for each concatenation die
 * young, while a rope kept to the end of the export (measured on a 2,000-node design) made the
 * garbage collector the largest cost. Joining an array of pieces instead cost more per piece.
 */

/** The text of the block being printed. */
class TextBuffer {
  private text = '';

  put(s: string): void {
    this.text += s;
  }

  take(): string {
    const text = this.text;
    this.text = '';
    // Reading a character makes V8 flatten the rope into one string, in place.
    text.charCodeAt(0);
    return text;
  }
}

let out = new TextBuffer();

const INDENTS = Array.from({ length: 16 }, (_, n) => '  '.repeat(n));
/** A line break and the indent of a depth, as one piece (fewer pieces make the joins faster). */
const BREAKS = INDENTS.map((i) => `\n${i}`);
/** Padding that aligns `=`, with the ` = ` itself. */
const EQUALS = Array.from({ length: 64 }, (_, n) => `${' '.repeat(n)} = `);

function lineBreak(depth: number): string {
  return BREAKS[depth] ?? `\n${'  '.repeat(depth)}`;
}

function equals(pad: number): string {
  return EQUALS[pad] ?? `${' '.repeat(pad)} = `;
}

/**
 * `\n<indent><name><padding> = ` as one piece, by depth, then padding, then name. Argument names
 * are a small vocabulary repeated on every resource, and each piece of a block costs its join:
 * one piece instead of four per line.
 */
const linePrefixes: Map<string, string>[][] = [];

function linePrefix(depth: number, name: string, pad: number): string {
  let byPad = linePrefixes[depth];
  if (!byPad) {
    byPad = [];
    linePrefixes[depth] = byPad;
  }
  let byName = byPad[pad];
  if (!byName) {
    byName = new Map();
    byPad[pad] = byName;
  }
  let p = byName.get(name);
  if (p === undefined) {
    p = `${lineBreak(depth)}${name}${equals(pad)}`;
    // Names are mostly a fixed vocabulary; user data (event patterns) could add many: cap the memo.
    if (byName.size < 2_000) byName.set(name, p);
  }
  return p;
}

/**
 * Fixed openings and closings as one piece each (every piece costs the flattening of the block):
 * `\n<indent><name> {` by depth and block name, `\n<indent>}` by depth, `resource "<type>" "` by
 * type. Block names and resource types are the exporter's own vocabulary.
 */
const openings: Map<string, string>[] = [];

function blockOpening(depth: number, name: string): string {
  let byName = openings[depth];
  if (!byName) {
    byName = new Map();
    openings[depth] = byName;
  }
  let p = byName.get(name);
  if (p === undefined) {
    p = `${lineBreak(depth)}${name} {`;
    byName.set(name, p);
  }
  return p;
}

const CLOSINGS = BREAKS.map((b) => `${b}}`);
/** Between the items of a multi-line list: `,` and the next line break; after the last, `,` and `]`. */
const ITEM_BREAKS = BREAKS.map((b) => `,${b}`);
const ARRAY_ENDS = BREAKS.map((b) => `,${b}]`);

function blockClosing(depth: number): string {
  return CLOSINGS[depth] ?? `${lineBreak(depth)}}`;
}

const resourceOpenings = new Map<string, string>();

function resourceOpening(type: string): string {
  let p = resourceOpenings.get(type);
  if (p === undefined) {
    p = `resource "${type}" "`;
    resourceOpenings.set(type, p);
  }
  return p;
}

/** Short lists and objects of scalars stay on one line, as `terraform fmt` leaves them. */
const INLINE_MAX = 100;

const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);

/** Printed object keys: few distinct keys come back thousands of times (Name, Effect, Action...). */
const printedKeys = new Map<string, string>();

function printKey(k: string): string {
  let p = printedKeys.get(k);
  if (p === undefined) {
    p = BARE_KEY.test(k) && !KEYWORDS.has(k) ? k : quote(k);
    // Keys are mostly a fixed vocabulary; user data (event patterns) could add many: cap the memo.
    if (printedKeys.size < 10_000) printedKeys.set(k, p);
  }
  return p;
}

function printNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

function isMap(v: Value): v is ValueMap {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    !(v instanceof Raw) &&
    !(v instanceof Template) &&
    !(v instanceof Call)
  );
}

/** A quoted template: literal parts escaped, expressions interpolated. */
function printTemplate(t: Template): string {
  let out = '"';
  const { parts: pieces } = t;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as string | Raw | Call;
    if (typeof p === 'string') {
      const quotedText = quote(p);
      const text = quotedText.slice(1, -1);
      const last = p[p.length - 1];
      // A literal `$` or `%` right before `${` would read as the `$${` / `%%{` escape: interpolate it.
      if (pieces[i + 1] !== undefined && (last === '$' || last === '%'))
        out += `${text.slice(0, -1)}\${"${last}"}`;
      else out += text;
    } else out += `\${${p instanceof Raw ? p.text : (inline(p) ?? '')}}`;
  }
  return `${out}"`;
}

/** The text of a scalar (string, number, boolean, null, expression, template). */
function scalarText(v: Value): string | undefined {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return printNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Raw) return v.text;
  if (v instanceof Template) return printTemplate(v);
  return undefined;
}

/** Whether `scalarText` prints `v` (a scalar, an expression or a template). */
function isScalar(v: Value): boolean {
  return typeof v !== 'object' || v === null || v instanceof Raw || v instanceof Template;
}

/** The value on one line, or undefined when it must span several (as `terraform fmt` keeps it). */
function inline(v: Value): string | undefined {
  const scalar = scalarText(v);
  if (scalar !== undefined) return scalar;
  if (v instanceof Call) {
    let out = `${v.fn}(`;
    for (let i = 0; i < v.args.length; i++) {
      const a = inline(v.args[i]);
      if (a === undefined) return undefined;
      out += i ? `, ${a}` : a;
    }
    return `${out})`;
  }
  if (Array.isArray(v)) {
    const items = v as readonly Value[];
    let out = '[';
    for (let i = 0; i < items.length; i++) {
      const t = scalarText(items[i]);
      if (t === undefined) return undefined;
      out += i ? `, ${t}` : t;
      if (out.length > INLINE_MAX) return undefined;
    }
    return `${out}]`;
  }
  if (isMap(v)) {
    // Decide before building any text: most maps that reach here hold a list or map (policy
    // statements, container definitions) and print on several lines anyway.
    for (const k in v) if (!isScalar(v[k])) return undefined;
    let out = '';
    for (const k in v) {
      const x = v[k];
      if (x === undefined) continue;
      const t = scalarText(x);
      if (t === undefined) return undefined;
      out += `${out ? ', ' : ''}${printKey(k)} = ${t}`;
      if (out.length > INLINE_MAX - 4) return undefined;
    }
    return out ? `{ ${out} }` : '{}';
  }
  return 'null';
}

/** The value as it prints on one line, or undefined when it spans several. */
export function oneLine(v: Value): string | undefined {
  return inline(v);
}

/** Appends a value whose continuation lines are indented at `depth`. */
function emitValue(v: Value, depth: number): void {
  const oneLine = inline(v);
  if (oneLine !== undefined) out.put(oneLine);
  else emitMultiline(v, depth);
}

/** Appends a value that spans several lines (a call, list or object that is not short). */
function emitMultiline(v: Value, depth: number): void {
  if (v instanceof Call) {
    out.put(v.fn);
    out.put('(');
    v.args.forEach((a, i) => {
      if (i) out.put(', ');
      emitValue(a, depth);
    });
    out.put(')');
  } else if (Array.isArray(v)) {
    const items = v as readonly Value[];
    out.put('[');
    for (let i = 0; i < items.length; i++) {
      // `,` and the next line break as one piece.
      out.put(i === 0 ? lineBreak(depth + 1) : (ITEM_BREAKS[depth + 1] ?? `,${lineBreak(depth + 1)}`));
      emitValue(items[i], depth + 1);
    }
    if (items.length > 0) out.put(ARRAY_ENDS[depth] ?? `,${lineBreak(depth)}]`);
    else out.put(`${lineBreak(depth)}]`);
  } else if (isMap(v)) {
    const pending = scratch(depth + 1);
    for (const k in v) {
      const x = v[k];
      if (x === undefined) continue;
      pending.add(printKey(k), x);
    }
    out.put('{');
    emitAssignments(pending, depth + 1);
    out.put(blockClosing(depth));
  }
}

/**
 * Appends `key = value` lines, aligning `=` as `terraform fmt` does: over runs of one-line
 * arguments; an argument whose value spans several lines stands alone.
 */
function emitAssignments(pending: Scratch, depth: number): void {
  const { keys, values, texts } = pending;
  const n = pending.n;
  // Cleared first: printing a multi-line value below reuses the scratch of deeper levels only.
  pending.n = 0;
  for (let i = 0; i < n; i++) texts[i] = inline(values[i]);
  let start = 0;
  while (start < n) {
    const key = keys[start] as string;
    if (texts[start] === undefined) {
      out.put(linePrefix(depth, key, 0));
      emitMultiline(values[start], depth);
      start++;
      continue;
    }
    let end = start;
    let width = key.length;
    while (end + 1 < n && texts[end + 1] !== undefined) {
      end++;
      width = Math.max(width, (keys[end] as string).length);
    }
    for (let k = start; k <= end; k++) {
      const name = keys[k] as string;
      out.put(linePrefix(depth, name, width - name.length));
      out.put(texts[k] as string);
    }
    start = end + 1;
  }
}

/**
 * Reused work arrays, one set per nesting depth (a depth finishes with its arrays before its
 * caller goes on). They are never truncated: `length = 0` makes V8 drop the backing store, and
 * growing it again for every block was a large share of what an export allocated. `n` counts
 * the pending assignments instead; slots past it hold stale values that are never read.
 */
class Scratch {
  readonly keys: string[] = [];
  readonly values: Value[] = [];
  readonly texts: (string | undefined)[] = [];
  n = 0;

  add(key: string, value: Value): void {
    this.keys[this.n] = key;
    this.values[this.n] = value;
    this.n++;
  }
}

const scratches: Scratch[] = [];

function scratch(depth: number): Scratch {
  let s = scratches[depth];
  if (!s) {
    s = new Scratch();
    scratches[depth] = s;
  }
  return s;
}

/** Appends the arguments and nested blocks of `body`, each line starting with a newline. */
function emitBody(body: Body, depth: number): void {
  const pending = scratch(depth);
  for (const name in body) {
    const v = body[name];
    if (v === undefined) continue;
    if (v instanceof Block || v instanceof Blocks) {
      if (pending.n > 0) emitAssignments(pending, depth);
      if (v instanceof Block) emitBlock(name, v, depth);
      else for (const b of v.items) emitBlock(name, b, depth);
      continue;
    }
    pending.add(name, v);
  }
  if (pending.n > 0) emitAssignments(pending, depth);
}

function emitBlock(name: string, b: Block, depth: number): void {
  if (b.labels.length === 0) out.put(blockOpening(depth, name));
  else {
    out.put(lineBreak(depth));
    out.put(name);
    for (const l of b.labels) {
      out.put(' ');
      out.put(quote(l));
    }
    out.put(' {');
  }
  emitBody(b.body, depth + 1);
  out.put(blockClosing(depth));
}

/** Runs `emit` into an empty buffer and returns the text (one flat string); buffers are reused. */
function collect(emit: () => void): string {
  const saved = out;
  out = buffers.pop() ?? new TextBuffer();
  try {
    emit();
    return out.take();
  } finally {
    buffers.push(out);
    out = saved;
  }
}

const buffers: TextBuffer[] = [];

/** A value as HCL, continuation lines indented by `indent` (two spaces per level). */
export function printValue(v: Value, indent: string): string {
  return collect(() => emitValue(v, indent.length / 2));
}

/** The lines of `body` (each starting with a newline) at `indent`. */
export function printBodyText(body: Body, indent: string): string {
  return collect(() => emitBody(body, indent.length / 2));
}

/** Appends the lines of `body` at `indent` to `out`. */
export function printBody(body: Body, indent: string, out: string[]): void {
  const text = printBodyText(body, indent);
  if (text) out.push(text.slice(1));
}

/**
 * A `resource "<type>" "<name>"` block as flat text: its meta-arguments (`count`, `provider`),
 * a blank line, its body, and `depends_on` after another blank line. `provider` is an alias of the
 * AWS provider; `dependsOn` holds resource addresses.
 */
export function printResourceBlock(
  type: string,
  name: string,
  count: Value,
  provider: string | undefined,
  body: Body,
  dependsOn: readonly string[] | undefined,
): string {
  return collect(() => {
    out.put(resourceOpening(type));
    out.put(name);
    out.put('" {');
    if (count !== undefined) {
      emitBody({ count, provider: provider === undefined ? undefined : new Raw(`aws.${provider}`) }, 1);
      out.put('\n');
    } else if (provider !== undefined) out.put(providerLine(provider));
    emitBody(body, 1);
    if (dependsOn) {
      out.put('\n');
      emitBody({ depends_on: dependsOn.map((d) => new Raw(d)) }, 1);
    }
    out.put('\n}');
  });
}

/** `provider = aws.<alias>` and the blank line after it, as one piece per alias. */
function providerLine(alias: string): string {
  let line = providerLines.get(alias);
  if (line === undefined) {
    line = `${linePrefix(1, 'provider', 0)}aws.${alias}\n`;
    providerLines.set(alias, line);
  }
  return line;
}

const providerLines = new Map<string, string>();
