import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'public-database';

describe(RULE, () => {
  it('is a security error on a database a client reaches directly', () => {
    const doc = design({
      nodes: [node('users', 'client'), node('db', 'sql-database', { multiAz: true })],
      edges: [edge('users', 'db', 'sync')],
    });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'error',
      pillar: 'security',
      nodeIds: ['db', 'users'],
      edgeIds: ['e-users-db'],
    });
  });

  it('sees through DNS, load balancers and a gateway without auth, and names the path', () => {
    const doc = design({
      nodes: [
        node('users', 'client'),
        node('dns', 'dns'),
        node('alb', 'load-balancer'),
        node('cache', 'cache'),
        node('api', 'api-gateway', { rateLimitPerSecond: 10 }),
        node('table', 'nosql-table'),
      ],
      edges: [
        edge('users', 'dns', 'sync'),
        edge('dns', 'alb', 'sync'),
        edge('alb', 'api', 'sync'),
        edge('api', 'table', 'sync'),
        edge('users', 'api', 'sync'),
      ],
    });
    expect(findingsOfRule(doc, RULE).map((f) => [f.nodeIds, f.edgeIds])).toEqual([
      [
        ['table', 'users'],
        ['e-users-api', 'e-api-table'],
      ],
    ]);
  });

  it('fires on a data store placed in a public subnet', () => {
    const doc = design({
      nodes: [
        node('vpc', 'vpc', { defaultDeny: true }),
        node('public', 'subnet', { public: true }, { parent: 'vpc' }),
        node('private', 'subnet', { public: false }, { parent: 'vpc' }),
        node('db', 'sql-database', { multiAz: true }, { parent: 'public', position: { x: 10, y: 10 } }),
        node('app', 'container-service', {}, { parent: 'private' }),
        node('vault', 'secrets-vault'),
      ],
      edges: [edge('app', 'db', 'sync'), edge('app', 'vault', 'sync')],
    });
    const [f] = findingsOfRule(doc, RULE);
    expect(f).toMatchObject({
      nodeIds: ['db', 'public'],
      edgeIds: [],
      fix: { label: 'Move it to a private subnet' },
    });
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.nodes.find((n) => n.id === 'db')).toEqual({
      id: 'db',
      kind: 'sql-database',
      label: 'db',
      parent: 'private',
      config: { multiAz: true },
    });
  });

  it('does not fire behind a service, for a gateway with auth, or for object storage behind a CDN', () => {
    const doc = design({
      nodes: [
        node('users', 'client'),
        node('cdn', 'cdn'),
        node('site', 'object-storage'),
        node('api', 'api-gateway', { auth: 'cognito', rateLimitPerSecond: 10 }),
        node('table', 'nosql-table'),
        node('app', 'function'),
        node('db', 'sql-database'),
      ],
      edges: [
        edge('users', 'cdn', 'sync'),
        edge('cdn', 'site', 'sync', { access: 'read' }),
        edge('users', 'api', 'sync'),
        edge('api', 'table', 'sync'),
        edge('api', 'app', 'sync'),
        edge('app', 'db', 'sync'),
      ],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });

  it('fix: puts a function between the public side and the store, keeping the read/write split', () => {
    const doc = design({
      nodes: [
        node('users', 'client'),
        node('cdn', 'cdn'),
        node('search', 'search-index'),
        node('cache', 'cache'),
      ],
      edges: [
        edge('users', 'cdn', 'sync'),
        edge('cdn', 'search', 'sync', { access: 'read', ratio: 0.5 }),
        edge('users', 'search', 'sync', { access: 'read' }),
        edge('users', 'cache', 'sync'),
      ],
    });
    const found = findingsOfRule(doc, RULE);
    expect(found.map((f) => f.nodeIds[0])).toEqual(['search', 'cache']);
    const r = fix(doc, found[0] as NonNullable<(typeof found)[0]>);
    expect([r.gone, r.newErrors.map((f) => f.key)]).toEqual([true, []]);
    expect(r.doc.nodes).toContainEqual({ id: 'search-api', kind: 'function', label: 'search API' });
    expect(r.doc.edges.find((e) => e.id === 'e-cdn-search')).toEqual({
      id: 'e-cdn-search',
      source: 'cdn',
      target: 'search-api',
      kind: 'sync',
      config: { ratio: 0.5 },
    });
    expect(r.doc.edges).toContainEqual({
      id: 'e-search-api-search',
      source: 'search-api',
      target: 'search',
      kind: 'sync',
      config: { access: 'read' },
    });
  });
});
