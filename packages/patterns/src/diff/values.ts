import { formatPath } from '../document/errors';
import type { FieldChange } from './types';

/*
 * Comparing the plain JSON values a document is made of. Key order never counts as a change (YAML
 * and JSON files, and the editor, write keys in different orders); array order does.
 */

type Plain = Record<string, unknown>;

function isPlainObject(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON values, ignoring key order and keys whose value is `undefined`. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const ao = a as Plain;
  const bo = b as Plain;
  let count = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    count++;
    if (!sameValue(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) count--;
  return count === 0;
}

/**
 * Appends the changes between `before` and `after` at `path` to `out`. Objects are compared key by
 * key down to their leaves (`config.retry.maxAttempts`), so a reviewer sees the one setting that
 * changed; arrays (state lists, canary versions, views) are compared and reported whole, because
 * an element-wise path such as `versions[1]` says less than the two lists side by side.
 */
export function collectChanges(
  path: readonly (string | number)[],
  before: unknown,
  after: unknown,
  out: FieldChange[],
): void {
  if (sameValue(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const k of [...keys].sort()) collectChanges([...path, k], before[k], after[k], out);
    return;
  }
  const change: FieldChange = { path: formatPath(path) };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  out.push(change);
}

/** A value as a short phrase for a summary line: `false`, `db.r6g.large`, `{x: 10, y: 20}`, `unset`. */
export function shortValue(value: unknown, max = 40): string {
  if (value === undefined) return 'unset';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (isPlainObject(value) && typeof value.x === 'number' && typeof value.y === 'number')
    text = `(${value.x}, ${value.y})`;
  else text = JSON.stringify(value) ?? String(value);
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
