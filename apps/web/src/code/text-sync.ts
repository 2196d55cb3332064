/**
 * Pure helpers for keeping the code view's text and the design in step without disturbing the
 * person's cursor: a canvas change becomes the smallest single replacement of the text, so Monaco
 * moves the cursors and selections around it instead of resetting them.
 */

const BLOCK = 512;

/** One replacement: the text between `start` and `end` (offsets in the old text) becomes `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The smallest single edit turning `before` into `after`: the common prefix and suffix are kept,
 * the middle is replaced. `undefined` when the texts are equal. A drag changes one `position:`
 * line, so the edit is a few characters and every cursor outside it stays where it was.
 * The prefix never ends inside a surrogate pair, so the edit never splits a character.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  // Whole blocks first (a native string comparison), then characters: a 4 MB design's text is
  // compared in a few milliseconds instead of tens.
  let prefix = 0;
  while (
    prefix + BLOCK <= max &&
    before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK)
  )
    prefix += BLOCK;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const room = max - prefix;
  while (
    suffix + BLOCK <= room &&
    before.slice(before.length - suffix - BLOCK, before.length - suffix) ===
      after.slice(after.length - suffix - BLOCK, after.length - suffix)
  )
    suffix += BLOCK;
  while (
    suffix < room &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Applies an edit (for tests and for checking an edit round-trips). */
export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
