import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustedUnitPrice, centsFor, formatUsd } from './money';

describe('centsFor', () => {
  it('is exact where floating point is not: 2190 h x $0.0725 = $158.775, billed $158.78', () => {
    expect(Math.round(2190 * 0.0725 * 100)).toBe(15877); // the float product is 15877.4999...
    expect(centsFor(2190, 0.0725)).toBe(15878);
    expect(centsFor(730, 0.0055)).toBe(402);
  });

  it('rounds half-up once, at the cent', () => {
    expect(centsFor(1, 0.005)).toBe(1);
    expect(centsFor(1, 0.0049999999)).toBe(0);
    expect(centsFor(3, 0.001)).toBe(0);
  });

  it('handles ten-decimal prices and large quantities', () => {
    // 6 billion GB-seconds at $0.0000166667
    expect(centsFor(6_000_000_000, 0.0000166667)).toBe(10_000_020);
    expect(centsFor(1e12, 0.4)).toBe(40_000_000_000_000);
  });

  it('applies a regional factor exactly', () => {
    expect(centsFor(730, 0.1, 1.25)).toBe(9125);
    expect(adjustedUnitPrice(0.0225, 1.1146)).toBe(0.0250785);
  });

  it('is zero for nothing and refuses negative or non-finite input', () => {
    expect(centsFor(0, 5)).toBe(0);
    expect(() => centsFor(-1, 5)).toThrow(RangeError);
    expect(() => centsFor(Number.NaN, 5)).toThrow(RangeError);
    expect(() => centsFor(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('matches an exact rational computation for any 6-decimal quantity and 10-decimal price', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.bigInt({ min: 0n, max: 10n ** 11n }),
        (q, p) => {
          const exact = (q * p + 5n * 10n ** 13n) / 10n ** 14n; // scale 1e16 to cents, half-up
          expect(centsFor(Number(q) / 1e6, Number(p) / 1e10)).toBe(Number(exact));
        },
      ),
    );
  });
});

describe('centsFor with a regional factor', () => {
  it('matches an exact rational computation on both the fast and the BigInt path', () => {
    fc.assert(
      fc.property(
        // Quantities are read at 6 decimals; beyond 2^53 micro-units a double cannot even hold the
        // input the test means, so the domain stops at 10^15 (a billion units a month).
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 11n }),
        fc.bigInt({ min: 1n, max: 30_000n }),
        (q, p, f) => {
          const exact = (q * p * f + 5n * 10n ** 17n) / 10n ** 18n; // scale 1e20 to cents, half-up
          expect(centsFor(Number(q) / 1e6, Number(p) / 1e10, Number(f) / 1e4)).toBe(Number(exact));
        },
      ),
    );
  });
});

describe('formatUsd', () => {
  it('reads like money', () => {
    expect(formatUsd(123456)).toBe('$1,234.56');
    expect(formatUsd(5)).toBe('$0.05');
    expect(formatUsd(-250)).toBe('-$2.50');
  });
});
