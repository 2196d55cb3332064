import { DocumentCache } from './document-cache';
import type { SqlClient, SqlExecutor } from './sql';
import type {
  Access,
  DiagramMeta,
  DiagramStore,
  NewComment,
  NewDiagram,
  Refusal,
  StoredComment,
  StoredDiagram,
  StoredVersion,
  VersionInfo,
  VersionUpdate,
} from './types';

interface MetaRow {
  id: string;
  current_version: number;
  view_enabled: boolean;
  edit_token_hash: string;
  created_at: Date;
  updated_at: Date;
}

interface CommentRow {
  id: string;
  target_type: 'node' | 'edge';
  target_id: string;
  author: string;
  body: string;
  resolved: boolean;
  version: number;
  reply_to: string | null;
  token_hash: string;
  created_at: Date;
  updated_at: Date;
}

const META_COLUMNS = 'd.id, d.current_version, d.view_enabled, d.edit_token_hash, d.created_at, d.updated_at';
const COMMENT_COLUMNS =
  'id, target_type, target_id, author, body, resolved, version, reply_to, token_hash, created_at, updated_at';

/** Cached diagram rows at most (about 300 bytes each). */
const MAX_CACHED_METAS = 10_000;

const notFound: Refusal = { ok: false, reason: 'not-found' };
const forbidden: Refusal = { ok: false, reason: 'forbidden' };

function toMeta(r: MetaRow): DiagramMeta {
  return {
    id: r.id,
    version: r.current_version,
    viewEnabled: r.view_enabled,
    editTokenHash: r.edit_token_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toComment(r: CommentRow): StoredComment {
  return {
    id: r.id,
    target: { type: r.target_type, id: r.target_id },
    author: r.author,
    text: r.body,
    resolved: r.resolved,
    version: r.version,
    ...(r.reply_to ? { replyTo: r.reply_to } : {}),
    tokenHash: r.token_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Locks the diagram's row for the rest of the transaction and asks `access` whether to go on. */
async function lockForWrite(
  tx: SqlExecutor,
  id: string,
  access: Access,
  commentTokenHash?: string,
): Promise<MetaRow | Refusal> {
  const [row] = await tx.query<MetaRow>(`SELECT ${META_COLUMNS} FROM diagrams d WHERE d.id = $1 FOR UPDATE`, [
    id,
  ]);
  if (!row) return notFound;
  const verdict = access({
    editTokenHash: row.edit_token_hash,
    viewEnabled: row.view_enabled,
    ...(commentTokenHash === undefined ? {} : { commentTokenHash }),
  });
  if (verdict === 'not-found') return notFound;
  if (verdict === 'forbidden') return forbidden;
  return row;
}

const isRefusal = (x: MetaRow | Refusal): x is Refusal => 'ok' in x;

/**
 * The DiagramStore in SQL that PGlite and PostgreSQL both run. Every write is one transaction
 * that first locks the diagram's row (`FOR UPDATE`), so concurrent writers to one diagram queue
 * up and each sees the version the previous one committed. Document texts are immutable per
 * version and cached (DocumentCache); everything else is read from the database every time.
 */
export class SqlDiagramStore implements DiagramStore {
  private readonly documents = new DocumentCache();
  /** Diagram rows by id; only when this process is the database's only writer (PGlite). */
  private readonly metas: Map<string, DiagramMeta> | undefined;
  /** Counts finished writes, so a read that raced a write does not cache what it read. */
  private writes = 0;

  /**
   * @param onClose runs after the database is closed (the data directory lock is released there).
   * @param options.exclusive this process is the only one writing to the database (PGlite, under
   *   its directory lock), so diagram rows may be cached too; never for a shared PostgreSQL.
   */
  constructor(
    private readonly db: SqlClient,
    private readonly onClose: () => void = () => {},
    options: { exclusive?: boolean } = {},
  ) {
    this.metas = options.exclusive ? new Map() : undefined;
  }

  /** Runs a write and then forgets the diagram's cached row, whether the write committed or not. */
  private async write<T>(id: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } finally {
      this.writes++;
      this.metas?.delete(id);
    }
  }

  /** A version's document: from the cache, else from the database (and then cached). */
  private async documentOf(db: SqlExecutor, id: string, version: number): Promise<string | undefined> {
    const cached = this.documents.get(id, version);
    if (cached !== undefined) return cached;
    const [row] = await db.query<{ document: string }>(
      'SELECT document FROM diagram_versions WHERE diagram_id = $1 AND version = $2',
      [id, version],
    );
    if (row) this.documents.set(id, version, row.document);
    return row?.document;
  }

  get kind() {
    return this.db.kind;
  }

  create(d: NewDiagram) {
    return this.write(d.id, () =>
      this.db.transaction(async (tx) => {
        const [row] = await tx.query<{ created_at: Date }>(
          'INSERT INTO diagrams (id, edit_token_hash, current_version) VALUES ($1, $2, 1) RETURNING created_at',
          [d.id, d.editTokenHash],
        );
        await tx.query(
          'INSERT INTO diagram_versions (diagram_id, version, document, summary) VALUES ($1, 1, $2, $3)',
          [d.id, d.document, d.summary],
        );
        return { version: 1, createdAt: (row as { created_at: Date }).created_at };
      }),
    ).then((created) => {
      this.documents.set(d.id, 1, d.document);
      return created;
    });
  }

  async get(id: string): Promise<StoredDiagram | undefined> {
    const meta = await this.getMeta(id);
    if (!meta) return undefined;
    const document = await this.documentOf(this.db, id, meta.version);
    return document === undefined ? undefined : { ...meta, document };
  }

  async getMeta(id: string): Promise<DiagramMeta | undefined> {
    const cached = this.metas?.get(id);
    if (cached) return cached;
    const writes = this.writes;
    const [row] = await this.db.query<MetaRow>(`SELECT ${META_COLUMNS} FROM diagrams d WHERE d.id = $1`, [
      id,
    ]);
    const meta = row && toMeta(row);
    if (meta && this.metas && writes === this.writes) {
      if (this.metas.size >= MAX_CACHED_METAS) this.metas.delete(this.metas.keys().next().value as string);
      this.metas.set(id, meta);
    }
    return meta;
  }

  update(id: string, u: VersionUpdate) {
    return this.write(id, () =>
      this.db.transaction(async (tx) => {
        const row = await lockForWrite(tx, id, u.access);
        if (isRefusal(row)) return row;
        if (row.current_version !== u.expectedVersion) {
          return {
            ok: false as const,
            reason: 'conflict' as const,
            currentVersion: row.current_version,
            updatedAt: row.updated_at,
          };
        }
        const summary = u.summarize((await this.documentOf(tx, id, row.current_version)) ?? 'null');
        const version = row.current_version + 1;
        await tx.query(
          'INSERT INTO diagram_versions (diagram_id, version, document, summary) VALUES ($1, $2, $3, $4)',
          [id, version, u.document, summary],
        );
        const [updated] = await tx.query<{ updated_at: Date }>(
          'UPDATE diagrams SET current_version = $2, updated_at = now() WHERE id = $1 RETURNING updated_at',
          [id, version],
        );
        return {
          ok: true as const,
          version,
          updatedAt: (updated as { updated_at: Date }).updated_at,
          summary,
        };
      }),
    ).then((result) => {
      if (result.ok) this.documents.set(id, result.version, u.document);
      return result;
    });
  }

  async listVersions(
    id: string,
    { before, limit }: { before?: number; limit: number },
  ): Promise<VersionInfo[]> {
    const rows = await this.db.query<{ version: number; created_at: Date; summary: string }>(
      `SELECT version, created_at, summary FROM diagram_versions
        WHERE diagram_id = $1 AND version < $2 ORDER BY version DESC LIMIT $3`,
      [id, before ?? 2_147_483_647, limit],
    );
    return rows.map((r) => ({ version: r.version, createdAt: r.created_at, summary: r.summary }));
  }

  async getVersion(id: string, version: number): Promise<StoredVersion | undefined> {
    const [row] = await this.db.query<{ version: number; created_at: Date; summary: string }>(
      'SELECT version, created_at, summary FROM diagram_versions WHERE diagram_id = $1 AND version = $2',
      [id, version],
    );
    if (!row) return undefined;
    const document = await this.documentOf(this.db, id, version);
    return document === undefined
      ? undefined
      : { version: row.version, createdAt: row.created_at, summary: row.summary, document };
  }

  rotateToken(id: string, access: Access, newHash: string) {
    return this.write(id, () =>
      this.db.transaction(async (tx): Promise<{ ok: true } | Refusal> => {
        const row = await lockForWrite(tx, id, access);
        if (isRefusal(row)) return row;
        await tx.query('UPDATE diagrams SET edit_token_hash = $2 WHERE id = $1', [id, newHash]);
        return { ok: true };
      }),
    );
  }

  setViewEnabled(id: string, access: Access, enabled: boolean) {
    return this.write(id, () =>
      this.db.transaction(async (tx): Promise<{ ok: true } | Refusal> => {
        const row = await lockForWrite(tx, id, access);
        if (isRefusal(row)) return row;
        await tx.query('UPDATE diagrams SET view_enabled = $2 WHERE id = $1', [id, enabled]);
        return { ok: true };
      }),
    );
  }

  addComment(diagramId: string, c: NewComment) {
    return this.db.transaction(async (tx): Promise<{ ok: true; comment: StoredComment } | Refusal> => {
      const row = await lockForWrite(tx, diagramId, c.access);
      if (isRefusal(row)) return row;
      let target = c.target;
      if (c.replyTo !== undefined) {
        // A reply joins its thread wherever that is pinned, even if the node has since gone.
        const [parent] = await tx.query<CommentRow>(
          `SELECT ${COMMENT_COLUMNS} FROM diagram_comments WHERE diagram_id = $1 AND id = $2`,
          [diagramId, c.replyTo],
        );
        if (!parent)
          return {
            ok: false,
            reason: 'invalid-target',
            message: `This design has no comment "${c.replyTo}" to reply to.`,
          };
        if (parent.reply_to)
          return {
            ok: false,
            reason: 'invalid-target',
            message: 'Reply to the first comment of the thread, not to a reply.',
          };
        target = { type: parent.target_type, id: parent.target_id };
      } else {
        const problem = c.checkTarget((await this.documentOf(tx, diagramId, row.current_version)) ?? 'null');
        if (problem) return { ok: false, reason: 'invalid-target', message: problem };
      }
      if (!target)
        return { ok: false, reason: 'invalid-target', message: 'A comment needs a node or an edge.' };
      const [inserted] = await tx.query<CommentRow>(
        `INSERT INTO diagram_comments (id, diagram_id, target_type, target_id, author, body, version, token_hash, reply_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COMMENT_COLUMNS}`,
        [
          c.id,
          diagramId,
          target.type,
          target.id,
          c.author,
          c.text,
          row.current_version,
          c.tokenHash,
          c.replyTo ?? null,
        ],
      );
      return { ok: true, comment: toComment(inserted as CommentRow) };
    });
  }

  async listComments(diagramId: string): Promise<StoredComment[]> {
    const rows = await this.db.query<CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM diagram_comments WHERE diagram_id = $1 ORDER BY seq`,
      [diagramId],
    );
    return rows.map(toComment);
  }

  setCommentResolved(diagramId: string, commentId: string, access: Access, resolved: boolean) {
    return this.db.transaction(async (tx): Promise<{ ok: true; comment: StoredComment } | Refusal> => {
      // A comment's token never changes, so reading it needs no lock; locks are then taken in the
      // same order as every other write (diagram row first), which rules out deadlocks.
      const [comment] = await tx.query<CommentRow>(
        `SELECT ${COMMENT_COLUMNS} FROM diagram_comments WHERE diagram_id = $1 AND id = $2`,
        [diagramId, commentId],
      );
      if (!comment) return notFound;
      const row = await lockForWrite(tx, diagramId, access, comment.token_hash);
      if (isRefusal(row)) return row;
      const [updated] = await tx.query<CommentRow>(
        `UPDATE diagram_comments SET resolved = $3, updated_at = now()
          WHERE diagram_id = $1 AND id = $2 RETURNING ${COMMENT_COLUMNS}`,
        [diagramId, commentId, resolved],
      );
      return { ok: true, comment: toComment(updated as CommentRow) };
    });
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1 AS ok');
  }

  async close(): Promise<void> {
    try {
      await this.db.checkpoint();
      await this.db.close();
    } finally {
      this.onClose();
    }
  }
}
