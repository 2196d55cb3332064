import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../domain/document-input';
import { apiRoutes } from '../routes';
import { buildOpenApi, openApiPath } from '../routes/openapi';
import { createServer } from '../server';
import { inProcessTools } from '../tools/run-tool';
import { client } from './harness';
import { stubStore } from './stub-store';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every method + path Express actually routes under /api, read from the app's router. */
function registered(app: ReturnType<typeof createServer>): string[] {
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  return stack
    .filter((l) => l.route?.path.startsWith('/api'))
    .flatMap((l) =>
      Object.keys(l.route?.methods ?? {})
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${openApiPath(l.route?.path ?? '')}`),
    )
    .sort();
}

describe('/api/openapi.json', () => {
  it('describes exactly the routes the server registers', async () => {
    const app = createServer({ store: stubStore() });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const port = (server.address() as { port: number }).port;
      const reply = await client(`http://127.0.0.1:${port}`)('GET', '/api/openapi.json');
      expect(reply.status).toBe(200);
      const doc = reply.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
      expect(doc.openapi).toBe('3.1.0');
      const described = Object.entries(doc.paths)
        .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
        .sort();
      expect(described).toEqual(registered(app));
      expect(described).toEqual(
        expect.arrayContaining([
          'POST /api/diagrams',
          'GET /api/diagrams/{id}',
          'PUT /api/diagrams/{id}',
          'GET /api/diagrams/{id}/versions',
          'GET /api/diagrams/{id}/versions/{version}',
          'GET /api/diagrams/{id}/comments',
          'POST /api/diagrams/{id}/comments',
          'PATCH /api/diagrams/{id}/comments/{commentId}',
          'POST /api/diagrams/{id}/edit-token',
          'PUT /api/diagrams/{id}/view-link',
          'POST /api/export/{format}',
          'POST /api/validate',
          'POST /api/cost',
          'GET /api/health',
          'GET /api/catalog',
          'GET /api/openapi.json',
        ]),
      );
    } finally {
      server.close();
    }
  });

  it('declares every path parameter, the If-Match header of saves, and resolvable references', () => {
    const routes = apiRoutes(
      { store: stubStore(), limits: DEFAULT_LIMITS, exporters: [], tools: inProcessTools([]) },
      () => ({}),
    );
    const doc = buildOpenApi(routes, 'test') as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; responses: object }>
      >;
      components: { schemas: Record<string, unknown> };
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect({ op: `${method} ${path}`, params: declared.sort() }).toEqual({
          op: `${method} ${path}`,
          params: [...names].sort(),
        });
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      }
    }
    expect(doc.paths['/api/diagrams/{id}']?.put?.parameters?.map((p) => p.name)).toContain('If-Match');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref as string);
  });
});
