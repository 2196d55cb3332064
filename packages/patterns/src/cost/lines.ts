import type { FreeAllowance, Price } from '../pricing/prices';
import type { ComponentSpec } from './model';
import { adjustedUnitPrice, centsAt, type ExactPrice, exactPrice } from './money';

/**
 * The cost lines of an estimate, ready to price: each kind's component spec, the price it resolved
 * to (or none), and the regional factor — kept in parallel arrays, as there are tens of thousands
 * of them in a large design. Pricing them for a scenario applies the scenario's multiplier to
 * usage-driven quantities and, when asked, the account-wide free tier — allocated to lines in
 * document order, so the same document always gets the same split.
 */
export class Lines {
  readonly specs: (ComponentSpec & { readonly edgeId?: string })[] = [];
  readonly prices: (Price | undefined)[] = [];
  readonly factors: number[] = [];

  get length(): number {
    return this.specs.length;
  }

  push(spec: ComponentSpec & { readonly edgeId?: string }, price: Price | undefined, factor: number): void {
    this.specs.push(spec);
    this.prices.push(price);
    this.factors.push(factor);
  }
}

/** Lines priced for one scenario, in parallel arrays (one entry per line). */
export interface PricedLines {
  readonly quantity: Float64Array;
  readonly freeQuantity: Float64Array;
  readonly cents: Float64Array;
  readonly totalCents: number;
}

/** Free-tier pools by price key: each allowance is shared by the keys it names. */
export class FreeTier {
  private readonly byKey = new Map<string, FreeAllowance>();

  constructor(allowances: readonly FreeAllowance[]) {
    for (const a of allowances) for (const k of a.priceKeys) this.byKey.set(k, a);
  }

  /** A fresh set of remaining allowances (one per scenario priced). */
  pools(): Map<string, number> {
    return new Map([...new Set(this.byKey.values())].map((a) => [a.id, a.quantity]));
  }

  allowanceFor(priceKey: string): FreeAllowance | undefined {
    return this.byKey.get(priceKey);
  }
}

/**
 * Exact prices computed once per (price, regional factor) for one estimate: large designs repeat
 * the same few prices thousands of times.
 */
export class CentsCache {
  private readonly exact = new Map<Price, Map<number, ExactPrice>>();

  cents(price: Price, factor: number, quantity: number): number {
    let byFactor = this.exact.get(price);
    if (!byFactor) {
      byFactor = new Map();
      this.exact.set(price, byFactor);
    }
    let p = byFactor.get(factor);
    if (!p) {
      p = exactPrice(price.value, factor);
      byFactor.set(factor, p);
    }
    return centsAt(quantity, p);
  }

  /** The unit price after the regional factor, computed once per (price, factor). */
  unitPrice(price: Price, factor: number): number {
    if (factor === 1) return price.value;
    let byFactor = this.unitPrices.get(price);
    if (!byFactor) {
      byFactor = new Map();
      this.unitPrices.set(price, byFactor);
    }
    let u = byFactor.get(factor);
    if (u === undefined) {
      u = adjustedUnitPrice(price.value, factor);
      byFactor.set(factor, u);
    }
    return u;
  }

  private readonly unitPrices = new Map<Price, Map<number, number>>();
}

/** Prices `lines` with `multiplier` applied to usage-driven quantities, line by line. */
export function priceLines(
  lines: Lines,
  multiplier: number,
  freeTier: FreeTier | undefined,
  cache: CentsCache = new CentsCache(),
): PricedLines {
  const pools = freeTier?.pools();
  const n = lines.length;
  const quantity = new Float64Array(n);
  const freeQuantity = new Float64Array(n);
  const cents = new Float64Array(n);
  let totalCents = 0;
  const { specs, prices, factors } = lines;
  for (let i = 0; i < n; i++) {
    const spec = specs[i] as ComponentSpec;
    const price = prices[i];
    const q = spec.usageBased ? spec.quantity * multiplier : spec.quantity;
    let free = 0;
    if (pools && price) {
      const a = freeTier?.allowanceFor(price.key);
      if (a) {
        const left = pools.get(a.id) ?? 0;
        free = Math.min(left, q);
        pools.set(a.id, left - free);
      }
    }
    const c = price ? cache.cents(price, factors[i] as number, q - free) : 0;
    quantity[i] = q;
    freeQuantity[i] = free;
    cents[i] = c;
    totalCents += c;
  }
  return { quantity, freeQuantity, cents, totalCents };
}

/**
 * The total cents of `lines` at `multiplier`, reusing `typical` for lines that do not follow usage
 * when no free tier is shared between lines (the low and peak scenarios need only their total).
 */
export function priceTotal(
  lines: Lines,
  multiplier: number,
  freeTier: FreeTier | undefined,
  cache: CentsCache,
  typical: PricedLines,
): number {
  if (freeTier) return priceLines(lines, multiplier, freeTier, cache).totalCents;
  const { specs, prices, factors } = lines;
  let total = 0;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i] as ComponentSpec;
    const price = prices[i];
    if (!spec.usageBased) total += typical.cents[i] as number;
    else if (price) total += cache.cents(price, factors[i] as number, spec.quantity * multiplier);
  }
  return total;
}
