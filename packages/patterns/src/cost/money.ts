/**
 * Money that comes out exact to the cent. Binary floating point cannot hold most prices exactly
 * (0.0225 x 730 = 16.424999... in doubles, where the bill says $16.43), so a component's monthly
 * amount is computed in integers: the quantity is fixed to 6 decimals, the unit price to 10 (AWS
 * lists Lambda at $0.0000166667 per GB-second) and the regional factor to 4, the product is exact
 * in BigInt, and it is rounded half-up to whole cents once. Totals are sums of integer cents.
 */

const QUANTITY_DECIMALS = 6;
const PRICE_DECIMALS = 10;
const FACTOR_DECIMALS = 4;

function fixed(x: number, decimals: number): bigint {
  return BigInt(Math.round(x * 10 ** decimals));
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Powers of ten that doubles hold exactly (10^0 .. 10^22). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_SAFE_BIG = BigInt(MAX_SAFE);

/** A unit price times a regional factor as an exact decimal: `numerator / 10^decimals`. */
export interface ExactPrice {
  readonly numerator: number | bigint;
  readonly decimals: number;
}

/** The exact decimal of `unitPrice` (10 decimals at most) x `factor` (4 at most). */
export function exactPrice(unitPrice: number, factor = 1): ExactPrice {
  if (!(unitPrice >= 0 && factor >= 0) || !Number.isFinite(unitPrice * factor)) {
    throw new RangeError(`cannot price at ${unitPrice} x ${factor}`);
  }
  let n = fixed(unitPrice, PRICE_DECIMALS) * fixed(factor, FACTOR_DECIMALS);
  let d = PRICE_DECIMALS + FACTOR_DECIMALS;
  while (d > 0 && n !== 0n && n % 10n === 0n) {
    n /= 10n;
    d--;
  }
  return { numerator: n <= MAX_SAFE_BIG ? Number(n) : n, decimals: d };
}

/**
 * Whole cents for `quantity` units at an exact price, rounded half-up. Integer arithmetic in
 * doubles while the product stays below 2^53 (the common case: whole hours, GB, counts), BigInt
 * beyond. Quantities are fixed to 6 decimals first, so both paths agree.
 */
export function centsAt(quantity: number, price: ExactPrice): number {
  if (quantity === 0 || price.numerator === 0 || price.numerator === 0n) return 0;
  if (!(quantity > 0) || !Number.isFinite(quantity))
    throw new RangeError(`cannot price quantity ${quantity}`);
  let q = Math.round(quantity * (POW10[QUANTITY_DECIMALS] as number));
  let e = QUANTITY_DECIMALS;
  if (q <= MAX_SAFE && typeof price.numerator === 'number') {
    while (e > 0 && q % 10 === 0) {
      q /= 10;
      e--;
    }
    const product = q * price.numerator;
    if (product <= MAX_SAFE) {
      const shift = price.decimals + e - 2;
      if (shift <= 0) return product * (POW10[-shift] as number);
      const divisor = POW10[shift] as number;
      const rest = product % divisor;
      const whole = (product - rest) / divisor;
      return 2 * rest >= divisor ? whole + 1 : whole;
    }
  }
  const product = BigInt(q) * BigInt(price.numerator);
  const shift = price.decimals + e - 2;
  if (shift <= 0) return Number(product * 10n ** BigInt(-shift));
  const divisor = 10n ** BigInt(shift);
  return Number((product + divisor / 2n) / divisor);
}

/**
 * Whole cents for `quantity` units at `unitPrice` USD each, with a regional `factor`, rounded
 * half-up. Inputs must be finite and non-negative (quantities and prices are never negative).
 */
export function centsFor(quantity: number, unitPrice: number, factor = 1): number {
  if (!(quantity >= 0) || !Number.isFinite(quantity))
    throw new RangeError(`cannot price quantity ${quantity}`);
  return centsAt(quantity, exactPrice(unitPrice, factor));
}

/** The unit price after the regional factor, as shown to people (10 decimals at most). */
export function adjustedUnitPrice(unitPrice: number, factor: number): number {
  if (factor === 1) return unitPrice;
  const scaled = fixed(unitPrice, PRICE_DECIMALS) * fixed(factor, FACTOR_DECIMALS);
  return Number(scaled) / 10 ** (PRICE_DECIMALS + FACTOR_DECIMALS);
}

/** Cents to dollars for the result (a number with at most two decimals). */
export function dollars(cents: number): number {
  return cents / 100;
}

/** Formats cents as people read money: `$1,234.56`. */
export function formatUsd(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0');
  return `${sign}$${whole.toLocaleString('en-US')}.${frac}`;
}
