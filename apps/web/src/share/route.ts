/**
 * Share-link routes (DESIGN.md): `/d/<id>` opens a shared design view only, `/d/<id>#edit=<token>`
 * opens it editable. The token lives in the URL fragment, so the browser never sends it to a
 * server (no access logs, no Referer); the app sends it as a Bearer token instead.
 */

/** A diagram id: 22 base64url characters (128 random bits). */
const ID_RE = /^[A-Za-z0-9_-]{22}$/;
/** An edit token: 43 base64url characters (256 random bits). */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export type Route =
  | { kind: 'editor' }
  | { kind: 'shared'; id: string; editToken?: string }
  /** A `/d/...` address that is not a share link (mistyped or cut short when pasted). */
  | { kind: 'bad-link'; reason: string };

/**
 * Reads the route from `location.pathname` and `location.hash`. A fragment that is not a valid
 * edit token is reported rather than silently ignored: a cut-off edit link must not quietly turn
 * into a view-only one without the person knowing why.
 */
export function parseRoute(pathname: string, hash: string): Route {
  const m = /^\/d\/([^/]*)\/?$/.exec(pathname);
  if (!m) return { kind: 'editor' };
  const id = decodeSafely(m[1] ?? '');
  if (!ID_RE.test(id)) {
    return {
      kind: 'bad-link',
      reason: 'This share link is incomplete or mistyped: its design id is not valid.',
    };
  }
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  const token = fragment.get('edit');
  if (token === null) return { kind: 'shared', id };
  if (!TOKEN_RE.test(token)) {
    return {
      kind: 'bad-link',
      reason: 'This edit link is incomplete or mistyped: the part after "#edit=" is not a valid edit token.',
    };
  }
  return { kind: 'shared', id, editToken: token };
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The view link of a shared design, as an absolute URL to copy. */
export function viewLink(origin: string, id: string): string {
  return `${origin}/d/${id}`;
}

/** The edit link: the view link with the edit token in the fragment. */
export function editLink(origin: string, id: string, token: string): string {
  return `${origin}/d/${id}#edit=${token}`;
}
