/**
 * Identifiers derived from node ids for generated code. Node ids are `[a-z0-9][a-z0-9_-]*`, so a
 * digit may lead and `-` may appear: every target language needs its own safe form.
 */

/** Terraform / Python-style identifier: `orders-db` -> `orders_db`, `3tier` -> `n_3tier`. */
export function snakeIdentifier(id: string): string {
  // The common case, a letter then letters, digits, `_` and `-`, without the general replace.
  if (HYPHENATED.test(id)) return id.replaceAll('-', '_');
  const s = id.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(s) ? s : `n_${s}`;
}

const HYPHENATED = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** TypeScript class / construct id style: `orders-db` -> `OrdersDb`, `3tier` -> `N3tier`. */
export function pascalIdentifier(id: string): string {
  const s = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
  return /^[A-Za-z]/.test(s) ? s : `N${s}`;
}

/** TypeScript variable style: `orders-db` -> `ordersDb`. */
export function camelIdentifier(id: string): string {
  const p = pascalIdentifier(id);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/**
 * Hands out identifiers that stay unique even when two ids map to the same identifier
 * (`orders-db` and `orders_db` both -> `orders_db`): the later one gets a numeric suffix.
 * Deterministic for a given order of calls.
 */
export class NameAllocator {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(private readonly transform: (id: string) => string) {}

  /** The identifier for `key` (stable: the same key always gets the same name). */
  name(key: string, base: string = key): string {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const stem = this.transform(base);
    let candidate = stem;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${stem}_${n}`;
    this.used.add(candidate);
    this.byKey.set(key, candidate);
    return candidate;
  }
}
