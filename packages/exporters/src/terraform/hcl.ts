/**
 * A small model of HCL values and blocks (Terraform's configuration language) and its printer.
 * Mappers build plain data; only this module turns it into text, so escaping happens in one place:
 * every JS string is a literal (escaped), and only `Raw` carries expression text, which the
 * exporter builds from identifiers it allocated itself, never from user text.
 */

/** Trusted expression text: a traversal (`aws_sqs_queue.orders.arn`, `var.name_prefix`) or an operator. */
export class Raw {
  constructor(private readonly expression: string) {}

  /** The expression as HCL text (computed on demand by subclasses such as resource references). */
  get text(): string {
    return this.expression;
  }
}

/** A quoted template: literal parts (escaped) and interpolated expressions. */
export class Template {
  readonly parts: readonly (string | Raw | Call)[];
  constructor(parts: readonly (string | Raw | Call)[]) {
    // Adjacent literals are merged so that escaping sees `$` and `{` side by side.
    const merged: (string | Raw | Call)[] = [];
    let last: string | Raw | Call | undefined;
    for (const p of parts) {
      if (p === '') continue;
      if (typeof p === 'string' && typeof last === 'string') {
        last += p;
        merged[merged.length - 1] = last;
      } else {
        merged.push(p);
        last = p;
      }
    }
    this.parts = merged;
  }
}

/** A function call such as `jsonencode({...})` or `replace(x, "a", "b")`. */
export class Call {
  constructor(
    readonly fn: string,
    readonly args: readonly Value[],
  ) {}
}

/** A nested block (`vpc_config { ... }`), optionally with labels. */
export class Block {
  constructor(
    readonly body: Body,
    readonly labels: readonly string[] = [],
  ) {}
}

/** Repeated nested blocks of one type (`ingress { } ingress { }`); none prints nothing. */
export class Blocks {
  constructor(readonly items: readonly Block[]) {}
}

export type Value =
  | string
  | number
  | boolean
  | null
  | undefined
  | Raw
  | Template
  | Call
  | readonly Value[]
  | ValueMap;

export interface ValueMap {
  readonly [key: string]: Value;
}

/** Arguments and nested blocks of a block, in print order. `undefined` arguments are left out. */
export interface Body {
  [name: string]: Value | Block | Blocks;
}

export const raw = (text: string): Raw => new Raw(text);
export const call = (fn: string, ...args: Value[]): Call => new Call(fn, args);
export const block = (body: Body, ...labels: string[]): Block => new Block(body, labels);
export const blocks = (items: readonly Body[]): Blocks => new Blocks(items.map((b) => new Block(b)));
export const jsonencode = (v: Value): Call => new Call('jsonencode', [v]);

/**
 * Tagged template for HCL templates: `tpl\`${prefix}-orders\`` where interpolated JS strings stay
 * literal text (escaped) and `Raw`/`Call` values become `${...}` interpolations.
 */
export function tpl(strings: TemplateStringsArray, ...values: (string | number | Raw | Call)[]): Template {
  const parts: (string | Raw | Call)[] = [];
  strings.forEach((s, i) => {
    parts.push(s);
    if (i < values.length) {
      const v = values[i] as string | number | Raw | Call;
      parts.push(typeof v === 'number' ? String(v) : v);
    }
  });
  return new Template(parts);
}

// ---------------------------------------------------------------------------------------------
// Printing

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must be escaped
const NEEDS_ESCAPE = /[\\"\u0000-\u001f\u007f\u2028\u2029\ud800-\udfff]|[$%]\{/;

function hex4(c: number): string {
  return c.toString(16).padStart(4, '0');
}

/**
 * Escapes text for the inside of an HCL quoted string: backslash escapes for quotes, backslashes
 * and control characters, `${` -> `$${` and `%{` -> `%%{` (so user text never interpolates), and a
 * lone UTF-16 surrogate (which no UTF-8 file can hold) becomes U+FFFD.
 */
export function escapeHclText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const c = s.charCodeAt(i);
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if ((ch === '$' || ch === '%') && s[i + 1] === '{') {
      out += `${ch}${ch}{`;
      i++;
    } else if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029) out += `\\u${hex4(c)}`;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s.slice(i, i + 2);
        i++;
      } else out += '\\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out;
}

/** An HCL quoted string literal holding exactly `s`. */
export function quote(s: string): string {
  // Most literals repeat (actions, protocols, fixed settings): each is escaped once.
  let q = quoted.get(s);
  if (q === undefined) {
    q = `"${escapeHclText(s)}"`;
    if (s.length <= 64 && quoted.size < 20_000) quoted.set(s, q);
  }
  return q;
}

const quoted = new Map<string, string>();

/** Text safe inside a `#` comment: one line, no control characters. */
export function commentText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters would end the comment line
  return wellFormed(s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' '));
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `s` with every lone UTF-16 surrogate (not representable in UTF-8) replaced by U+FFFD. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd');
}
