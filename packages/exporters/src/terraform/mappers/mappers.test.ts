import { KINDS } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { MAPPERS, mapperFor, NOT_EXPORTED } from './index';

describe('Terraform mappers', () => {
  it('map every kind of the catalog, or say why not', () => {
    const unaccounted = KINDS.filter(
      (k) => !mapperFor(k.id) && !('none' in k.aws) && !NOT_EXPORTED[k.id],
    ).map((k) => k.id);
    expect(unaccounted).toEqual([]);
  });

  it('only name kinds that exist, each in one mapper', () => {
    const known = new Set(KINDS.map((k) => k.id));
    const listed = MAPPERS.flatMap((m) => m.kinds);
    expect(listed.filter((k) => !known.has(k))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
    expect(Object.keys(NOT_EXPORTED).filter((k) => !known.has(k) || mapperFor(k))).toEqual([]);
  });
});
