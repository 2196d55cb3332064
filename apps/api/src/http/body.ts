import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import express, { type Request, type RequestHandler } from 'express';
import type { z } from 'zod';
import { ApiError } from './errors';
import { inspectJson } from './inspect-json';

/** 10 MB: a 2,000-node design is about 400 KB; Express's default 100 KB would refuse ~500 nodes. */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/** body-parser's `verify`: UTF-8 only, by declared charset and by the bytes themselves. */
function verifyUtf8(req: IncomingMessage, _res: unknown, buf: Buffer): void {
  // body-parser would decode any utf-* charset; the API stores UTF-8 and says so.
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1];
  if (charset && !/^utf-?8$/i.test(charset))
    throw Object.assign(new Error('unsupported charset'), { status: 415, type: 'charset.unsupported' });
  // Otherwise invalid bytes would become U+FFFD silently and be stored as if the user wrote them.
  if (!isUtf8(buf)) throw Object.assign(new Error('invalid UTF-8'), { status: 400 });
}

/** Parses a JSON body up to the limit, refusing anything that is not UTF-8. */
export const jsonBody = (): RequestHandler => express.json({ limit: BODY_LIMIT_BYTES, verify: verifyUtf8 });

/**
 * Reads a JSON body as raw bytes, with the same limit and UTF-8 checks, for routes that hand the
 * parsing to a worker thread (the document tools).
 */
export const rawJsonBody = (): RequestHandler =>
  express.raw({ type: 'application/json', limit: BODY_LIMIT_BYTES, verify: verifyUtf8 });

/** 415 unless the request says its body is JSON (which also stops cross-site form posts). */
export function requireJsonType(req: Request): void {
  if (!req.is('application/json')) {
    throw new ApiError(
      415,
      'unsupported-media-type',
      'Send the body as JSON with the header Content-Type: application/json.',
    );
  }
}

/** The path of a zod issue inside the body, as `document.nodes[2]` or `author`. */
function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/**
 * Validates a request body against `schema`: JSON content type (415 otherwise), no hostile structure (see inspectJson), then the zod schema (400 with
 * the first problem's path and every problem in `details`).
 */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  requireJsonType(req);
  if (req.body === undefined) throw new ApiError(400, 'invalid-request', 'The request needs a JSON body.');
  const hostile = inspectJson(req.body);
  if (hostile) throw hostile;
  return parseWith(schema, req.body, 'body');
}

/** Validates query parameters (or any plain input) against `schema`: 400 on failure. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: 'body' | 'query',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ message: describeIssue(i), path: issuePath(i.path) }));
  const [first] = details;
  const where = first?.path ? `${first.path}: ` : '';
  throw new ApiError(
    400,
    'invalid-request',
    `The request ${what} is not valid: ${where}${first?.message ?? 'unexpected value'}.`,
    { ...(first?.path ? { path: first.path } : {}), details },
  );
}
