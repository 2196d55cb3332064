import { Writable } from 'node:stream';
import { loadDocument, validate } from '@stackdraft/patterns';
import { generateLargeDocument } from '@stackdraft/patterns/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../http/logging';
import type { RunningServer } from '../lifecycle';
import {
  commentCreated,
  commentList,
  commentView,
  createdResponse,
  diagramResponse,
  savedResponse,
  versionList,
  versionResponse,
} from '../routes/schemas';
import { expectError } from './expect-error';
import { orders, ordersEdited } from './fixtures';
import {
  type Backend,
  type BackendName,
  bearer,
  client,
  makeBackend,
  type Reply,
  rawRequest,
} from './harness';
import { HOSTILE, type HostileCase } from './hostile-cases';

interface Shared {
  id: string;
  token: string;
  /** Every version written, as the API returned it on read. */
  versions: Map<number, unknown>;
  /** The comments listed last, if the test wrote any. */
  comments?: unknown;
  /** Edit tokens that were rotated away and must stay refused. */
  revoked?: string[];
}

/**
 * The whole API over real HTTP against one storage backend: sharing, saving with optimistic
 * concurrency, history, comments, taking links back, hostile input, and a restart that must
 * read back everything written.
 */
export function apiSuite(name: BackendName): void {
  describe(`the API on ${name}`, () => {
    let backend: Backend;
    let server: RunningServer;
    let call: ReturnType<typeof client>;
    const logs: string[] = [];
    const shared: Shared[] = [];

    const start = async () => {
      const sink = new Writable({
        write(chunk, _enc, done) {
          logs.push(String(chunk));
          done();
        },
      });
      server = await backend.start({ logger: createLogger({ level: 'info', destination: sink }) });
      call = client(server.url);
    };

    // A backend that cannot start fails every test with its reason (a failing beforeAll alone
    // would count the tests as skipped, and this suite must never look skipped).
    let startError: unknown;
    beforeAll(async () => {
      try {
        backend = await makeBackend(name);
        await start();
      } catch (err) {
        startError = err;
      }
    });
    beforeEach(() => {
      if (startError) throw startError;
    });
    afterAll(async () => {
      await server?.close();
      await backend?.dispose();
    });

    const create = async (document: unknown = orders()) => {
      const reply = await call('POST', '/api/diagrams', { json: { document } });
      expect(reply.status).toBe(201);
      const body = createdResponse.parse(reply.body);
      const entry: Shared = { id: body.id, token: body.editToken, versions: new Map() };
      shared.push(entry);
      entry.versions.set(1, (await call('GET', `/api/diagrams/${body.id}`)).body);
      return { ...body, reply, entry };
    };
    const save = async (entry: Shared, document: unknown, version: number) => {
      const reply = await call('PUT', `/api/diagrams/${entry.id}`, {
        json: { document },
        headers: { ...bearer(entry.token), 'if-match': String(version) },
      });
      if (reply.status === 200) {
        const saved = savedResponse.parse(reply.body);
        const read = await call('GET', `/api/diagrams/${entry.id}`);
        entry.versions.set(saved.version, read.body);
      }
      return reply;
    };

    it('runs on the backend under test', async () => {
      expect((await call('GET', '/api/health')).body).toEqual({ status: 'ok', database: name });
    });

    it('shares a design: 201 with an id, an edit token and version 1, readable through the view link', async () => {
      const { id, editToken, editPath, viewPath, reply } = await create();
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(editToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(viewPath).toBe(`/d/${id}`);
      expect(editPath).toBe(`/d/${id}#edit=${editToken}`);
      expect(reply.headers.get('location')).toBe(`/api/diagrams/${id}`);

      const read = await call('GET', `/api/diagrams/${id}`);
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe('"1"');
      const body = diagramResponse.parse(read.body);
      expect(body).toMatchObject({ id, version: 1, viewEnabled: true, canEdit: false });
      expect(body.document).toMatchObject({ name: 'Orders platform', region: 'us-east-1' });
      expect((body.document.nodes as unknown[]).length).toBe(4);
      const owner = diagramResponse.parse(
        (await call('GET', `/api/diagrams/${id}`, { headers: bearer(editToken) })).body,
      );
      expect(owner.canEdit).toBe(true);
    });

    it('saves with the edit token and If-Match: each save is a new version with a summary of what changed', async () => {
      const { entry } = await create();
      const first = await save(entry, ordersEdited(), 1);
      expect(first.status).toBe(200);
      expect(first.headers.get('etag')).toBe('"2"');
      expect(savedResponse.parse(first.body)).toMatchObject({
        version: 2,
        summary: 'Added 1 node, removed 1 edge, changed 1 node',
      });
      const second = await save(entry, { ...ordersEdited(), name: 'Orders platform v2' }, 2);
      expect(savedResponse.parse(second.body)).toMatchObject({ version: 3, summary: 'Renamed the design' });

      const history = versionList.parse((await call('GET', `/api/diagrams/${entry.id}/versions`)).body);
      expect(history.map((v) => [v.version, v.summary])).toEqual([
        [3, 'Renamed the design'],
        [2, 'Added 1 node, removed 1 edge, changed 1 node'],
        [1, 'Created with 4 nodes and 3 edges'],
      ]);
      const paged = versionList.parse(
        (await call('GET', `/api/diagrams/${entry.id}/versions?before=3&limit=1`)).body,
      );
      expect(paged.map((v) => v.version)).toEqual([2]);

      const v1 = versionResponse.parse((await call('GET', `/api/diagrams/${entry.id}/versions/1`)).body);
      expect(v1.document).toEqual((entry.versions.get(1) as { document: unknown }).document);
      expect((await call('GET', `/api/diagrams/${entry.id}/versions/4`)).status).toBe(404);
    });

    it('refuses a stale save with 409 and the current version, and stores nothing', async () => {
      const { entry } = await create();
      expect((await save(entry, ordersEdited(), 1)).status).toBe(200);
      const stale = await save(entry, orders('Mine'), 1);
      expectError(stale, 409, 'version-conflict');
      expect(stale.body).toMatchObject({ currentVersion: 2 });
      const current = diagramResponse.parse((await call('GET', `/api/diagrams/${entry.id}`)).body);
      expect(current.version).toBe(2);
      expect(current.document.name).toBe('Orders platform');
      // "Save mine as a new version": retry on top of theirs; theirs stays in the history.
      expect((await save(entry, orders('Mine'), 2)).status).toBe(200);
      const history = versionList.parse((await call('GET', `/api/diagrams/${entry.id}/versions`)).body);
      expect(history.map((v) => v.version)).toEqual([3, 2, 1]);
    });

    it('lets exactly one of several concurrent saves of the same version win', async () => {
      const { entry } = await create();
      const replies = await Promise.all(
        Array.from({ length: 6 }, (_, i) => save(entry, orders(`Concurrent ${i}`), 1)),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      expect(diagramResponse.parse((await call('GET', `/api/diagrams/${entry.id}`)).body).version).toBe(2);
    });

    it('stores SQL-ish and markup text in labels verbatim, as data', async () => {
      const hostile = [
        "Robert'); DROP TABLE diagrams; --",
        "' OR '1'='1",
        "$1 $$ \\x00 E'\\\\'",
        '<script>alert(1)</script>',
        '日本語 🚀 é',
      ];
      const d = orders();
      for (const [i, label] of hostile.entries()) Object.assign(d.nodes[i % 4] as object, { label });
      Object.assign(d, { name: hostile[0] });
      const { entry } = await create(d);
      const read = diagramResponse.parse((await call('GET', `/api/diagrams/${entry.id}`)).body);
      expect(read.document.name).toBe(hostile[0]);
      expect((read.document.nodes as { label: string }[]).map((n) => n.label)).toEqual([
        hostile[4],
        hostile[1],
        hostile[2],
        hostile[3],
      ]);
      expect((await call('GET', `/api/diagrams/${shared[0]?.id}`)).status).toBe(200);
    });

    it('pins comments to nodes and edges; authors resolve their own, owners any, viewers none', async () => {
      const { entry } = await create();
      const post = (json: unknown, headers: Record<string, string> = {}) =>
        call('POST', `/api/diagrams/${entry.id}/comments`, { json, headers });
      const onNode = await post({
        nodeId: 'orders-queue',
        author: 'Ann',
        text: 'Where do failed orders go?',
      });
      expect(onNode.status).toBe(201);
      const a = commentCreated.parse(onNode.body);
      expect(a.comment).toMatchObject({ nodeId: 'orders-queue', author: 'Ann', resolved: false, version: 1 });
      const b = commentCreated.parse(
        (await post({ edgeId: 'queue-dlq', author: 'Ben', text: 'maxReceiveCount 5?' }, bearer(entry.token)))
          .body,
      );
      expect(b.comment.edgeId).toBe('queue-dlq');

      const listed = commentList.parse((await call('GET', `/api/diagrams/${entry.id}/comments`)).body);
      expect(listed.map((c) => c.author)).toEqual(['Ann', 'Ben']);
      expect(JSON.stringify(listed)).not.toMatch(/token/i);

      const resolve = (commentId: string, token: string, resolved = true) =>
        call('PATCH', `/api/diagrams/${entry.id}/comments/${commentId}`, {
          json: { resolved },
          headers: bearer(token),
        });
      expectError(await resolve(a.comment.id, b.commentToken), 403, 'invalid-token');
      const byAuthor = await resolve(a.comment.id, a.commentToken);
      expect(commentView.parse(byAuthor.body).resolved).toBe(true);
      expect(commentView.parse((await resolve(b.comment.id, entry.token)).body).resolved).toBe(true);
      expect(commentView.parse((await resolve(b.comment.id, entry.token, false)).body).resolved).toBe(false);
      expectError(
        await call('PATCH', `/api/diagrams/${entry.id}/comments/${a.comment.id}`, {
          json: { resolved: true },
        }),
        401,
        'missing-token',
      );
      expectError(await resolve('A'.repeat(22), entry.token), 404, 'not-found');
      const after = commentList.parse((await call('GET', `/api/diagrams/${entry.id}/comments`)).body);
      expect(after.map((c) => c.resolved)).toEqual([true, false]);
      entry.comments = after;
    });

    it('threads replies under the first comment, pinned where it is, one level deep', async () => {
      const { entry } = await create();
      const post = (json: unknown) => call('POST', `/api/diagrams/${entry.id}/comments`, { json });
      const first = commentCreated.parse(
        (await post({ nodeId: 'orders-queue', author: 'Ann', text: 'Where do failed orders go?' })).body,
      );
      const reply = await post({
        replyTo: first.comment.id,
        author: 'Ben',
        text: 'To the DLQ, after 5 tries.',
      });
      expect(reply.status).toBe(201);
      const r = commentCreated.parse(reply.body);
      expect(r.comment).toMatchObject({ replyTo: first.comment.id, nodeId: 'orders-queue', author: 'Ben' });
      // Its author resolves it with its own token, like any comment.
      expect(
        (
          await call('PATCH', `/api/diagrams/${entry.id}/comments/${r.comment.id}`, {
            json: { resolved: true },
            headers: bearer(r.commentToken),
          })
        ).status,
      ).toBe(200);
      // Threads, not trees; a reply to nothing, or pinned elsewhere as well, is refused.
      const nested = await post({ replyTo: r.comment.id, author: 'Cy', text: 'and then?' });
      expectError(nested, 422, 'unknown-target');
      expect((nested.body as { error: { message: string } }).error.message).toMatch(
        /first comment of the thread/,
      );
      expectError(await post({ replyTo: 'B'.repeat(22), author: 'Cy', text: 'hm' }), 422, 'unknown-target');
      expectError(
        await post({ replyTo: first.comment.id, nodeId: 'orders-queue', author: 'Cy', text: 'hm' }),
        400,
        'invalid-request',
      );
      expectError(await post({ replyTo: '../../x', author: 'Cy', text: 'hm' }), 400, 'invalid-request');
      const listed = commentList.parse((await call('GET', `/api/diagrams/${entry.id}/comments`)).body);
      expect(listed.map((c) => [c.author, c.replyTo ?? null])).toEqual([
        ['Ann', null],
        ['Ben', first.comment.id],
      ]);
    });

    it('rotates the edit token: the old one stops working at once', async () => {
      const { entry } = await create();
      const old = entry.token;
      const rotated = await call('POST', `/api/diagrams/${entry.id}/edit-token`, { headers: bearer(old) });
      expect(rotated.status).toBe(200);
      const { editToken } = rotated.body as { editToken: string };
      expect(editToken).not.toBe(old);
      entry.token = editToken;
      entry.revoked = [old];
      expectError(await save({ ...entry, token: old }, ordersEdited(), 1), 403, 'invalid-token');
      expectError(
        await call('GET', `/api/diagrams/${entry.id}`, { headers: bearer(old) }),
        403,
        'invalid-token',
      );
      expectError(
        await call('POST', `/api/diagrams/${entry.id}/edit-token`, { headers: bearer(old) }),
        403,
        'invalid-token',
      );
      expect((await save(entry, ordersEdited(), 1)).status).toBe(200);
    });

    it('turns the view link off (404 for everyone without the edit token) and on again', async () => {
      const { entry } = await create();
      const toggle = (enabled: boolean, token = entry.token) =>
        call('PUT', `/api/diagrams/${entry.id}/view-link`, { json: { enabled }, headers: bearer(token) });
      expectError(await toggle(false, 'B'.repeat(43)), 403, 'invalid-token');
      expect((await toggle(false)).body).toEqual({ viewEnabled: false });
      for (const path of ['', '/versions', '/versions/1', '/comments']) {
        expectError(await call('GET', `/api/diagrams/${entry.id}${path}`), 404, 'not-found');
      }
      expectError(
        await call('POST', `/api/diagrams/${entry.id}/comments`, {
          json: { nodeId: 'api', author: 'X', text: 'y' },
        }),
        404,
        'not-found',
      );
      const owner = diagramResponse.parse(
        (await call('GET', `/api/diagrams/${entry.id}`, { headers: bearer(entry.token) })).body,
      );
      expect(owner).toMatchObject({ viewEnabled: false, canEdit: true });
      expect((await toggle(true)).body).toEqual({ viewEnabled: true });
      expect((await call('GET', `/api/diagrams/${entry.id}`)).status).toBe(200);
    });

    describe('refuses malformed and hostile input, leaving the design unchanged', () => {
      let target: Shared;
      beforeAll(async () => {
        target = (await create()).entry;
        expect((await save(target, ordersEdited(), 1)).status).toBe(200);
      });

      it.each(HOSTILE.map((c) => [c.name, c] as const))('%s', async (_name, c: HostileCase) => {
        const before = await call('GET', `/api/diagrams/${target.id}`, { headers: bearer(target.token) });
        const defaults: Record<string, string> = {
          authorization: `Bearer ${target.token}`,
          'if-match': '2',
          'content-type': 'application/json',
        };
        for (const h of c.without ?? []) delete defaults[h];
        const headers = { ...defaults, ...c.headers };
        let reply: Reply;
        if (c.target === 'raw')
          reply = await rawRequest(server.url, c.method ?? 'GET', (c.path ?? '').replace(':id', target.id));
        else {
          const paths = {
            save: `/api/diagrams/${target.id}`,
            create: '/api/diagrams',
            comment: `/api/diagrams/${target.id}/comments`,
            validate: '/api/validate',
          };
          const path = paths[c.target];
          if (c.target !== 'save') delete headers['if-match'];
          if (c.target !== 'save' && !c.headers?.authorization) delete headers.authorization;
          reply = await call(c.target === 'save' ? 'PUT' : 'POST', path, {
            headers,
            ...(c.raw !== undefined ? { raw: c.raw } : { json: c.json }),
          });
        }
        expectError(reply, c.status, c.code, c.at);
        const after = await call('GET', `/api/diagrams/${target.id}`, { headers: bearer(target.token) });
        expect(after.text).toBe(before.text);
        expect(((after.body as { document: { nodes: unknown[] } }).document.nodes as unknown[]).length).toBe(
          5,
        );
        expect(
          ({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).isAdmin,
        ).toBeUndefined();
      });
    });

    it('runs validate, cost and export on worker threads, several at once', async () => {
      const big = generateLargeDocument(500, 700);
      const replies = await Promise.all([
        ...Array.from({ length: 4 }, () => call('POST', '/api/validate', { json: { document: big } })),
        call('POST', '/api/cost', { json: { document: orders() } }),
        call('GET', `/api/diagrams/${shared[0]?.id}`),
      ]);
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const loaded = loadDocument(big);
      if (!loaded.ok) throw new Error('fixture invalid');
      expect(replies[0]?.body).toEqual(JSON.parse(JSON.stringify(validate(loaded.document))));
      expect(replies[3]?.text).toBe(replies[0]?.text);
      expect((replies[4]?.body as { currency?: string } | undefined)?.currency).toBe('USD');
      expectError(
        await call('POST', '/api/export/no-such-format', { json: { document: orders() } }),
        404,
        'unknown-format',
      );
    });

    it('never writes tokens to the logs', () => {
      const text = logs.join('');
      expect(text).toContain('"path":"/api/diagrams"');
      for (const entry of shared) expect(text).not.toContain(entry.token);
      expect(text).not.toMatch(/Bearer/i);
    });

    it('reads back everything written after the server restarts', async () => {
      await server.close();
      await start();
      expect(shared.length).toBeGreaterThan(5);
      for (const entry of shared) {
        for (const [version, body] of entry.versions) {
          const read = await call('GET', `/api/diagrams/${entry.id}/versions/${version}`);
          expect(read.status).toBe(200);
          expect((read.body as { document: unknown }).document).toEqual(
            (body as { document: unknown }).document,
          );
        }
        const latest = Math.max(...entry.versions.keys());
        const current = await call('GET', `/api/diagrams/${entry.id}`, { headers: bearer(entry.token) });
        expect(diagramResponse.parse(current.body)).toMatchObject({ version: latest, canEdit: true });
        if (entry.comments)
          expect((await call('GET', `/api/diagrams/${entry.id}/comments`)).body).toEqual(entry.comments);
        for (const old of entry.revoked ?? []) {
          expect((await call('GET', `/api/diagrams/${entry.id}`, { headers: bearer(old) })).status).toBe(403);
        }
      }
      expect(shared.filter((e) => e.comments).length).toBe(1);
      expect(shared.filter((e) => e.revoked).length).toBe(1);
      // The database still takes writes after the restart.
      const last = shared[shared.length - 1] as Shared;
      const latest = Math.max(...last.versions.keys());
      expect((await save(last, orders('After restart'), latest)).status).toBe(200);
    });
  });
}
