import pg from 'pg';
import type { SqlClient, SqlExecutor } from './sql';

export interface PostgresOptions {
  /** Use this schema (created if missing) instead of the connection's default; tests isolate suites this way. */
  schema?: string;
  /** Connections in the pool. */
  max?: number;
  onError?: (err: Error) => void;
}

const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A pool of connections to a PostgreSQL server. Stateless API processes can run side by side on
 * one database: writes lock the diagram's row, migrations take an advisory lock.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<SqlClient> {
  if (options.schema !== undefined && !SCHEMA_RE.test(options.schema))
    throw new Error(`invalid schema name "${options.schema}"`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (err) => options.onError?.(err));
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);

  const run: SqlExecutor = {
    async query<R extends object>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query<R>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
  };
  return {
    kind: 'postgres',
    ...run,
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<R extends object>(sql: string, params: readonly unknown[] = []) {
            return (await client.query<R>(sql, params as unknown[])).rows;
          },
          async exec(sql: string) {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((e: Error) => {
          broken = e;
        });
        throw err;
      } finally {
        // A connection that cannot even roll back is discarded rather than reused mid-transaction.
        client.release(broken);
      }
    },
    // The server checkpoints on its own schedule and at its shutdown; an API process has nothing to flush.
    async checkpoint() {},
    async close() {
      await pool.end();
    },
  };
}
