import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrate';
import { FORMAT_VERSION } from './schema';

describe('migrate', () => {
  it('has a migration for every version below the current one', () => {
    for (let v = 1; v < FORMAT_VERSION; v++)
      expect(MIGRATIONS[v], `migration from ${v}`).toBeTypeOf('function');
  });

  it('leaves a current document unchanged', () => {
    const doc = { stackdraft: FORMAT_VERSION, name: 'x' };
    expect(migrate(doc)).toEqual({ ok: true, value: doc });
  });

  it('applies migrations in order up to the target version', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, title: d.name, name: undefined }),
      2: (d: Record<string, unknown>) => ({ ...d, nodes: [...((d.nodes as unknown[]) ?? []), 'added in 3'] }),
    };
    const r = migrate({ stackdraft: 1, name: 'x', nodes: [] }, steps, 3);
    expect(r).toEqual({
      ok: true,
      value: { stackdraft: 3, title: 'x', name: undefined, nodes: ['added in 3'] },
    });
  });

  it('refuses a version with no migration path, and newer versions', () => {
    expect(migrate({ stackdraft: 1 }, {}, 2)).toMatchObject({
      ok: false,
      errors: [{ code: 'unsupported-version' }],
    });
    expect(migrate({ stackdraft: 9 })).toMatchObject({
      ok: false,
      errors: [{ code: 'unsupported-version' }],
    });
    expect(migrate({ stackdraft: '1' })).toMatchObject({
      ok: false,
      errors: [{ code: 'unsupported-version' }],
    });
  });
});
