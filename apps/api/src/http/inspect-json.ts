import { formatPath } from '@stackdraft/patterns';
import { ApiError } from './errors';

/**
 * Levels of nesting a body may have (objects and arrays inside each other): far more than any
 * document needs (a node's config sits 4 levels down), and a bound for every recursive walk after.
 */
export const MAX_DEPTH = 32;

/**
 * Keys that mean something to JavaScript itself. JSON.parse makes them ordinary own properties, but
 * any later spread, merge or schema copy may turn them into a prototype change; they never belong
 * in a document, so they are refused outright.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Frame {
  value: unknown;
  key: string | number | undefined;
  parent: Frame | undefined;
  depth: number;
}

function pathOf(frame: Frame): string {
  const segments: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) segments.push(f.key);
  return formatPath(segments.reverse());
}

const isWellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

function checkText(s: string, frame: Frame, what: string): ApiError | undefined {
  if (s.includes('\u0000')) {
    return new ApiError(
      422,
      'invalid-text',
      `${what} contains a NUL character (\\u0000), which text cannot hold.`,
      {
        path: pathOf(frame),
      },
    );
  }
  if (!isWellFormed(s)) {
    return new ApiError(
      422,
      'invalid-text',
      `${what} contains a lone UTF-16 surrogate (an escape such as \\ud800 without its pair); it is not valid Unicode text.`,
      { path: pathOf(frame) },
    );
  }
  return undefined;
}

/**
 * Walks a parsed JSON body once, without recursion (so hostile nesting cannot overflow the stack),
 * and returns the first thing no Stackdraft body may contain: nesting deeper than MAX_DEPTH,
 * prototype keys, NUL characters or lone surrogates. Schema validation comes after this.
 */
export function inspectJson(body: unknown): ApiError | undefined {
  const stack: Frame[] = [{ value: body, key: undefined, parent: undefined, depth: 0 }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { value, depth } = frame;
    if (typeof value === 'string') {
      const bad = checkText(value, frame, 'This text');
      if (bad) return bad;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      return new ApiError(422, 'too-deep', `The body nests deeper than ${MAX_DEPTH} levels.`, {
        path: pathOf(frame),
      });
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], key: i, parent: frame, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const child: Frame = {
        value: (value as Record<string, unknown>)[key],
        key,
        parent: frame,
        depth: depth + 1,
      };
      if (FORBIDDEN_KEYS.has(key)) {
        return new ApiError(
          422,
          'forbidden-key',
          `The key "${key}" is not allowed anywhere in a request body.`,
          {
            path: pathOf(child),
          },
        );
      }
      const bad = checkText(key, child, 'This key');
      if (bad) return bad;
      stack.push(child);
    }
  }
  return undefined;
}
