import { describe, expect, it } from 'vitest';
import { hashToken, ID_RE, newId, newToken, TOKEN_RE, tokenMatches } from './tokens';

describe('ids and tokens', () => {
  it('are base64url with at least 120 random bits, and never repeat', () => {
    const ids = new Set(Array.from({ length: 2000 }, newId));
    const tokens = new Set(Array.from({ length: 2000 }, newToken));
    expect(ids.size).toBe(2000);
    expect(tokens.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(ID_RE);
    for (const t of tokens) expect(t).toMatch(TOKEN_RE);
    // 22 base64url characters carry 132 bits, of which the 16 random bytes fill 128.
    expect(Buffer.from(newId(), 'base64url')).toHaveLength(16);
    expect(Buffer.from(newToken(), 'base64url')).toHaveLength(32);
  });

  it('stores a SHA-256 hash, never the token, and matches only the right token', () => {
    const token = newToken();
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(newToken(), hash)).toBe(false);
    expect(tokenMatches(`${token.slice(0, -1)}A`, hash)).toBe(token.endsWith('A'));
    expect(tokenMatches('', hash)).toBe(false);
  });
});
