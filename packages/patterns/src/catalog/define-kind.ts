import type { AnyConfigSchema, KindDefinition } from './types';

/**
 * Declares one node kind. A kind is plain data: the registry, connection rules, cost model,
 * rules and exporters all read it, so adding a kind is one file plus one registry line.
 */
export function defineKind<const S extends AnyConfigSchema>(kind: KindDefinition<S>): KindDefinition<S> {
  return Object.freeze(kind);
}
