import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir } from './lock';
import { migrate } from './migrations';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { SqlClient } from './sql';
import { SqlDiagramStore } from './sql-store';
import type { DiagramStore } from './types';

export interface StoreConfig {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite's directory (the database lives in `<dataDir>/pglite`, the lock beside it). */
  dataDir: string;
  /** PostgreSQL only: a schema of its own (tests). */
  schema?: string;
  onDatabaseError?: (err: Error) => void;
}

/**
 * Opens the configured database and brings its schema up to date: PostgreSQL when a URL is given,
 * otherwise the embedded PGlite under `dataDir`, which is locked first so that a second server
 * pointed at the same directory refuses to start instead of corrupting it.
 */
export async function openStore(config: StoreConfig): Promise<DiagramStore> {
  if (config.databaseUrl) {
    const db = await openPostgres(config.databaseUrl, {
      ...(config.schema ? { schema: config.schema } : {}),
      ...(config.onDatabaseError ? { onError: config.onDatabaseError } : {}),
    });
    return withSchema(db, () => {}, false);
  }
  mkdirSync(config.dataDir, { recursive: true });
  const release = lockDataDir(config.dataDir);
  try {
    const db = await openPglite(join(config.dataDir, 'pglite'));
    // The directory lock makes this process PGlite's only writer, so rows may be cached.
    return await withSchema(db, release, true);
  } catch (err) {
    release();
    throw err;
  }
}

async function withSchema(db: SqlClient, onClose: () => void, exclusive: boolean): Promise<DiagramStore> {
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return new SqlDiagramStore(db, onClose, { exclusive });
}
