/*
 * Markdown output of user text. Labels and names are data: a label such as `a | b *c*` must not
 * break a table or turn into emphasis, and a newline must not start a heading or a list.
 */

/**
 * Characters that CommonMark or GitHub markdown give a meaning inside a line: emphasis, code,
 * links (`[`; a `(` only matters after an escaped `]`, so it stays readable), HTML and entities,
 * table cells, strikethrough, math (`$`) and issue references (`#`).
 */
const SPECIAL = /[\\`*_[\]<>|~&$#]/g;
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * User text as inline markdown that renders as exactly that text: line breaks become spaces,
 * control characters are dropped, and markdown punctuation is backslash-escaped.
 */
export function mdText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROL, '').replace(SPECIAL, '\\$&');
}

/** An id (the document's id alphabet has nothing to escape) as inline code. */
export function mdCode(id: string): string {
  return `\`${id.replace(/`/g, '')}\``;
}
