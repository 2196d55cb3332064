import { describe, expect, it } from 'vitest';
import { backoffDelay } from './retry';

describe('backoffDelay', () => {
  const at = (random: number) => ({ random: () => random, baseMs: 1000, maxMs: 30_000 });

  it('doubles the ceiling with each attempt, between half and all of it', () => {
    expect(backoffDelay(1, undefined, at(0))).toBe(500);
    expect(backoffDelay(1, undefined, at(0.999_999))).toBe(1000);
    expect(backoffDelay(2, undefined, at(0))).toBe(1000);
    expect(backoffDelay(4, undefined, at(0))).toBe(4000);
  });

  it('is capped at maxMs however many attempts failed', () => {
    expect(backoffDelay(50, undefined, at(0.999_999))).toBe(30_000);
    expect(backoffDelay(1000, undefined, at(0))).toBe(15_000);
  });

  it("waits at least as long as the server's Retry-After", () => {
    expect(backoffDelay(1, 20_000, at(0))).toBe(20_000);
    expect(backoffDelay(6, 1000, at(0))).toBe(15_000);
  });

  it('treats odd attempt numbers as the first retry', () => {
    expect(backoffDelay(0, undefined, at(0))).toBe(500);
    expect(backoffDelay(-3, undefined, at(0))).toBe(500);
  });
});
