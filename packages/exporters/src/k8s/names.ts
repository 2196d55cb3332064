/**
 * Kubernetes object names and label values must be DNS-1123 labels: lower-case letters, digits
 * and `-`, starting and ending with a letter or digit, at most 63 characters. Node ids are close
 * (`[a-z0-9][a-z0-9_-]*`, up to 100 characters); this makes them exactly that, and unique.
 */
export const MAX_DNS_LABEL = 63;

/** `orders_db-` -> `orders-db`; never empty, never longer than `max`. */
export function dnsLabel(text: string, max = MAX_DNS_LABEL): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}

/** Hands out unique DNS labels: a clash gets `-2`, `-3`, ... within the length limit. */
export class DnsNames {
  private readonly used = new Set<string>();
  private readonly byKey = new Map<string, string>();

  name(key: string, base: string = key): string {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    let candidate = dnsLabel(base);
    for (let n = 2; this.used.has(candidate); n++) {
      const suffix = `-${n}`;
      candidate = `${dnsLabel(base, MAX_DNS_LABEL - suffix.length)}${suffix}`;
    }
    this.used.add(candidate);
    this.byKey.set(key, candidate);
    return candidate;
  }
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder), e.g. replicas
 * over canary versions or Istio route weights that must add up to exactly 100.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum <= 0)
    return apportion(
      total,
      weights.map(() => 1),
    );
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}
