import type { DocumentNode } from '../document/schema';
import type { Graph, ResolvedEdge } from '../graph/graph';
import type { ComponentSpec, CostContext, ResolvedVolume } from './model';

/**
 * Small builders used by the kinds' cost declarations, so every declaration reads the same way:
 * provisioned lines (hours, GB-months of what is configured) and usage lines (quantities derived
 * from a resolved volume, which they carry so the estimate can say where it came from).
 */

/** A provisioned line: `count` resources billed every hour of the month. */
export function hourly(
  ctx: CostContext<unknown>,
  name: string,
  count: number,
  priceKey: string,
  subject?: string,
): ComponentSpec {
  const quantity = count * ctx.hoursPerMonth;
  return subject === undefined ? { name, quantity, priceKey } : { name, quantity, priceKey, subject };
}

/** A provisioned line counted in the price's own unit (GB-month, zone-month, ...). */
export function fixed(name: string, quantity: number, priceKey: string, subject?: string): ComponentSpec {
  return subject === undefined ? { name, quantity, priceKey } : { name, quantity, priceKey, subject };
}

/** A usage line: `quantity` (in the price's unit) derived from the resolved volume `usage`. */
export function usageLine(
  name: string,
  usage: ResolvedVolume,
  quantity: number,
  priceKey: string,
): ComponentSpec {
  return { name, quantity, priceKey, usageBased: true, usage };
}

/** A line whose quantity is a sized setting (storage, users): it carries where the size came from. */
export function sizedLine(
  name: string,
  size: ResolvedVolume,
  quantity: number,
  priceKey: string,
): ComponentSpec {
  return { name, quantity, priceKey, usage: size };
}

export const MILLION = 1_000_000;

/** Billing chunks of a payload: SQS, SNS and EventBridge bill each 64 KB as one request. */
export function chunks64(payloadKb: number): number {
  return Math.max(1, Math.ceil(payloadKb / 64));
}

/**
 * SQS API requests for `messages` messages: one send each (per 64 KB chunk), and — when a consumer
 * takes them through a trigger edge — one receive and one delete per batch it takes.
 */
export function sqsRequests(outgoing: readonly ResolvedEdge[], messages: number, payloadKb: number): number {
  const sends = messages * chunks64(payloadKb);
  const consumer = outgoing.find((e) => e.kind === 'trigger');
  if (!consumer) return sends;
  const batch = Math.max(1, consumer.edge.config?.batchSize ?? 1);
  const batches = messages / batch;
  return sends + batches * chunks64(batch * payloadKb) + batches;
}

export type SnsProtocol = 'sqs' | 'sqs-fifo' | 'lambda' | 'email' | 'http';

/** How SNS delivers to a subscriber of this kind (deliveries to SQS and Lambda are free). */
export function snsProtocol(targetKind: string, fifo: boolean): SnsProtocol {
  if (targetKind === 'queue' || targetKind === 'dead-letter-queue') return fifo ? 'sqs-fifo' : 'sqs';
  if (targetKind === 'function') return 'lambda';
  if (targetKind === 'notification') return 'email';
  return 'http';
}

/** Deliveries per priced unit: email is priced per 100,000, the others per million. */
export function snsDeliveryUnit(protocol: SnsProtocol): number {
  return protocol === 'email' ? 100_000 : MILLION;
}

/** Compares dotted version strings numerically ("1.9" < "1.10"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Every node inside a group, at any depth. */
export function descendants(graph: Graph, groupId: string): DocumentNode[] {
  const out: DocumentNode[] = [];
  const queue = [groupId];
  const seen = new Set(queue);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const c of graph.children(id)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
      queue.push(c.id);
    }
  }
  return out;
}

const priceKeys = new Map<string, Map<string, string>>();
const MAX_CACHED_VARIANTS = 1000;

/**
 * The price-file key `base[part/part/...]` (e.g. `rds.instance[postgres/db.t3.medium/multi-az]`),
 * made once per combination and reused: every node of a kind asks for the same few keys, and a key
 * string that is reused is hashed once for the price lookup instead of once per node.
 */
export function priceKey(base: string, ...parts: readonly string[]): string {
  let level = priceKeys.get(base);
  if (!level) {
    level = new Map();
    priceKeys.set(base, level);
  }
  const variant = parts.length === 1 ? (parts[0] as string) : parts.join('/');
  let key = level.get(variant);
  if (key === undefined) {
    key = `${base}[${variant}]`;
    // Values come from documents (a server sees many): the cache stops growing at a bound.
    if (level.size < MAX_CACHED_VARIANTS) level.set(variant, key);
  }
  return key;
}
