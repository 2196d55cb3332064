/**
 * The little SQL both databases share: parameterized queries (`$1`, `$2`, ...) and transactions.
 * PGlite and node-postgres speak the same dialect, so one set of statements and migrations serves
 * both; each adapter only knows how to run them.
 */
export interface SqlExecutor {
  query<R extends object>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlClient extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Flushes dirty pages so a restart has no WAL to replay (a shutdown step). */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}
