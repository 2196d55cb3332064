import type { SqlClient } from './sql';

/**
 * The schema, as an append-only list: a released migration is never edited, a change is a new
 * entry. Both databases run exactly these statements.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'diagrams, versions and comments',
    sql: `
      CREATE TABLE diagrams (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{22}$'),
        edit_token_hash text NOT NULL CHECK (edit_token_hash ~ '^[0-9a-f]{64}$'),
        current_version integer NOT NULL CHECK (current_version >= 1),
        view_enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE diagram_versions (
        diagram_id text NOT NULL REFERENCES diagrams (id),
        version integer NOT NULL CHECK (version >= 1),
        document text NOT NULL,
        summary text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (diagram_id, version)
      );

      -- History is the safety net of every save: the database itself refuses to rewrite it.
      CREATE FUNCTION diagram_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'diagram versions are immutable' USING ERRCODE = 'restrict_violation';
      END
      $$;
      CREATE TRIGGER diagram_versions_immutable
        BEFORE UPDATE OR DELETE ON diagram_versions
        FOR EACH ROW EXECUTE FUNCTION diagram_versions_immutable();

      CREATE TABLE diagram_comments (
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{22}$'),
        diagram_id text NOT NULL REFERENCES diagrams (id),
        target_type text NOT NULL CHECK (target_type IN ('node', 'edge')),
        target_id text NOT NULL,
        author text NOT NULL,
        body text NOT NULL,
        resolved boolean NOT NULL DEFAULT false,
        version integer NOT NULL,
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX diagram_comments_by_diagram ON diagram_comments (diagram_id, seq);
    `,
  },
  {
    version: 2,
    name: 'comment replies',
    // A reply points at the first comment of its thread (one level: threads, not trees) and is
    // pinned where that comment is.
    sql: `
      ALTER TABLE diagram_comments ADD COLUMN reply_to text REFERENCES diagram_comments (id);
    `,
  },
];

/** Any constant: it names the advisory lock that serializes migrations across API processes. */
const MIGRATION_LOCK = 727_465_001;

/**
 * Brings the schema up to date, in one transaction, under an advisory lock so several API
 * processes starting together against one PostgreSQL apply each migration exactly once.
 * Returns the versions it applied.
 */
export async function migrate(db: SqlClient, migrations: typeof MIGRATIONS = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`
      CREATE TABLE IF NOT EXISTS stackdraft_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM stackdraft_migrations')).map(
        (r) => r.version,
      ),
    );
    const newest = Math.max(0, ...done);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) {
      throw new Error(
        `The database schema is at version ${newest}, newer than this server knows (${known}). Upgrade Stackdraft before pointing it at this database.`,
      );
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO stackdraft_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}
