/**
 * Printing TypeScript source. User text only ever reaches generated code through `str` (a string
 * literal) or `lineComment`; everything else is code the exporter writes itself.
 */

/** A piece of TypeScript code to print as is inside a literal (a construct reference, a call). */
export class TsCode {
  constructor(readonly code: string) {}
}

/** Marks `c` as code rather than a string value. */
export const code = (c: string): TsCode => new TsCode(c);

/**
 * A TypeScript string literal holding exactly `text`. JSON's string syntax is a subset of
 * TypeScript's, so JSON.stringify is safe for any input (quotes, backslashes, `${`, newlines,
 * lone surrogates); U+2028/U+2029 are escaped as well for older tooling.
 */
export function str(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A `//` comment line holding `text`: line terminators become spaces so the comment cannot end early. */
export function lineComment(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
  return `// ${text.replace(/[\r\n\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A number as TypeScript; non-finite values cannot occur in a valid document but must not print as code. */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/**
 * A value as a TypeScript literal: strings quoted with `str`, numbers, booleans, arrays and plain
 * objects (multi-line, keys quoted when they are not identifiers), `TsCode` printed as is.
 * `undefined` properties are left out.
 */
export function lit(value: unknown, indent = ''): string {
  if (value instanceof TsCode) return value.code;
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'undefined';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => lit(v, inner));
    const oneLine = `[${items.join(', ')}]`;
    if (oneLine.length <= 80 && !oneLine.includes('\n')) return oneLine;
    return `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const props = entries.map(([k, v]) => `${IDENTIFIER.test(k) ? k : str(k)}: ${lit(v, inner)}`);
  const oneLine = `{ ${props.join(', ')} }`;
  if (oneLine.length <= 80 && !oneLine.includes('\n')) return oneLine;
  return `{\n${props.map((p) => `${inner}${p},`).join('\n')}\n${indent}}`;
}

/** Words a generated variable must not be named: TypeScript reserved words and names the stack files use. */
export const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with as implements interface let package private protected public static yield any boolean ' +
    'constructor declare get module require number set string symbol type from of async await undefined ' +
    'props scope id app path Construct process console'
  ).split(' '),
);

/**
 * User text for an AWS string property (a stack description, a state machine comment): AWS
 * rejects lone surrogates and control characters, so they become U+FFFD and spaces.
 */
export function awsText(text: string): string {
  return (
    text
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we replace
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
  );
}
