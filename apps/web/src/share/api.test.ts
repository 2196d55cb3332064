import { emptyDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { createShareApi, errorFromResponse, type Fetch, ShareError } from './api';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

async function caught(p: Promise<unknown>): Promise<ShareError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ShareError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('errorFromResponse', () => {
  it('maps 409 version-conflict to a conflict carrying the current version', async () => {
    const e = await errorFromResponse(
      json(409, { error: { code: 'version-conflict', message: 'stale' }, currentVersion: 7, updatedAt: 'x' }),
    );
    expect(e.kind).toBe('conflict');
    expect(e.details.currentVersion).toBe(7);
    expect(e.message).toContain('version 7');
    expect(e.retryable).toBe(false);
  });

  it('maps 403 invalid-token and 401 missing-token to forbidden', async () => {
    expect(
      (await errorFromResponse(json(403, { error: { code: 'invalid-token', message: 'no' } }))).kind,
    ).toBe('forbidden');
    expect(
      (await errorFromResponse(json(401, { error: { code: 'missing-token', message: 'no' } }))).kind,
    ).toBe('forbidden');
  });

  it('maps 404 to not-found, with a message a person can act on', async () => {
    const e = await errorFromResponse(
      json(404, { error: { code: 'not-found', message: 'No diagram has this id.' } }),
    );
    expect(e.kind).toBe('not-found');
    expect(e.message).toMatch(/view link off/);
  });

  it('maps 429 to rate-limited with Retry-After in milliseconds', async () => {
    const e = await errorFromResponse(
      json(429, { error: { code: 'rate-limited', message: 'slow' } }, { 'Retry-After': '12' }),
    );
    expect(e.kind).toBe('rate-limited');
    expect(e.details.retryAfterMs).toBe(12_000);
    expect(e.retryable).toBe(true);
  });

  it('maps 5xx and non-JSON answers (a proxy error page) to a retryable server error', async () => {
    expect(
      (await errorFromResponse(json(503, { error: { code: 'unavailable', message: 'later' } }))).kind,
    ).toBe('server');
    const page = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(page.kind).toBe('server');
    expect(page.retryable).toBe(true);
  });

  it("keeps the server's message for other refusals (e.g. a design over a cap)", async () => {
    const e = await errorFromResponse(
      json(422, {
        error: { code: 'too-many-nodes', message: 'The design has 20,001 nodes; the limit is 20,000.' },
      }),
    );
    expect(e.kind).toBe('refused');
    expect(e.message).toContain('20,001 nodes');
    expect(e.retryable).toBe(false);
  });
});

describe('createShareApi', () => {
  const token = 'T'.repeat(43);

  it('saves with the token as a Bearer header and the version in If-Match, never in the URL', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetchImpl: Fetch = async (url, init) => {
      calls.push({ url, init });
      return json(200, { id: 'x', version: 4, updatedAt: '2026-01-01T00:00:00Z', summary: '' });
    };
    const r = await createShareApi(fetchImpl).save('abc', token, 3, emptyDocument());
    expect(r.version).toBe(4);
    const [call] = calls;
    expect(call?.url).toBe('/api/diagrams/abc');
    expect(call?.url).not.toContain(token);
    const headers = new Headers(call?.init?.headers);
    expect(call?.init?.method).toBe('PUT');
    expect(headers.get('Authorization')).toBe(`Bearer ${token}`);
    expect(headers.get('If-Match')).toBe('"3"');
    expect(JSON.parse(String(call?.init?.body))).toEqual({ document: emptyDocument() });
  });

  it('turns a failed fetch (offline) into a retryable network error', async () => {
    const api = createShareApi(async () => {
      throw new TypeError('Failed to fetch');
    });
    const e = await caught(api.get('abc'));
    expect(e.kind).toBe('network');
    expect(e.retryable).toBe(true);
  });

  it('rejects a 409 save with the conflict', async () => {
    const api = createShareApi(async () =>
      json(409, { error: { code: 'version-conflict', message: '' }, currentVersion: 9 }),
    );
    const e = await caught(api.save('abc', token, 3, emptyDocument()));
    expect(e.kind).toBe('conflict');
    expect(e.details.currentVersion).toBe(9);
  });

  it('sends no Authorization header when reading without a token', async () => {
    let auth: string | null = 'unset';
    const api = createShareApi(async (_url, init) => {
      auth = new Headers(init?.headers).get('Authorization');
      return json(200, { id: 'abc', version: 1, viewEnabled: true, canEdit: false, document: {} });
    });
    await api.get('abc');
    expect(auth).toBeNull();
  });
});
