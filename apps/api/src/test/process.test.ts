import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLargeDocument } from '@stackdraft/patterns/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../store/lock';
import { type ServerProcess, spawnServer } from './child';
import { orders } from './fixtures';
import { bearer, client } from './harness';

/**
 * The server as a process on the embedded database: the data-directory lock, kill -9 during a
 * stream of acknowledged writes, and a graceful SIGTERM that finishes the request in flight.
 */
describe('server processes on PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stackdraft-proc-'));
  const env = { STACKDRAFT_DATA_DIR: dataDir };
  const running: ServerProcess[] = [];
  const start = async () => {
    const s = await spawnServer(env);
    running.push(s);
    return s;
  };
  /** What the killed server acknowledged: diagram id -> token and every acknowledged version's name. */
  const acked = new Map<string, { token: string; names: Map<number, string> }>();

  let first: ServerProcess;
  beforeAll(async () => {
    first = await start();
  });
  afterAll(() => {
    for (const s of running)
      if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to start a second server on the same data directory, saying why', async () => {
    const second = spawnServer(env);
    const failure = (await second.then(
      () => undefined,
      (e: unknown) => e,
    )) as { output: string; code: number } | undefined;
    expect(failure?.code).toBe(1);
    expect(failure?.output).toContain('Another Stackdraft server is using the data directory');
    expect(failure?.output).toContain(`pid ${first.pid}`);
    expect(failure?.output).toContain('STACKDRAFT_DATA_DIR');
    // The refused server touched nothing: the first one still serves.
    expect((await client(first.url)('GET', '/api/health')).status).toBe(200);
  });

  it('keeps every acknowledged write when killed with SIGKILL mid-stream, and reopens cleanly', async () => {
    const call = client(first.url);
    const big = generateLargeDocument(300, 400);
    const writers = Array.from({ length: 4 }, async (_, w) => {
      const created = await call('POST', '/api/diagrams', { json: { document: orders(`w${w} v1`) } });
      const { id, editToken } = created.body as { id: string; editToken: string };
      const entry = { token: editToken, names: new Map([[1, `w${w} v1`]]) };
      acked.set(id, entry);
      for (let v = 1; ; v++) {
        const name = `w${w} v${v + 1}`;
        const document = v % 3 === 0 ? { ...big, name } : orders(name);
        let reply: Awaited<ReturnType<typeof call>>;
        try {
          reply = await call('PUT', `/api/diagrams/${id}`, {
            json: { document },
            headers: { ...bearer(editToken), 'if-match': String(v) },
          });
        } catch {
          return; // the server died under this request: it was never acknowledged
        }
        expect(reply.status).toBe(200);
        entry.names.set(v + 1, name);
      }
    });
    // Let acknowledged writes pile up, then pull the plug while requests are in flight.
    const until = Date.now() + 30_000;
    while ([...acked.values()].reduce((n, e) => n + e.names.size, 0) < 80 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    await Promise.all(writers);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true); // left behind by the killed process

    const second = await start(); // takes over the stale lock, recovers the database
    const read = client(second.url);
    let versions = 0;
    for (const [id, { token, names }] of acked) {
      for (const [version, name] of names) {
        const reply = await read('GET', `/api/diagrams/${id}/versions/${version}`);
        expect({ id, version, status: reply.status }).toEqual({ id, version, status: 200 });
        expect((reply.body as { document: { name: string } }).document.name).toBe(name);
        versions++;
      }
      const latest = Math.max(...names.keys());
      const current = await read('GET', `/api/diagrams/${id}`, { headers: bearer(token) });
      expect((current.body as { version: number }).version).toBeGreaterThanOrEqual(latest);
    }
    expect(versions).toBeGreaterThanOrEqual(80);
    expect((await read('GET', '/api/health')).body).toEqual({ status: 'ok', database: 'pglite' });
    const fresh = await read('POST', '/api/diagrams', { json: { document: orders('after the crash') } });
    expect(fresh.status).toBe(201);
  });

  it('on SIGTERM finishes the request in flight, closes the database and releases the lock', async () => {
    const server = running[running.length - 1] as ServerProcess;
    const call = client(server.url);
    const [id, { token, names }] = [...acked.entries()][0] as [
      string,
      { token: string; names: Map<number, string> },
    ];
    const current = (await call('GET', `/api/diagrams/${id}`)).body as { version: number };
    const body = JSON.stringify({ document: orders('saved during shutdown') });
    const url = new URL(server.url);
    // Send half the body, signal the server, then the rest: the request is in flight throughout.
    const reply = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: 'PUT',
          path: `/api/diagrams/${id}`,
          headers: {
            ...bearer(token),
            'if-match': String(current.version),
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 20));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(20)), 300);
      }, 200);
    });
    const { status, text } = await reply;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ version: current.version + 1 });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('"msg":"stopped"');
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    names.set(current.version + 1, 'saved during shutdown');

    const again = await start();
    const saved = await client(again.url)('GET', `/api/diagrams/${id}`);
    expect((saved.body as { document: { name: string } }).document.name).toBe('saved during shutdown');
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  });
});
