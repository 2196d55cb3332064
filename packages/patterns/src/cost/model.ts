import type { ArchitectureDocument, DocumentNode, Usage } from '../document/schema';
import type { Graph, ResolvedEdge } from '../graph/graph';

/**
 * What a kind declares about its cost (Infracost's design: cost lines are data). A kind's model
 * turns a node into named components — a quantity, the unit it is counted in and the key of a price
 * in the price file — and the engine looks the prices up, so no price lives in code.
 */

/** Where a usage volume came from, in the order the engine tries them. */
export const USAGE_SOURCES = ['config', 'traffic', 'document', 'default'] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];

/** Traffic measures the propagation gives each node, per 730-hour month. */
export type TrafficMeasure = 'requests' | 'reads' | 'writes' | 'replicatedWrites';

/** Document-wide usage assumptions a volume may fall back to (`usage` in the document). */
export type DocumentUsageKey = Extract<
  keyof Usage,
  'requestsPerMonth' | 'messagesPerMonth' | 'dataOutGb' | 'storageGb'
>;

/** How one usage volume of a kind is found: node config, then traffic, then the document, then a default. */
export interface VolumeSpec {
  /** Config key that states the volume (e.g. `invocationsPerMonth`). */
  readonly field: string;
  /** What is counted, with its period: "invocations a month", "GB stored", "average LCUs". */
  readonly label: string;
  /** The traffic measure that drives it when the node does not state it. */
  readonly traffic?: TrafficMeasure;
  /**
   * Converts the traffic measure into this volume (e.g. 0.01: resolvers answer 99 of 100 DNS
   * lookups from cache; 50 KB / 2^20: GB of responses per request), and why.
   */
  readonly trafficFactor?: { readonly factor: number; readonly why: string };
  /** The document `usage` key used when no traffic reaches the node. */
  readonly document?: DocumentUsageKey;
  /** The documented default when nothing else says, and why that number. */
  readonly default: number;
  readonly defaultWhy: string;
}

/** A volume after resolution: the value, where it came from, and a sentence a reviewer can challenge. */
export interface ResolvedVolume {
  readonly field: string;
  readonly value: number;
  readonly source: UsageSource;
  readonly basis: string;
}

/** One cost line, as data: the engine prices it. */
export interface ComponentSpec {
  /** Shown to people: "Instance hours (db.t3.medium, Multi-AZ)". */
  readonly name: string;
  /** In the unit of the price (`unit` of the price entry, e.g. hours, GB-month, 1M requests). */
  readonly quantity: number;
  /** Key of the price in the price file, e.g. `rds.instance[postgres/db.t3.medium/multi-az]`. */
  readonly priceKey: string;
  /** True when the quantity follows usage (requests, GB) rather than what is provisioned. */
  readonly usageBased?: boolean;
  /** The volume the quantity was derived from, when usage-based. */
  readonly usage?: ResolvedVolume;
  /** What the price is for, named in the note when the price file lacks it (e.g. "db.x9.huge"). */
  readonly subject?: string;
}

/** Inbound traffic of a node per month, from the propagation (undefined when none reaches it). */
export interface NodeTraffic {
  readonly requests: number;
  readonly reads: number;
  readonly writes: number;
  /** Writes replicated into this node from another (global tables, cross-region replicas). */
  readonly replicatedWrites: number;
  /** Ids of the traffic roots (clients or nodes stating their own volume) this traffic comes from. */
  readonly roots: readonly string[];
}

/** What a cost model sees of one node (valid while `components` runs: do not keep it). */
export interface CostContext<C = Record<string, unknown>> {
  readonly node: DocumentNode;
  /** Config with defaults filled in (`resolveConfig`). */
  readonly config: C;
  readonly doc: ArchitectureDocument;
  readonly graph: Graph;
  /** Region code the node is deployed in. */
  readonly region: string;
  /** Hours in a billing month (730). */
  readonly hoursPerMonth: number;
  readonly traffic: NodeTraffic | undefined;
  /** Edges leaving / entering the node (`graph.outgoing(node.id)`, without the lookup by id). */
  outgoing(): readonly ResolvedEdge[];
  incoming(): readonly ResolvedEdge[];
  /** Did the person write this config key (rather than it coming from the kind's default)? */
  stated(key: string): boolean;
  /** Resolves a usage volume: node config, then traffic, then document usage, then the default. */
  volume(spec: VolumeSpec): ResolvedVolume;
  /** Average payload per request or message in KB (document `usage.payloadKb`, else the default). */
  payloadKb(): ResolvedVolume;
  /** Records an assumption the estimate rests on (listed once in the result). */
  assume(text: string): void;
}

/** How traffic passes through a kind on its way downstream. */
export interface TrafficSpec {
  /** Config key whose stated value replaces the inbound traffic and is what propagates onward. */
  readonly volumeField?: string;
  /** The volume field counts per second (a client's `requestsPerSecond`), not per month. */
  readonly perSecond?: boolean;
  /** What flows on: every request (default), only writes (storage events, streams), or nothing. */
  readonly forwards?: 'all' | 'writes' | 'none';
  /** Config key stating the node's own writes, which replication edges copy to replicas. */
  readonly writesField?: string;
  /**
   * Callers cache what this node answers: each inbound edge carries at most this config value of
   * calls per hour (a secrets vault: one refresh per secret per hour).
   */
  readonly cachedPerHourField?: string;
}

/** The cost model of a kind on one provider. */
export interface CostModel<C = Record<string, unknown>> {
  readonly traffic?: TrafficSpec;
  /** Responses to clients that call this kind directly leave AWS here (internet data transfer out). */
  readonly internetEgress?: boolean;
  /** The cost lines of one node. */
  components(ctx: CostContext<C>): readonly ComponentSpec[];
}

/**
 * A kind's cost declaration: a model per provider it supports, or an explicit "no charge" with the
 * reason, so that nothing is silently missing from an estimate.
 */
export type KindCost<C = Record<string, unknown>> =
  | { readonly free: string; readonly traffic?: TrafficSpec }
  | { readonly aws: CostModel<C> };
