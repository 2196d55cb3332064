/**
 * When to try a failed save again: exponential backoff with full jitter (so many browsers that
 * lost the same server do not return in step), capped, and never sooner than a server's
 * `Retry-After`. Pure, so it is tested without timers.
 */
export interface BackoffOptions {
  /** First delay before jitter. */
  baseMs?: number;
  /** Longest delay. */
  maxMs?: number;
  /** A number in [0, 1): `Math.random` by default. */
  random?: () => number;
}

/**
 * The delay before retry number `attempt` (1 for the first retry). Between half and all of
 * `base * 2^(attempt-1)`, capped at `maxMs`, and at least `retryAfterMs` when the server said so.
 */
export function backoffDelay(attempt: number, retryAfterMs?: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 1000;
  const max = opts.maxMs ?? 30_000;
  const random = opts.random ?? Math.random;
  const n = Math.max(1, Math.floor(attempt));
  const ceiling = Math.min(max, base * 2 ** Math.min(n - 1, 30));
  const delay = Math.round(ceiling / 2 + (ceiling / 2) * random());
  return Math.max(delay, Math.min(retryAfterMs ?? 0, 10 * max));
}
