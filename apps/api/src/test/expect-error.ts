import { expect } from 'vitest';
import type { Reply } from './harness';

/** Asserts a JSON error of the given status and code, with a message and no stack trace. */
export function expectError(reply: Reply, status: number, code: string, at?: string): void {
  expect({ status: reply.status, code: (reply.body as { error?: { code?: string } })?.error?.code }).toEqual({
    status,
    code,
  });
  const error = (reply.body as { error: { message: string; path?: string } }).error;
  expect(error.message.length).toBeGreaterThan(10);
  if (at !== undefined) expect(error.path).toBe(at);
  expect(reply.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+/);
}
