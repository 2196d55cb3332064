import { configFields, resolveConfig } from '../catalog/registry';
import type { KindDefinition } from '../catalog/types';
import type { DocumentNode } from '../document/schema';

/**
 * Node configs with defaults, as the cost models read them, without a schema parse per node on
 * the hot path: a node without config shares its kind's (frozen) defaults, and a config of plain
 * numbers, booleans and strings of the right types is merged over them. Anything else (nested
 * values, wrong types) goes through `resolveConfig`, which validates; only those parses are
 * cached per node object (documents are immutable values, so an edit leaves most node objects as
 * they were). The plain merge is not cached: a weak map entry per node of every priced document
 * costs the garbage collector more than the merge it saves.
 */

interface KindInfo {
  defaults: Readonly<Record<string, unknown>>;
  types: ReadonlyMap<string, 'number' | 'boolean' | 'string'>;
}

const kinds = new WeakMap<KindDefinition, KindInfo>();
const resolved = new WeakMap<DocumentNode, Readonly<Record<string, unknown>>>();

function infoOf(kind: KindDefinition): KindInfo {
  let info = kinds.get(kind);
  if (!info) {
    const types = new Map<string, 'number' | 'boolean' | 'string'>();
    for (const f of configFields(kind)) {
      if (f.type === 'number' || f.type === 'integer') types.set(f.key, 'number');
      else if (f.type === 'boolean') types.set(f.key, 'boolean');
      else if (f.type === 'string' || f.type === 'enum') types.set(f.key, 'string');
    }
    info = { defaults: Object.freeze(kind.config.parse({}) as Record<string, unknown>), types };
    kinds.set(kind, info);
  }
  return info;
}

function plain(config: Record<string, unknown>, types: KindInfo['types']): boolean {
  for (const key in config) {
    const v = config[key];
    const t = types.get(key);
    if (t === undefined || typeof v !== t) return false;
    if (t === 'number' && !(Number.isFinite(v) && (v as number) >= 0)) return false;
  }
  return true;
}

/** `node.config` with the kind's defaults filled in (read-only: shared between nodes). */
export function costConfig<C>(node: DocumentNode, kind: KindDefinition): C {
  const info = infoOf(kind);
  if (node.config === undefined) return info.defaults as C;
  if (plain(node.config, info.types)) return { ...info.defaults, ...node.config } as C;
  // Only configs the fast path cannot vouch for are parsed, and those parses are remembered.
  const hit = resolved.get(node);
  if (hit) return hit as C;
  const out = resolveConfig(node);
  resolved.set(node, out);
  return out as C;
}
