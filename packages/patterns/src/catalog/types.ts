import type { z } from 'zod';
import type { KindCost } from '../cost/model';

/** Edge kinds of DESIGN.md: how two nodes talk or relate. */
export const EDGE_KINDS = ['sync', 'async', 'trigger', 'replication', 'redrive'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Palette categories, in the order the palette shows them. */
export const CATEGORIES = [
  { id: 'groups', label: 'Groups' },
  { id: 'edge', label: 'Edge and API' },
  { id: 'compute', label: 'Compute' },
  { id: 'messaging', label: 'Messaging and workflow' },
  { id: 'data', label: 'Data' },
  { id: 'operations', label: 'Security and operations' },
] as const;
export type CategoryId = (typeof CATEGORIES)[number]['id'];

/**
 * Traits let a kind refer to families of kinds ("any compute") instead of listing ids, so that a
 * new compute kind is connectable everywhere compute is, without editing other kinds.
 */
export const TRAITS = {
  entry: 'where traffic comes from (users, devices, partners)',
  edge: 'front door: DNS, CDN, WAF, load balancer, API gateway',
  compute: 'runs application code (a "service" for the rules)',
  database: 'a system of record owned by services (SQL, NoSQL, document)',
  data: 'stores data',
  messaging: 'carries messages or events between services',
  zonal: 'lives in a subnet / availability zone (VPC-resident)',
  global: 'a global service that is not placed inside a region',
  group: 'contains other nodes',
} as const;
export type Trait = keyof typeof TRAITS;

/** A kind id, or `@trait` meaning every kind with that trait. */
export type Selector = string;

/** Icon names (lucide) the web app knows how to draw. */
export const ICONS = [
  'globe',
  'map-pin',
  'network',
  'layout-grid',
  'boxes',
  'users',
  'signpost',
  'zap',
  'shield',
  'split',
  'door-open',
  'key-round',
  'container',
  'square-function',
  'ship-wheel',
  'server',
  'inbox',
  'archive-x',
  'megaphone',
  'radio-tower',
  'activity',
  'waves',
  'workflow',
  'bell',
  'database',
  'copy',
  'table',
  'file-json',
  'gauge',
  'hard-drive',
  'search',
  'lock',
  'line-chart',
  'plug',
] as const;
export type IconName = (typeof ICONS)[number];

/** Units a config value may carry; the inspector shows them next to the field. */
export type Unit =
  | 'GB'
  | 'KB'
  | 'MB'
  | 'ms'
  | 's'
  | 'days'
  | 'hours'
  | 'vCPU'
  | 'requests/s'
  | 'requests/month'
  | 'queries/month'
  | 'invocations/month'
  | 'messages/month'
  | 'events/month'
  | 'transitions/month'
  | 'executions/month'
  | 'writes/month'
  | 'reads/month'
  | 'puts/month'
  | 'gets/month'
  | 'calls/month'
  | 'users/month'
  | 'LCU'
  | 'count'
  | '%';

/** One accepted inbound connection: from which kinds, and as which edge kind. */
export interface AcceptRule {
  readonly from: readonly Selector[];
  readonly as: EdgeKind;
}

/** What a kind becomes on AWS. Kinds with no AWS resource say why (`none`). */
export type AwsMapping =
  | {
      /** Marketing name of the AWS service, e.g. "Amazon SQS". */
      readonly service: string;
      /** Terraform AWS provider resource types it becomes (the first is the main one). */
      readonly terraform: readonly string[];
      /** aws-cdk-lib constructs it becomes, as `module.Construct`. */
      readonly cdk: readonly string[];
      /** Pricing page of the service. */
      readonly docs: string;
    }
  | { readonly none: string };

export interface GroupSpec {
  /** Kinds (or `@traits`) a node of this kind may contain. */
  readonly contains: readonly Selector[];
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds kinds of every config shape
export type AnyConfigSchema = z.ZodObject<any>;

/** A node id held inside a node's config (e.g. the function a state-machine Task invokes). */
export interface NodeRef {
  /** Path inside the config, e.g. `['states', 2, 'resource']`. */
  path: (string | number)[];
  id: string;
}

/** How a kind's config refers to other nodes, so that references are checked and follow renames. */
export interface NodeRefs {
  list(config: Record<string, unknown>): NodeRef[];
  /** A copy of `config` with every referenced id passed through `rename`. */
  rename(config: Record<string, unknown>, rename: (id: string) => string): Record<string, unknown>;
}

export interface KindDefinition<S extends AnyConfigSchema = AnyConfigSchema> {
  readonly id: string;
  readonly label: string;
  readonly category: CategoryId;
  readonly icon: IconName;
  /** One or two sentences a person reads in the palette tooltip and the inspector. */
  readonly description: string;
  readonly traits: readonly Trait[];
  /** Present when the kind is a group (region, vpc, ...). */
  readonly group?: GroupSpec;
  /** Strict zod schema of `node.config`; every key has a default. */
  readonly config: S;
  /** Inbound connections this kind accepts. */
  readonly accepts: readonly AcceptRule[];
  /** Plain-language summary of `accepts`, shown when a connection is refused. */
  readonly connectionHint: string;
  readonly aws: AwsMapping;
  /**
   * What a node of this kind costs: a cost model per provider (`{ aws: ... }`, cost lines as data,
   * priced from the price file), or `{ free: 'reason' }` when it has no charge of its own.
   */
  readonly cost: KindCost<z.output<S>>;
  /** Present when the config holds ids of other nodes. */
  readonly nodeRefs?: NodeRefs;
}

export type ConfigOf<K extends KindDefinition> = z.output<K['config']>;
