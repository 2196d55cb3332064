/**
 * Storage of shared diagrams behind one small interface, so the same routes run on the embedded
 * PGlite database and on a PostgreSQL server. Documents are stored as the JSON text the API
 * validated (the store never parses them); tokens only as SHA-256 hashes.
 */

/** A diagram's current state, as the read path needs it. */
export interface StoredDiagram {
  id: string;
  version: number;
  /** The current version's document, JSON text exactly as validated on write. */
  document: string;
  viewEnabled: boolean;
  editTokenHash: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionInfo {
  version: number;
  createdAt: Date;
  summary: string;
}

export interface StoredVersion extends VersionInfo {
  document: string;
}

export interface StoredComment {
  id: string;
  target: { type: 'node' | 'edge'; id: string };
  author: string;
  text: string;
  resolved: boolean;
  /** The diagram version that was current when the comment was written. */
  version: number;
  /** Set on a reply: the id of the first comment of its thread. */
  replyTo?: string;
  tokenHash: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What the store knows at the moment of a write, for the caller to decide whether it may. */
export interface AccessFacts {
  editTokenHash: string;
  viewEnabled: boolean;
  /** Set when the write concerns one comment: that comment's own token hash. */
  commentTokenHash?: string;
}

/**
 * Decides inside the write's transaction whether the caller may write, from the hashes stored at
 * that moment (so a token rotated a millisecond earlier is already refused). `not-found` hides a
 * diagram whose view link is off from callers without its edit token.
 */
export type Access = (facts: AccessFacts) => 'ok' | 'not-found' | 'forbidden';

export type Refusal =
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'conflict'; currentVersion: number; updatedAt: Date }
  | { ok: false; reason: 'invalid-target'; message: string };

export interface NewDiagram {
  id: string;
  editTokenHash: string;
  document: string;
  summary: string;
}

export interface VersionUpdate {
  access: Access;
  /** The version the client edited (its If-Match); anything else is a conflict. */
  expectedVersion: number;
  document: string;
  /** Writes the history line from the previous version's document text. */
  summarize: (previousDocument: string) => string;
}

export interface NewComment {
  id: string;
  /** Where the comment is pinned; a reply (`replyTo`) is pinned where its thread is. */
  target: { type: 'node' | 'edge'; id: string } | undefined;
  /** The first comment of the thread this one answers. */
  replyTo?: string;
  author: string;
  text: string;
  tokenHash: string;
  access: Access;
  /** Checks the pin against the current document; returns a message when the target is missing. */
  checkTarget: (currentDocument: string) => string | undefined;
}

/** A diagram without its document: enough to decide access. */
export type DiagramMeta = Omit<StoredDiagram, 'document'>;

export interface DiagramStore {
  /** `pglite` or `postgres`, for /api/health and logs. */
  readonly kind: 'pglite' | 'postgres';
  create(diagram: NewDiagram): Promise<{ version: number; createdAt: Date }>;
  get(id: string): Promise<StoredDiagram | undefined>;
  getMeta(id: string): Promise<DiagramMeta | undefined>;
  /** Appends a version if the caller may write and edited the current one; never overwrites. */
  update(
    id: string,
    update: VersionUpdate,
  ): Promise<{ ok: true; version: number; updatedAt: Date; summary: string } | Refusal>;
  /** Newest first; `before` pages back through long histories. */
  listVersions(id: string, options: { before?: number; limit: number }): Promise<VersionInfo[]>;
  getVersion(id: string, version: number): Promise<StoredVersion | undefined>;
  /** Replaces the edit token's hash: the old token stops working when this resolves. */
  rotateToken(id: string, access: Access, newHash: string): Promise<{ ok: true } | Refusal>;
  setViewEnabled(id: string, access: Access, enabled: boolean): Promise<{ ok: true } | Refusal>;
  addComment(diagramId: string, comment: NewComment): Promise<{ ok: true; comment: StoredComment } | Refusal>;
  listComments(diagramId: string): Promise<StoredComment[]>;
  /** Resolves or reopens a comment; `access` also sees the comment's own token hash. */
  setCommentResolved(
    diagramId: string,
    commentId: string,
    access: Access,
    resolved: boolean,
  ): Promise<{ ok: true; comment: StoredComment } | Refusal>;
  /** A cheap round trip to the database, for /api/health. */
  ping(): Promise<void>;
  /** Checkpoints (so the next start replays no WAL) and closes the database. */
  close(): Promise<void>;
}
