import { orders, type PlainDocument } from './fixtures';

/**
 * Malformed and hostile requests against an existing design. Each must be answered 4xx with a
 * JSON error naming what is wrong, and must leave the stored design exactly as it was.
 */
export interface HostileCase {
  name: string;
  /** `save`: PUT the design (valid token and If-Match unless overridden); `create`, `comment`, `validate`: POST; `raw`: any path. */
  target: 'save' | 'create' | 'comment' | 'validate' | 'raw';
  json?: unknown;
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
  /** Drop these default headers (authorization, if-match, content-type). */
  without?: string[];
  /** For `raw`: method and path (with `:id` replaced by the design's id). */
  method?: string;
  path?: string;
  status: number;
  code: string;
  /** The error's `path`, when the case points at one. */
  at?: string;
}

export const doc = (patch: (d: PlainDocument & Record<string, unknown>) => void) => {
  const d = orders() as PlainDocument & Record<string, unknown>;
  patch(d);
  return { document: d };
};

const utf8 = (s: string) => new TextEncoder().encode(s);
export const bytesWith = (before: string, bad: number[], after: string) =>
  new Uint8Array([...utf8(before), ...bad, ...utf8(after)]);

export const json = { 'content-type': 'application/json' };
