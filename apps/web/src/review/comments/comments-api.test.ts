import { describe, expect, it } from 'vitest';
import { createShareApi, type Fetch, ShareError } from '../../share/api';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

interface Seen {
  url: string;
  method: string | undefined;
  auth: string | null;
  body: unknown;
}

/** A fetch that records the request and answers `answer`. */
function recording(answer: () => Response): { fetchImpl: Fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetchImpl: Fetch = async (url, init) => {
    const headers = new Headers(init?.headers);
    seen.push({
      url,
      method: init?.method,
      auth: headers.get('Authorization'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return answer();
  };
  return { fetchImpl, seen };
}

const COMMENT = {
  id: 'c1',
  nodeId: 'orders',
  author: 'Dana',
  text: 'Why no DLQ?',
  resolved: false,
  version: 2,
  createdAt: '2026-11-22T06:00:00.000Z',
  updatedAt: '2026-11-22T06:00:00.000Z',
};

describe('share API: comments', () => {
  it('lists comments without a token for a view-link visitor', async () => {
    const { fetchImpl, seen } = recording(() => json(200, [COMMENT]));
    const list = await createShareApi(fetchImpl).listComments('d 1');
    expect(list).toEqual([COMMENT]);
    expect(seen[0]).toMatchObject({ url: '/api/diagrams/d%201/comments', method: 'GET', auth: null });
  });

  it('posts a comment pinned to a node and hands back its comment token', async () => {
    const { fetchImpl, seen } = recording(() => json(201, { comment: COMMENT, commentToken: 'ct' }));
    const r = await createShareApi(fetchImpl).addComment('d1', {
      nodeId: 'orders',
      author: 'Dana',
      text: 'Hi',
    });
    expect(r.commentToken).toBe('ct');
    expect(seen[0]).toMatchObject({
      url: '/api/diagrams/d1/comments',
      method: 'POST',
      body: { nodeId: 'orders', author: 'Dana', text: 'Hi' },
    });
  });

  it('resolves with the given token in the Authorization header, never in the URL', async () => {
    const { fetchImpl, seen } = recording(() => json(200, { ...COMMENT, resolved: true }));
    const r = await createShareApi(fetchImpl).setCommentResolved('d1', 'c1', 'secret', true);
    expect(r.resolved).toBe(true);
    expect(seen[0]).toMatchObject({ method: 'PATCH', auth: 'Bearer secret', body: { resolved: true } });
    expect(seen[0]?.url).toBe('/api/diagrams/d1/comments/c1');
  });

  it('maps a refused resolve (403) and an unknown target (422) like every other call', async () => {
    const forbidden = recording(() => json(403, { error: { code: 'invalid-token', message: 'no' } }));
    const e1 = await createShareApi(forbidden.fetchImpl)
      .setCommentResolved('d1', 'c1', 'wrong', true)
      .catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ShareError);
    expect((e1 as ShareError).kind).toBe('forbidden');
    const unknown = recording(() =>
      json(422, { error: { code: 'unknown-target', message: 'No node "x".', path: 'nodeId' } }),
    );
    const e2 = await createShareApi(unknown.fetchImpl)
      .addComment('d1', { nodeId: 'x', author: 'A', text: 'B' })
      .catch((e: unknown) => e);
    expect((e2 as ShareError).kind).toBe('refused');
    expect((e2 as ShareError).details.code).toBe('unknown-target');
    expect((e2 as ShareError).message).toBe('No node "x".');
  });
});

describe('share API: versions', () => {
  it('lists versions and reads one, with the edit token when there is one', async () => {
    const versions = recording(() => json(200, [{ version: 2, createdAt: 'x', summary: 's' }]));
    expect(await createShareApi(versions.fetchImpl).listVersions('d1', 'tok')).toHaveLength(1);
    expect(versions.seen[0]).toMatchObject({ url: '/api/diagrams/d1/versions', auth: 'Bearer tok' });

    const one = recording(() =>
      json(200, { id: 'd1', version: 1, createdAt: 'x', summary: 's', document: {} }),
    );
    const v = await createShareApi(one.fetchImpl).getVersion('d1', 1);
    expect(v.version).toBe(1);
    expect(one.seen[0]?.url).toBe('/api/diagrams/d1/versions/1');
  });

  it('reports a missing version as not-found', async () => {
    const { fetchImpl } = recording(() =>
      json(404, { error: { code: 'not-found', message: 'No version 9.' } }),
    );
    const e = await createShareApi(fetchImpl)
      .getVersion('d1', 9)
      .catch((err: unknown) => err);
    expect((e as ShareError).kind).toBe('not-found');
  });
});
