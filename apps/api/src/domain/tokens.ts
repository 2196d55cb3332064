import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Ids and tokens are random bytes from the operating system's CSPRNG, written as base64url (URL-
 * and fragment-safe, no padding). Ids carry 128 bits: unguessable, so a view link is a capability.
 * Tokens carry 256 bits.
 */
const ID_BYTES = 16;
const TOKEN_BYTES = 32;

/** A diagram or comment id: 22 base64url characters. */
export const ID_RE = /^[A-Za-z0-9_-]{22}$/;
/** An edit or comment token: 43 base64url characters. */
export const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export const newId = (): string => randomBytes(ID_BYTES).toString('base64url');
export const newToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

/** SHA-256 of a token, hex. Only this is stored, so a database leak does not leak edit links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Whether `token` hashes to `storedHash`, compared in constant time so response timing reveals
 * nothing about how much of a guess was right.
 */
export function tokenMatches(token: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = createHash('sha256').update(token, 'utf8').digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
