import type { ArchitectureDocument } from '@stackdraft/patterns';

/**
 * The web app's client for share links (apps/api, see its README "The HTTP contract"). Every
 * failure becomes a `ShareError` with a `kind` the UI switches on; the edit token travels only in
 * the `Authorization` header, never in a URL, and is never part of an error message.
 */

export type ShareErrorKind =
  /** 409 version-conflict: someone saved `currentVersion` after the version this edit built on. */
  | 'conflict'
  /** 401/403: the edit token is missing, wrong or was replaced by the owner. */
  | 'forbidden'
  /** 404: no such design, or its view link is off. */
  | 'not-found'
  /** No answer at all (offline, server down, connection reset). */
  | 'network'
  /** 5xx, or an answer that is not the API's JSON (a proxy's error page). */
  | 'server'
  /** 429: too many writes; `retryAfterMs` says when to try again. */
  | 'rate-limited'
  /** Any other 4xx: the request itself is refused (e.g. a design over the size limit). */
  | 'refused';

export class ShareError extends Error {
  constructor(
    readonly kind: ShareErrorKind,
    message: string,
    readonly details: {
      status?: number;
      code?: string;
      currentVersion?: number;
      retryAfterMs?: number;
    } = {},
  ) {
    super(message);
    this.name = 'ShareError';
  }

  /** Whether trying the same request again later may succeed (the local copy is kept meanwhile). */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server' || this.kind === 'rate-limited';
  }
}

export interface CreatedDiagram {
  id: string;
  editToken: string;
  version: number;
}
export interface SharedDiagram {
  id: string;
  version: number;
  updatedAt: string;
  viewEnabled: boolean;
  canEdit: boolean;
  document: unknown;
}
export interface SavedDiagram {
  version: number;
  updatedAt: string;
}

/** A review comment as the API shows it: pinned to exactly one node or one edge. */
export interface ReviewComment {
  id: string;
  nodeId?: string;
  edgeId?: string;
  author: string;
  text: string;
  resolved: boolean;
  /** Set on a reply: the id of the first comment of its thread. */
  replyTo?: string;
  /** The design version the comment was written on. */
  version: number;
  createdAt: string;
  updatedAt: string;
}
/** A new comment, and the token that lets its author resolve or reopen it (given only once). */
export interface CreatedComment {
  comment: ReviewComment;
  commentToken: string;
}
/** What a new comment says and where it is pinned (exactly one of `nodeId` / `edgeId`). */
export type NewComment = { author: string; text: string } & (
  | { nodeId: string; edgeId?: undefined; replyTo?: undefined }
  | { edgeId: string; nodeId?: undefined; replyTo?: undefined }
  /** A reply: pinned where the first comment of its thread is. */
  | { replyTo: string; nodeId?: undefined; edgeId?: undefined }
);
/** One entry of a design's history (newest first in the list). */
export interface VersionInfo {
  version: number;
  createdAt: string;
  summary: string;
}
/** One stored version with its document (parsed by the caller with `loadDocument`). */
export interface StoredVersion extends VersionInfo {
  id: string;
  document: unknown;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; currentVersion?: unknown };
  currentVersion?: unknown;
}

/** Seconds or an HTTP date in `Retry-After`, as milliseconds (undefined when absent or odd). */
function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Turns a non-2xx answer into a `ShareError`. Exported for tests: the mapping from status and
 * `error.code` to what the person is told is the contract between the API and the UI.
 */
export async function errorFromResponse(res: Response): Promise<ShareError> {
  let body: ErrorBody | undefined;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const code = typeof body?.error?.code === 'string' ? body.error.code : undefined;
  const serverMessage = typeof body?.error?.message === 'string' ? body.error.message : undefined;
  const status = res.status;
  const base = { status, ...(code ? { code } : {}) };
  if (status === 409 || code === 'version-conflict') {
    const raw = body?.error?.currentVersion ?? body?.currentVersion;
    const currentVersion = typeof raw === 'number' && Number.isInteger(raw) ? raw : undefined;
    return new ShareError(
      'conflict',
      currentVersion
        ? `Someone else saved version ${currentVersion} of this design.`
        : 'Someone else changed this design.',
      currentVersion ? { ...base, currentVersion } : base,
    );
  }
  if (status === 401 || status === 403) {
    return new ShareError(
      'forbidden',
      'This edit link does not allow editing: it is wrong, or the owner replaced it.',
      base,
    );
  }
  if (status === 404) {
    return new ShareError(
      'not-found',
      'No shared design has this link: it was never created here, or the owner turned the view link off.',
      base,
    );
  }
  if (status === 429) {
    const after = retryAfterMs(res.headers.get('Retry-After'));
    return new ShareError(
      'rate-limited',
      'The server is busy with too many saves from here; trying again shortly.',
      after === undefined ? base : { ...base, retryAfterMs: after },
    );
  }
  if (status >= 500 || !code) {
    return new ShareError('server', `The server could not answer (HTTP ${status}).`, base);
  }
  return new ShareError('refused', serverMessage ?? `The server refused the request (HTTP ${status}).`, base);
}

/** The API client. `fetchImpl` is injectable for tests; the browser's `fetch` by default. */
export function createShareApi(fetchImpl: Fetch = (input, init) => fetch(input, init), base = '') {
  async function call<T>(path: string, init: RequestInit, token?: string): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    if (init.body !== undefined) headers.set('Content-Type', 'application/json');
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, { ...init, headers, cache: 'no-store' });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ShareError('network', 'The Stackdraft server cannot be reached (offline?).');
    }
    if (!res.ok) throw await errorFromResponse(res);
    try {
      return (await res.json()) as T;
    } catch {
      throw new ShareError('server', 'The server sent an answer that is not JSON.', { status: res.status });
    }
  }
  const path = (id: string, rest = '') => `/api/diagrams/${encodeURIComponent(id)}${rest}`;
  return {
    /** POST /api/diagrams: stores the design as version 1 of a new share link. */
    create: (document: ArchitectureDocument) =>
      call<CreatedDiagram>('/api/diagrams', { method: 'POST', body: JSON.stringify({ document }) }),
    /** GET /api/diagrams/:id, with the edit token when there is one (to learn `canEdit`). */
    get: (id: string, token?: string, signal?: AbortSignal) =>
      call<SharedDiagram>(path(id), signal ? { method: 'GET', signal } : { method: 'GET' }, token),
    /** PUT /api/diagrams/:id with `If-Match: <version>`: a new version, or a 409 conflict. */
    save: (id: string, token: string, version: number, document: ArchitectureDocument) =>
      call<SavedDiagram>(
        path(id),
        { method: 'PUT', headers: { 'If-Match': `"${version}"` }, body: JSON.stringify({ document }) },
        token,
      ),
    /** POST /api/diagrams/:id/edit-token: a new edit token; the old edit link stops working. */
    rotateToken: (id: string, token: string) =>
      call<{ editToken: string }>(path(id, '/edit-token'), { method: 'POST' }, token),
    /** PUT /api/diagrams/:id/view-link: turns the view link on or off. */
    setViewLink: (id: string, token: string, enabled: boolean) =>
      call<{ viewEnabled: boolean }>(
        path(id, '/view-link'),
        { method: 'PUT', body: JSON.stringify({ enabled }) },
        token,
      ),
    /** GET /api/diagrams/:id/comments: every comment, oldest first (the token when the view link may be off). */
    listComments: (id: string, token?: string, signal?: AbortSignal) =>
      call<ReviewComment[]>(
        path(id, '/comments'),
        signal ? { method: 'GET', signal } : { method: 'GET' },
        token,
      ),
    /** POST /api/diagrams/:id/comments: anyone who can view may comment; keep the `commentToken`. */
    addComment: (id: string, comment: NewComment, token?: string) =>
      call<CreatedComment>(path(id, '/comments'), { method: 'POST', body: JSON.stringify(comment) }, token),
    /** PATCH a comment's resolved flag, with the edit token or that comment's own token. */
    setCommentResolved: (id: string, commentId: string, token: string, resolved: boolean) =>
      call<ReviewComment>(
        path(id, `/comments/${encodeURIComponent(commentId)}`),
        { method: 'PATCH', body: JSON.stringify({ resolved }) },
        token,
      ),
    /** GET /api/diagrams/:id/versions: the history, newest first, with one-line summaries. */
    listVersions: (id: string, token?: string, signal?: AbortSignal) =>
      call<VersionInfo[]>(
        path(id, '/versions'),
        signal ? { method: 'GET', signal } : { method: 'GET' },
        token,
      ),
    /** GET /api/diagrams/:id/versions/:version: one version as it was saved. */
    getVersion: (id: string, version: number, token?: string, signal?: AbortSignal) =>
      call<StoredVersion>(
        path(id, `/versions/${encodeURIComponent(String(version))}`),
        signal ? { method: 'GET', signal } : { method: 'GET' },
        token,
      ),
  };
}

export type ShareApi = ReturnType<typeof createShareApi>;
