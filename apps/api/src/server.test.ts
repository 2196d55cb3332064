import type { AddressInfo } from 'node:net';
import { KIND_IDS, TEMPLATES } from '@stackdraft/patterns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './server';

let base = '';
let close: () => void;

beforeAll(async () => {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('api', () => {
  it('answers health', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves the catalog: every kind with its config fields, and every template', async () => {
    const body = (await (await fetch(`${base}/api/catalog`)).json()) as {
      kinds: { id: string; config: { key: string }[] }[];
      templates: { id: string }[];
    };
    expect(body.kinds.map((k) => k.id)).toEqual([...KIND_IDS]);
    expect(body.kinds.find((k) => k.id === 'sql-database')?.config.map((f) => f.key)).toContain(
      'instanceClass',
    );
    expect(body.templates.map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
  });

  it('answers unknown API routes and malformed JSON with JSON errors, not HTML or stack traces', async () => {
    const missing = await fetch(`${base}/api/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not-found', message: 'No such API route.' } });
    const bad = await fetch(`${base}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'bad-request' } });
    expect(text).not.toContain('    at ');
  });
});
