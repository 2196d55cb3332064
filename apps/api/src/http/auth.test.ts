import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../domain/tokens';
import { bearerToken, commentAccess, editAccess, ifMatchVersion, viewAccess } from './auth';
import type { ApiError } from './errors';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as Request;
const code = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return `${(e as ApiError).status} ${(e as ApiError).code}`;
  }
};

describe('request headers', () => {
  it('reads If-Match as a version: bare, quoted or weak; refuses anything else', () => {
    expect(ifMatchVersion(req({ 'if-match': '3' }))).toBe(3);
    expect(ifMatchVersion(req({ 'if-match': '"12"' }))).toBe(12);
    expect(ifMatchVersion(req({ 'if-match': 'W/"7"' }))).toBe(7);
    expect(code(() => ifMatchVersion(req({})))).toBe('428 precondition-required');
    expect(code(() => ifMatchVersion(req({ 'if-match': '*' })))).toBe('400 invalid-request');
    expect(code(() => ifMatchVersion(req({ 'if-match': '0' })))).toBe('400 invalid-request');
    expect(code(() => ifMatchVersion(req({ 'if-match': '"1", "2"' })))).toBe('400 invalid-request');
  });

  it('reads Bearer tokens and refuses other schemes instead of ignoring them', () => {
    expect(bearerToken(req({}))).toBeUndefined();
    expect(bearerToken(req({ authorization: 'Bearer abc' }))).toBe('abc');
    expect(bearerToken(req({ authorization: 'bearer  abc ' }))).toBe('abc');
    expect(code(() => bearerToken(req({ authorization: 'Basic abc' })))).toBe('401 missing-token');
    expect(code(() => bearerToken(req({ authorization: 'Bearer' })))).toBe('401 missing-token');
  });
});

describe('access decisions', () => {
  const edit = newToken();
  const comment = newToken();
  const facts = (viewEnabled: boolean) => ({
    editTokenHash: hashToken(edit),
    viewEnabled,
    commentTokenHash: hashToken(comment),
  });

  it('edit access needs the edit token; without it a hidden diagram looks absent', () => {
    expect(editAccess(edit)(facts(true))).toBe('ok');
    expect(editAccess(edit)(facts(false))).toBe('ok');
    expect(editAccess(comment)(facts(true))).toBe('forbidden');
    expect(editAccess(comment)(facts(false))).toBe('not-found');
    expect(editAccess('short')(facts(true))).toBe('forbidden');
  });

  it('view access follows the view link, and a wrong token is refused rather than downgraded', () => {
    expect(viewAccess(undefined)(facts(true))).toBe('ok');
    expect(viewAccess(undefined)(facts(false))).toBe('not-found');
    expect(viewAccess(edit)(facts(false))).toBe('ok');
    expect(viewAccess(newToken())(facts(true))).toBe('forbidden');
  });

  it("comment access takes the edit token or that comment's own token while the view link is on", () => {
    expect(commentAccess(comment)(facts(true))).toBe('ok');
    expect(commentAccess(edit)(facts(true))).toBe('ok');
    expect(commentAccess(comment)(facts(false))).toBe('not-found');
    expect(commentAccess(edit)(facts(false))).toBe('ok');
    expect(commentAccess(newToken())(facts(true))).toBe('forbidden');
  });
});
