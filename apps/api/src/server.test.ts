import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { KIND_IDS, TEMPLATES } from '@stackdraft/patterns';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './http/logging';
import { createServer, type ServerDeps } from './server';
import { expectError } from './test/expect-error';
import { client } from './test/harness';
import { stubStore } from './test/stub-store';

const servers: Server[] = [];
const webDist = mkdtempSync(join(tmpdir(), 'stackdraft-web-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(
  join(webDist, 'index.html'),
  '<!doctype html><title>Stackdraft</title><script type="module" src="/assets/app.js"></script>',
);
writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log(1)');

async function serve(deps: Partial<ServerDeps> = {}) {
  const server = createServer({ store: stubStore(), webDist, ...deps }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  servers.push(server);
  return client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

describe('createServer', () => {
  it('answers health and serves the catalog: every kind with its config fields, and every template', async () => {
    const call = await serve();
    expect((await call('GET', '/api/health')).body).toEqual({ status: 'ok', database: 'pglite' });
    const body = (await call('GET', '/api/catalog')).body as {
      kinds: { id: string; config: { key: string }[] }[];
      templates: { id: string }[];
    };
    expect(body.kinds.map((k) => k.id)).toEqual([...KIND_IDS]);
    expect(body.kinds.find((k) => k.id === 'sql-database')?.config.map((f) => f.key)).toContain(
      'instanceClass',
    );
    expect(body.templates.map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
  });

  it('answers unknown routes and malformed JSON with JSON errors, not HTML or stack traces', async () => {
    const call = await serve();
    expectError(await call('GET', '/api/nope'), 404, 'not-found');
    const json = { 'content-type': 'application/json' };
    expectError(await call('POST', '/api/diagrams', { raw: '{"a":', headers: json }), 400, 'invalid-json');
    expectError(await call('POST', '/api/validate', { raw: '{"a":', headers: json }), 400, 'invalid-json');
    expectError(await call('POST', '/api/health', { raw: '{"a":', headers: json }), 404, 'not-found');
    expectError(await call('GET', '/no/such/page'), 404, 'not-found');
    expectError(await call('POST', '/d/abc'), 404, 'not-found');
  });

  it('answers a failing database with a generic 500 and logs the cause on the server only', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(c, _e, done) {
        lines.push(String(c));
        done();
      },
    });
    const call = await serve({ logger: createLogger({ destination }) });
    const reply = await call('GET', `/api/diagrams/${'a'.repeat(22)}`);
    expectError(reply, 500, 'internal');
    expect(reply.text).not.toContain('SELECT');
    expect(lines.join('')).toContain('relation \\"diagrams\\" does not exist');
    const health = await serve({ store: stubStore({ ping: () => Promise.reject(new Error('down')) }) });
    expectError(await health('GET', '/api/health'), 503, 'unavailable');
  });

  it('sends a strict CSP, no-referrer and the other security headers on every response', async () => {
    const call = await serve();
    for (const path of ['/', '/api/health', '/api/nope']) {
      const { headers } = await call('GET', path);
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      // WebAssembly may compile (the HCL parser); JavaScript may not be evaluated or inlined.
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(eval|inline)'/);
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("frame-ancestors 'none'");
      // Inline styles only (Monaco's themes); never inline scripts.
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });

  it('allows no cross-origin calls unless origins are configured', async () => {
    const closed = await serve();
    const evil = await closed('GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();

    const open = await serve({ corsOrigins: ['https://review.example.com'] });
    const ok = await open('GET', '/api/health', { headers: { origin: 'https://review.example.com' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://review.example.com');
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await open('OPTIONS', '/api/diagrams/x', {
      headers: { origin: 'https://review.example.com', 'access-control-request-method': 'PUT' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('If-Match');
    expect(preflight.headers.get('access-control-expose-headers')).toContain('ETag');
    const other = await open('GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rate-limits writes with 429, Retry-After and RateLimit headers', async () => {
    const call = await serve({ rateLimit: { writes: 2, compute: 2, windowMs: 60_000 } });
    const post = () => call('POST', '/api/diagrams', { json: { document: { stackdraft: 1 } } });
    expect((await post()).status).toBe(422);
    expect((await post()).status).toBe(422);
    const limited = await post();
    expectError(limited, 429, 'rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-policy')).toContain('2');
    // Reads are not limited.
    for (let i = 0; i < 5; i++) expect((await call('GET', '/api/health')).status).toBe(200);
  });

  it('serves the web app: hashed assets cached, index.html for / and share links', async () => {
    const call = await serve();
    for (const path of ['/', '/d/AbC_123-xyz', '/d/AbC_123-xyz/']) {
      const page = await call('GET', path, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>Stackdraft</title>');
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
    const asset = await call('GET', '/assets/app.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expectError(await call('GET', '/assets/missing.js'), 404, 'not-found');
    const unbuilt = await serve({ webDist: join(webDist, 'nope') });
    const reply = await unbuilt('GET', '/d/abc', { headers: { accept: 'text/html' } });
    expectError(reply, 404, 'not-found');
    expect(reply.text).toContain('npm run build');
  });

  it('refuses new requests with 503 while draining for shutdown', async () => {
    const call = await serve({ draining: () => true });
    const reply = await call('GET', '/api/health');
    expectError(reply, 503, 'unavailable');
    expect(reply.headers.get('connection')).toBe('close');
  });
});
