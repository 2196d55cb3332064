import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrations';
import { openPglite } from './pglite';
import type { SqlClient } from './sql';
import { SqlDiagramStore } from './sql-store';

const ok = () => 'ok' as const;
const hash = 'ab'.repeat(32);

describe('SqlDiagramStore on an in-memory PGlite', () => {
  let db: SqlClient;
  let store: SqlDiagramStore;
  beforeAll(async () => {
    db = await openPglite('memory://');
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    store = new SqlDiagramStore(db);
  });
  afterAll(() => store.close());

  it('migrates once: a second run applies nothing', async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it('refuses a database whose schema is newer than the code', async () => {
    await db.query("INSERT INTO stackdraft_migrations (version, name) VALUES (99, 'future')");
    await expect(migrate(db)).rejects.toThrow(/schema is at version 99, newer than this server knows/);
    await db.query('DELETE FROM stackdraft_migrations WHERE version = 99');
  });

  it('keeps versions immutable: the database refuses to update or delete them', async () => {
    await store.create({ id: 'a'.repeat(22), editTokenHash: hash, document: '{"n":1}', summary: 'Created' });
    await expect(db.query("UPDATE diagram_versions SET document = '{}'")).rejects.toThrow(/immutable/);
    await expect(db.query('DELETE FROM diagram_versions')).rejects.toThrow(/immutable/);
    expect((await store.getVersion('a'.repeat(22), 1))?.document).toBe('{"n":1}');
  });

  it('rolls a failed write back completely', async () => {
    const id = 'b'.repeat(22);
    await store.create({ id, editTokenHash: hash, document: '{"n":1}', summary: 'Created' });
    const boom = () => {
      throw new Error('summary failed');
    };
    await expect(
      store.update(id, { access: ok, expectedVersion: 1, document: '{"n":2}', summarize: boom }),
    ).rejects.toThrow('summary failed');
    const after = await store.get(id);
    expect(after).toMatchObject({ version: 1, document: '{"n":1}' });
    expect(await store.listVersions(id, { limit: 10 })).toHaveLength(1);
  });

  it('caches rows only when it is the only writer, and every write refreshes them', async () => {
    const exclusive = new SqlDiagramStore(db, () => {}, { exclusive: true });
    const id = 'e'.repeat(22);
    await exclusive.create({ id, editTokenHash: hash, document: '{}', summary: 'Created' });
    expect(await exclusive.getMeta(id)).toMatchObject({ version: 1, viewEnabled: true });
    // A change behind the store's back is not seen by the exclusive store (that is what exclusive means)...
    await db.query('UPDATE diagrams SET view_enabled = false WHERE id = $1', [id]);
    expect((await exclusive.getMeta(id))?.viewEnabled).toBe(true);
    expect((await store.getMeta(id))?.viewEnabled).toBe(false);
    // ...and any write through the store, even a refused one, drops the cached row.
    await exclusive.setViewEnabled(id, () => 'forbidden', true);
    expect((await exclusive.getMeta(id))?.viewEnabled).toBe(false);
    await exclusive.setViewEnabled(id, ok, true);
    expect((await exclusive.getMeta(id))?.viewEnabled).toBe(true);
    await exclusive.update(id, { access: ok, expectedVersion: 1, document: '{"a":1}', summarize: () => 's' });
    expect(await exclusive.get(id)).toMatchObject({ version: 2, viewEnabled: true, document: '{"a":1}' });
    await exclusive.rotateToken(id, ok, 'cd'.repeat(32));
    expect((await exclusive.getMeta(id))?.editTokenHash).toBe('cd'.repeat(32));
    // Re-creating under a cached id is impossible (primary key), and leaves the cache as it was.
    await expect(
      exclusive.create({ id, editTokenHash: hash, document: '{}', summary: 'x' }),
    ).rejects.toThrow();
    expect((await exclusive.getMeta(id))?.version).toBe(2);
  });

  it('asks for access inside the write and stops at a refusal', async () => {
    const id = 'c'.repeat(22);
    await store.create({ id, editTokenHash: hash, document: '{}', summary: 'Created' });
    const seen: unknown[] = [];
    const refused = await store.update(id, {
      access: (facts) => {
        seen.push(facts);
        return 'forbidden';
      },
      expectedVersion: 1,
      document: '{"x":1}',
      summarize: () => 's',
    });
    expect(refused).toEqual({ ok: false, reason: 'forbidden' });
    expect(seen).toEqual([{ editTokenHash: hash, viewEnabled: true }]);
    expect(
      await store.update('d'.repeat(22), {
        access: ok,
        expectedVersion: 1,
        document: '{}',
        summarize: () => '',
      }),
    ).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });
});
