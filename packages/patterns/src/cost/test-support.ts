/**
 * Used by the cost tests only: price lookups straight from the JSON price file (not through the
 * engine), hand computation of money in integers, and small document builders.
 */
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import { loadDocument } from '../document/validate-document';
import priceFile from '../pricing/aws-us-east-1.json' with { type: 'json' };

const prices = priceFile.prices as Record<string, { value: number; unit: string }>;

/** The list price of `key`, read from aws-us-east-1.json; throws when the file lacks it. */
export function priceOf(key: string): number {
  const p = prices[key];
  if (!p) throw new Error(`no price ${key} in aws-us-east-1.json`);
  return p.value;
}

/** The file's hours per month. */
export const HOURS: number = priceFile.hoursPerMonth;

/**
 * Cents for `quantity` at `price`, by hand: both fixed to integers (6 and 10 decimals, failing
 * loudly if they have more), multiplied exactly, rounded half-up to the cent.
 */
export function handCents(quantity: number, price: number): number {
  const q = Math.round(quantity * 1e6);
  const p = Math.round(price * 1e10);
  if (Math.abs(q - quantity * 1e6) > 1e-3 || Math.abs(p - price * 1e10) > 1e-3) {
    throw new Error(
      `hand computation needs at most 6 decimals of quantity and 10 of price: ${quantity} x ${price}`,
    );
  }
  const product = BigInt(q) * BigInt(p); // scale 1e16
  return Number((product + 50_000_000_000_000n) / 100_000_000_000_000n);
}

/** Dollars (as in the estimate) to whole cents, for comparing money without float equality. */
export const toCents = (usd: number): number => Math.round(usd * 100);

/** A document from nodes and edges, validated like a loaded file (throws on any error). */
export function doc(
  nodes: DocumentNode[],
  edges: (Omit<DocumentEdge, 'id'> & { id?: string })[] = [],
  extra: Partial<ArchitectureDocument> = {},
): ArchitectureDocument {
  const raw = {
    stackdraft: 1,
    name: 'Cost test',
    provider: 'aws',
    region: 'us-east-1',
    environment: 'production',
    nodes,
    edges: edges.map((e, i) => ({ ...e, id: e.id ?? `e${i}` })),
    ...extra,
  };
  const r = loadDocument(raw);
  if (!r.ok) throw new Error(`invalid test document: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.document;
}

export function node(
  id: string,
  kind: string,
  config?: Record<string, unknown>,
  parent?: string,
): DocumentNode {
  const n: DocumentNode = { id, kind, label: id };
  if (config) n.config = config;
  if (parent) n.parent = parent;
  return n;
}
