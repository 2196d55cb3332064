import type { Request } from 'express';
import { TOKEN_RE, tokenMatches } from '../domain/tokens';
import type { Access, AccessFacts } from '../store/types';
import { ApiError } from './errors';

/**
 * The bearer token of a request, if it sent an Authorization header. A header that is not
 * `Bearer <token>` is refused rather than ignored, so a client bug never silently degrades to
 * anonymous access.
 */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header);
  if (!match?.[1]) {
    throw new ApiError(401, 'missing-token', 'The Authorization header must be "Bearer <edit token>".');
  }
  return match[1];
}

/** The bearer token, required: 401 without one. */
export function requireToken(req: Request): string {
  const token = bearerToken(req);
  if (token === undefined) {
    throw new ApiError(
      401,
      'missing-token',
      'This needs the edit token: send the header "Authorization: Bearer <edit token>" (the part after #edit= in the edit link).',
    );
  }
  return token;
}

const matches = (token: string, hash: string | undefined) =>
  hash !== undefined && TOKEN_RE.test(token) && tokenMatches(token, hash);

/**
 * Access for owners: the edit token must match. Someone without it learns nothing about a
 * diagram whose view link is off (404, as if it did not exist).
 */
export function editAccess(token: string): Access {
  return (facts: AccessFacts) => {
    if (matches(token, facts.editTokenHash)) return 'ok';
    return facts.viewEnabled ? 'forbidden' : 'not-found';
  };
}

/**
 * Access for reading, or for writing a comment: anyone with the view link while it is on; with a
 * token, only if it is the edit token (a wrong token is refused, never downgraded to viewing).
 */
export function viewAccess(token: string | undefined): Access {
  return (facts) => {
    if (token !== undefined) return editAccess(token)(facts);
    return facts.viewEnabled ? 'ok' : 'not-found';
  };
}

/**
 * Access to resolve or reopen a comment: the diagram's edit token, or that comment's own token
 * (handed to its author when it was written) while the view link is on.
 */
export function commentAccess(token: string): Access {
  return (facts) => {
    if (matches(token, facts.editTokenHash)) return 'ok';
    if (!facts.viewEnabled) return 'not-found';
    return matches(token, facts.commentTokenHash) ? 'ok' : 'forbidden';
  };
}

/** Turns an access verdict into the response it means. */
export function enforce(verdict: ReturnType<Access>): void {
  if (verdict === 'not-found') throw new ApiError(404, 'not-found', 'No diagram has this id.');
  if (verdict === 'forbidden') {
    throw new ApiError(
      403,
      'invalid-token',
      'This token does not allow that: the edit link is wrong or was replaced by the owner.',
    );
  }
}

/**
 * The version a save was based on, from `If-Match` (`3`, `"3"` or `W/"3"`). Required: without it
 * a save could silently overwrite someone else's (428).
 */
export function ifMatchVersion(req: Request): number {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '') {
    throw new ApiError(
      428,
      'precondition-required',
      'Saving needs the header "If-Match: <version>" with the version you edited, so nobody\'s changes are overwritten.',
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  const version = match?.[1] ? Number(match[1]) : Number.NaN;
  if (!Number.isInteger(version) || version < 1) {
    throw new ApiError(
      400,
      'invalid-request',
      `If-Match must be a version number such as 3, got ${JSON.stringify(header.slice(0, 40))}.`,
    );
  }
  return version;
}
