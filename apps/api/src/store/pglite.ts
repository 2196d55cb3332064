import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor } from './sql';

const executor = (db: PGlite | Transaction): SqlExecutor => ({
  async query<R extends object>(sql: string, params: readonly unknown[] = []) {
    return (await db.query<R>(sql, params as unknown[])).rows;
  },
  async exec(sql: string) {
    await db.exec(sql);
  },
});

/**
 * Opens (creating if needed) the embedded PostgreSQL in `dir`.
 *
 * Durability, as measured and read from PGlite 0.5's source: on Node, the data directory is a real
 * directory (NodeFS) and PostgreSQL writes its WAL there with plain write() calls, so a commit is
 * in the operating system's page cache before the query returns. PGlite runs with `fsync = off`
 * and its Node filesystem has no fsync at all, so nothing forces the page cache to the disk: a
 * killed or crashed *process* loses nothing acknowledged (the kernel still writes it out), a power
 * loss or kernel crash may lose the last seconds. We keep `synchronous_commit = on` (checked at
 * start) and `relaxedDurability: false`, and call `syncToFs()` after each transaction, which is a
 * no-op on NodeFS today but is PGlite's durability boundary for other filesystems (transaction()
 * does not call it itself). Production deployments that need power-loss durability use PostgreSQL.
 */
export async function openPglite(dir: string): Promise<SqlClient> {
  // `memory://` keeps the database in memory (tests); anything else is a directory on disk.
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const db = await PGlite.create({ dataDir: dir, relaxedDurability: false });
  const [setting] = (await db.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows;
  if (setting?.synchronous_commit !== 'on') await db.exec('SET synchronous_commit = on');
  const base = executor(db);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const result = await db.transaction((tx) => fn(executor(tx)));
      await db.syncToFs();
      return result;
    },
    async checkpoint() {
      await db.exec('CHECKPOINT');
    },
    async close() {
      await db.close();
    },
  };
}
