import { COMPUTE_MAPPERS } from './compute';
import { DATA_MAPPERS } from './data';
import { EDGE_MAPPERS } from './edge';
import { MESSAGING_MAPPERS } from './messaging';
import type { ResourceMapper } from './types';

/** Every resource mapper; a resource type is mapped by the one mapper that lists it. */
export const RESOURCE_MAPPERS: readonly ResourceMapper[] = [
  ...COMPUTE_MAPPERS,
  ...DATA_MAPPERS,
  ...MESSAGING_MAPPERS,
  ...EDGE_MAPPERS,
];

const byType = new Map(RESOURCE_MAPPERS.flatMap((m) => m.types.map((t) => [t, m] as const)));

export function mapperForType(type: string): ResourceMapper | undefined {
  return byType.get(type);
}
