import { z } from 'zod';
import { apiGateway } from '../kinds/api-gateway';
import { auth } from '../kinds/auth';
import { availabilityZone } from '../kinds/availability-zone';
import { cache } from '../kinds/cache';
import { cdn } from '../kinds/cdn';
import { client } from '../kinds/client';
import { containerService } from '../kinds/container-service';
import { deadLetterQueue } from '../kinds/dead-letter-queue';
import { dns } from '../kinds/dns';
import { documentDatabase } from '../kinds/document-database';
import { eventBus } from '../kinds/event-bus';
import { externalService } from '../kinds/external-service';
import { fn } from '../kinds/function';
import { kafka } from '../kinds/kafka';
import { kubernetesCluster } from '../kinds/kubernetes-cluster';
import { kubernetesService } from '../kinds/kubernetes-service';
import { loadBalancer } from '../kinds/load-balancer';
import { monitoring } from '../kinds/monitoring';
import { nosqlTable } from '../kinds/nosql-table';
import { notification } from '../kinds/notification';
import { objectStorage } from '../kinds/object-storage';
import { queue } from '../kinds/queue';
import { readReplica } from '../kinds/read-replica';
import { region } from '../kinds/region';
import { searchIndex } from '../kinds/search-index';
import { secretsVault } from '../kinds/secrets-vault';
import { sqlDatabase } from '../kinds/sql-database';
import { stateMachine } from '../kinds/state-machine';
import { stream } from '../kinds/stream';
import { subnet } from '../kinds/subnet';
import { topic } from '../kinds/topic';
import { vmGroup } from '../kinds/vm-group';
import { vpc } from '../kinds/vpc';
import { waf } from '../kinds/waf';
import type { KindDefinition, Selector, Unit } from './types';

/**
 * Every node kind, alphabetically. This array is the only place that lists them: everything else
 * (palette, connection rules, conformance test, exporters) iterates it.
 */
export const KINDS: readonly KindDefinition[] = [
  apiGateway,
  auth,
  availabilityZone,
  cache,
  cdn,
  client,
  containerService,
  deadLetterQueue,
  dns,
  documentDatabase,
  eventBus,
  externalService,
  fn,
  kafka,
  kubernetesCluster,
  kubernetesService,
  loadBalancer,
  monitoring,
  nosqlTable,
  notification,
  objectStorage,
  queue,
  readReplica,
  region,
  searchIndex,
  secretsVault,
  sqlDatabase,
  stateMachine,
  stream,
  subnet,
  topic,
  vmGroup,
  vpc,
  waf,
];

const byId = new Map<string, KindDefinition>(KINDS.map((k) => [k.id, k]));

export const KIND_IDS: readonly string[] = KINDS.map((k) => k.id);

/** The kind with this id, or undefined for an unknown id. */
export function findKind(id: string): KindDefinition | undefined {
  return byId.get(id);
}

/** The kind with this id; throws for an unknown id (callers hold a validated document). */
export function getKind(id: string): KindDefinition {
  const k = byId.get(id);
  if (!k) throw new Error(`Unknown node kind "${id}"`);
  return k;
}

export function isGroupKind(id: string): boolean {
  return byId.get(id)?.group !== undefined;
}

/** Does `kind` match a selector (`"queue"` or `"@compute"`)? */
export function matchesSelector(kind: KindDefinition, selector: Selector): boolean {
  if (selector.startsWith('@')) return (kind.traits as readonly string[]).includes(selector.slice(1));
  return kind.id === selector;
}

export function matchesAny(kind: KindDefinition, selectors: readonly Selector[]): boolean {
  return selectors.some((s) => matchesSelector(kind, s));
}

/** Can a node of kind `childKind` be placed inside a group of kind `parentKind`? */
export function canContain(parentKind: string, childKind: string): boolean {
  const parent = byId.get(parentKind);
  const child = byId.get(childKind);
  if (!parent?.group || !child) return false;
  return matchesAny(child, parent.group.contains);
}

/** Describes one config field for forms, completion and documentation. */
export interface ConfigField {
  key: string;
  type: 'number' | 'integer' | 'boolean' | 'string' | 'enum' | 'array' | 'object';
  description: string;
  unit?: Unit;
  default?: unknown;
  /** No default: absent means "not set". */
  optional: boolean;
  /** A usage volume: when absent it is derived from traffic, the document's usage, or a stated default. */
  usage: boolean;
  enum?: readonly string[];
  min?: number;
  max?: number;
}

const fieldCache = new WeakMap<KindDefinition, readonly ConfigField[]>();

/** The config fields of a kind, read back from its zod schema (cached per kind). */
export function configFields(kind: KindDefinition): readonly ConfigField[] {
  const cached = fieldCache.get(kind);
  if (cached) return cached;
  const json = z.toJSONSchema(kind.config, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>;
  };
  const fields: ConfigField[] = [];
  for (const [key, schema] of Object.entries(kind.config.shape)) {
    const js = json.properties?.[key] ?? {};
    const meta = (schema as z.ZodType).meta() as
      | { description?: string; unit?: Unit; usage?: boolean }
      | undefined;
    const enumValues = js.enum as string[] | undefined;
    let type: ConfigField['type'] = enumValues ? 'enum' : ((js.type as ConfigField['type']) ?? 'object');
    if (Array.isArray(js.type)) type = 'object';
    const field: ConfigField = {
      key,
      type,
      description: meta?.description ?? (js.description as string | undefined) ?? key,
      optional: js.default === undefined,
      usage: meta?.usage === true,
    };
    if (meta?.unit) field.unit = meta.unit;
    if (js.default !== undefined) field.default = js.default;
    if (enumValues) field.enum = enumValues;
    if (typeof js.minimum === 'number') field.min = js.minimum;
    if (typeof js.maximum === 'number') field.max = js.maximum;
    fields.push(field);
  }
  fieldCache.set(kind, fields);
  return fields;
}

/** The default config of a kind (every key with a default filled in). */
export function defaultConfig(kind: KindDefinition): Record<string, unknown> {
  return kind.config.parse({}) as Record<string, unknown>;
}

/**
 * A node's config with defaults filled in. The document keeps only what the person wrote; this is
 * what rules, cost and exporters read. Invalid config (which a validated document never has) falls
 * back to the defaults for the keys that do not parse.
 */
export function resolveConfig<T = Record<string, unknown>>(node: { kind: string; config?: object }): T {
  const kind = getKind(node.kind);
  const r = kind.config.safeParse(node.config ?? {});
  if (r.success) return r.data as T;
  return { ...defaultConfig(kind) } as T;
}
