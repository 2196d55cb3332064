const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });
const usdShort = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

/** `$1,234.56` */
export function formatMoney(amount: number): string {
  return usd.format(amount);
}

/** `$1,234.56 / month`, the way the cost total reads everywhere. */
export function formatMonthly(amount: number): string {
  return `${usd.format(amount)} / month`;
}

/** A compact amount for a node badge: `$12.40`, `$1.2K`. */
export function formatBadge(amount: number): string {
  return amount < 1000 ? usd.format(amount) : usdShort.format(amount);
}

const num = new Intl.NumberFormat('en-US');
/** `20,000,000` */
export function formatNumber(n: number): string {
  return num.format(n);
}
