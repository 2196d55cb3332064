import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exporter } from '@stackdraft/exporters';
import { estimateCost, loadDocument, validate } from '@stackdraft/patterns';
import { generateLargeDocument } from '@stackdraft/patterns/testing';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server';
import { expectError } from '../test/expect-error';
import { orders } from '../test/fixtures';
import { client } from '../test/harness';
import { stubStore } from '../test/stub-store';

/** An exporter that echoes labels into files, including a path that tries to leave the archive. */
const fake: Exporter = {
  format: 'mermaid',
  label: 'Fake',
  description: 'Test exporter.',
  export: (doc) => ({
    files: [
      { path: 'diagram.mmd', content: doc.nodes.map((n) => n.label).join('\n') },
      { path: 'nested/readme.md', content: `# ${doc.name}` },
      { path: '../escape.txt', content: 'x' },
    ],
    diagnostics: [{ severity: 'info', message: 'fake' }],
  }),
};

let server: Server;
let base: string;
let call: ReturnType<typeof client>;
beforeAll(async () => {
  server = createServer({ store: stubStore(), exporters: [fake] }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  call = client(base);
});
afterAll(() => server.close());

const loaded = (raw: unknown) => {
  const r = loadDocument(raw);
  if (!r.ok) throw new Error('fixture invalid');
  return r.document;
};

describe('tools over HTTP', () => {
  it('validates a document with the domain rules: the same findings and score as the package', async () => {
    const reply = await call('POST', '/api/validate', { json: { document: orders() } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(JSON.parse(JSON.stringify(validate(loaded(orders())))));
    const big = generateLargeDocument(2000, 3000);
    const large = await call('POST', '/api/validate', { json: { document: big } });
    expect(large.status).toBe(200);
    expect((large.body as { findings: unknown[] }).findings.length).toBe(
      validate(loaded(big)).findings.length,
    );
  });

  it('estimates cost with the domain cost model', async () => {
    const reply = await call('POST', '/api/cost', { json: { document: orders() } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(JSON.parse(JSON.stringify(estimateCost(loaded(orders())))));
  });

  it('refuses invalid documents with 422 and the path, as the diagram routes do', async () => {
    for (const path of ['/api/validate', '/api/cost', '/api/export/mermaid']) {
      const doc = orders();
      Object.assign(doc.nodes[1] as object, { kind: 'quantum-queue' });
      expectError(
        await call('POST', path, { json: { document: doc } }),
        422,
        'invalid-document',
        'document.nodes[1].kind',
      );
    }
  });

  it('exports files as JSON, or as a zip with Accept: application/zip; paths never leave the archive', async () => {
    const json = await call('POST', '/api/export/mermaid', { json: { document: orders() } });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      format: 'mermaid',
      diagnostics: [{ severity: 'info', message: 'fake' }],
    });
    expect((json.body as { files: { path: string }[] }).files.map((f) => f.path)).toContain('diagram.mmd');

    const res = await fetch(`${base}/api/export/mermaid`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/zip' },
      body: JSON.stringify({ document: orders('Orders / "prod"') }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=orders-prod-mermaid.zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['diagram.mmd', 'nested/readme.md']);
    expect(new TextDecoder().decode(files['diagram.mmd'])).toContain('Order worker');
  });

  it('answers unknown formats and unacceptable Accept headers with JSON errors', async () => {
    const unknown = await call('POST', '/api/export/pdf', { json: { document: orders() } });
    expectError(unknown, 404, 'unknown-format');
    expect(unknown.text).toContain('mermaid');
    expectError(
      await call('POST', '/api/export/mermaid', {
        json: { document: orders() },
        headers: { accept: 'image/png' },
      }),
      406,
      'not-acceptable',
    );
  });
});
