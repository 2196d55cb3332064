import { describe, expect, it } from 'vitest';
import type { EdgeKind } from '../catalog/types';
import type { ArchitectureDocument } from '../document/schema';
import { canConnect, edgeKindOf } from './can-connect';

const KINDS = [
  'client',
  'dns',
  'cdn',
  'load-balancer',
  'api-gateway',
  'auth',
  'container-service',
  'function',
  'queue',
  'dead-letter-queue',
  'topic',
  'event-bus',
  'kafka',
  'stream',
  'state-machine',
  'sql-database',
  'read-replica',
  'nosql-table',
  'cache',
  'object-storage',
  'search-index',
  'secrets-vault',
  'region',
  'vpc',
] as const;

/** One node per kind, with the kind as its id. */
const doc: ArchitectureDocument = {
  stackdraft: 1,
  name: 'connections',
  provider: 'aws',
  region: 'us-east-1',
  environment: 'production',
  nodes: [
    ...KINDS.map((k) => ({ id: k, kind: k, label: k })),
    { id: 'nosql-table-2', kind: 'nosql-table', label: 'replica' },
  ],
  edges: [],
};

describe('canConnect: allowed pairs and the inferred edge kind', () => {
  const allowed: [string, string, EdgeKind][] = [
    ['client', 'dns', 'sync'],
    ['client', 'cdn', 'sync'],
    ['dns', 'load-balancer', 'sync'],
    ['cdn', 'object-storage', 'sync'],
    ['client', 'api-gateway', 'sync'],
    ['api-gateway', 'function', 'sync'],
    ['api-gateway', 'auth', 'sync'],
    ['load-balancer', 'container-service', 'sync'],
    ['container-service', 'function', 'sync'],
    ['container-service', 'sql-database', 'sync'],
    ['container-service', 'read-replica', 'sync'],
    ['container-service', 'cache', 'sync'],
    ['container-service', 'queue', 'async'],
    ['function', 'topic', 'async'],
    ['container-service', 'kafka', 'async'],
    ['container-service', 'event-bus', 'async'],
    ['queue', 'function', 'trigger'],
    ['queue', 'container-service', 'trigger'],
    ['kafka', 'container-service', 'trigger'],
    ['stream', 'function', 'trigger'],
    ['event-bus', 'function', 'trigger'],
    ['event-bus', 'stream', 'async'],
    ['event-bus', 'state-machine', 'trigger'],
    ['topic', 'queue', 'async'],
    ['object-storage', 'function', 'trigger'],
    ['queue', 'dead-letter-queue', 'redrive'],
    ['sql-database', 'read-replica', 'replication'],
    ['nosql-table', 'nosql-table-2', 'replication'],
    ['sql-database', 'search-index', 'replication'],
    ['state-machine', 'function', 'sync'],
    ['function', 'secrets-vault', 'sync'],
  ];
  it.each(allowed)('%s -> %s is %s', (source, target, kind) => {
    const r = canConnect(doc, source, target);
    expect(r).toMatchObject({ ok: true, kind });
    expect(edgeKindOf(doc, { source, target })).toBe(kind);
  });

  it('accepts an explicit edge kind the catalog allows', () => {
    expect(canConnect(doc, 'container-service', 'function', { kind: 'sync' })).toMatchObject({
      ok: true,
      kind: 'sync',
    });
  });
});

describe('canConnect: refused pairs say why', () => {
  const refused: [string, string, RegExp][] = [
    ['function', 'dead-letter-queue', /only receives redriven messages from a queue/],
    ['sql-database', 'dead-letter-queue', /only receives redriven messages/],
    ['dead-letter-queue', 'sql-database', /read and written by services/],
    ['nosql-table', 'read-replica', /only receives replication from a SQL database/],
    ['queue', 'sql-database', /read and written by services/],
    ['sql-database', 'function', /./],
    ['client', 'queue', /./],
  ];
  it.each(refused)('%s -> %s is refused', (source, target, reason) => {
    const r = canConnect(doc, source, target);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('not-accepted');
    expect(r.reason).toMatch(reason);
  });

  it('refuses a replication edge from a service to a read replica (writes go to the primary)', () => {
    const r = canConnect(doc, 'container-service', 'read-replica', { kind: 'replication' });
    expect(r).toMatchObject({ ok: false, code: 'wrong-edge-kind' });
    if (!r.ok) expect(r.reason).toContain('as sync, not replication');
  });

  it('refuses groups, self-connections, unknown nodes and duplicates', () => {
    expect(canConnect(doc, 'region', 'function')).toMatchObject({ ok: false, code: 'group' });
    expect(canConnect(doc, 'function', 'vpc')).toMatchObject({ ok: false, code: 'group' });
    expect(canConnect(doc, 'function', 'function')).toMatchObject({ ok: false, code: 'same-node' });
    expect(canConnect(doc, 'function', 'nope')).toMatchObject({ ok: false, code: 'unknown-node' });
    const withEdge = { ...doc, edges: [{ id: 'e', source: 'queue', target: 'function' }] };
    expect(canConnect(withEdge, 'queue', 'function')).toMatchObject({ ok: false, code: 'duplicate' });
    expect(canConnect(withEdge, 'queue', 'function', { ignoreEdgeId: 'e' })).toMatchObject({ ok: true });
  });
});
