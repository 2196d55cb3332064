import type { z } from 'zod';
import { didYouMean } from '../util/suggest';
import { type DocumentError, type DocumentErrorCode, formatPath } from './errors';

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'mapping';
  return typeof v;
}

function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[s as string];
  }
  return cur;
}

function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(message);
}

function known(schemaKeys: readonly string[] | undefined): string {
  if (!schemaKeys || schemaKeys.length === 0) return '';
  const list = schemaKeys.length > 12 ? `${schemaKeys.slice(0, 12).join(', ')}, ...` : schemaKeys.join(', ');
  return `; known keys: ${list}`;
}

/**
 * Turns zod issues into document errors that a person can act on: one error per unknown key (with
 * a "did you mean"), the expected and received types, the allowed values of an enum.
 *
 * @param prefix segments prepended to every issue path (e.g. `['nodes', 3, 'config']`)
 * @param root the value that was validated, to report what was received
 * @param keysAt the known keys of the object at a path, for unknown-key suggestions
 */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  prefix: (string | number)[] = [],
  keysAt: (segments: readonly PropertyKey[]) => readonly string[] | undefined = () => undefined,
  code: DocumentErrorCode = 'invalid-value',
): DocumentError[] {
  const out: DocumentError[] = [];
  for (const issue of issues) {
    const local = issue.path as PropertyKey[];
    const segments = [...prefix, ...(local as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      const candidates = keysAt(local);
      for (const key of issue.keys) {
        const s = [...segments, key];
        out.push({
          code: 'unknown-key',
          message: `unknown key "${key}"${candidates ? didYouMean(key, candidates) : ''}${known(candidates)}`,
          path: formatPath(s),
          segments: s,
        });
      }
      continue;
    }
    const received = valueAt(root, local);
    let message = issue.message;
    if (issue.code === 'invalid_type') {
      message =
        received === undefined
          ? `is required (${article(issue.expected)})`
          : `expected ${article(issue.expected)}, got ${article(typeName(received))}${
              typeof received === 'string' || typeof received === 'number'
                ? ` (${JSON.stringify(received)})`
                : ''
            }`;
    } else if (issue.code === 'invalid_value') {
      const values = issue.values.map((v) => JSON.stringify(v));
      const got = JSON.stringify(received);
      message =
        values.length === 1
          ? `must be ${values[0]}, got ${got}`
          : `must be one of ${values.join(', ')}; got ${got}${
              typeof received === 'string' ? didYouMean(received, issue.values.map(String)) : ''
            }`;
    } else if (issue.code === 'too_small' && isDefaultMessage(issue.message)) {
      const min = Number(issue.minimum);
      message =
        issue.origin === 'string'
          ? min <= 1
            ? 'must not be empty'
            : `must be at least ${min} characters`
          : issue.origin === 'array'
            ? `must have at least ${min} items`
            : `must be ${issue.inclusive ? 'at least' : 'greater than'} ${min}, got ${JSON.stringify(received)}`;
    } else if (issue.code === 'too_big' && isDefaultMessage(issue.message)) {
      const max = Number(issue.maximum);
      message =
        issue.origin === 'string'
          ? `must be at most ${max} characters`
          : issue.origin === 'array'
            ? `must have at most ${max} items`
            : `must be ${issue.inclusive ? 'at most' : 'less than'} ${max}, got ${JSON.stringify(received)}`;
    } else if (issue.code === 'invalid_format' && isDefaultMessage(issue.message)) {
      message = `has an invalid format (${issue.format})`;
    } else if (issue.code === 'invalid_union' && isDefaultMessage(issue.message)) {
      message = 'does not match any of the accepted shapes';
    } else if (isDefaultMessage(issue.message)) {
      message = issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
    }
    out.push({ code, message, path: formatPath(segments), segments });
  }
  return out;
}
