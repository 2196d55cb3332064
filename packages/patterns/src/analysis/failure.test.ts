import { describe, expect, it } from 'vitest';
import { load } from '../diff/test-support';
import type { ArchitectureDocument, DocumentNode } from '../document/schema';
import { emptyDocument, insertTemplate } from '../index';
import { analyzeFailure } from './failure';
import { analysisTargets } from './targets';

/** A template as a loaded document, optionally edited. */
function template(
  id: string,
  edit: (doc: ArchitectureDocument) => Partial<ArchitectureDocument> = () => ({}),
) {
  const doc = insertTemplate(emptyDocument('Test'), id).document;
  return load({ ...JSON.parse(JSON.stringify(doc)), ...edit(doc) });
}

/** The seed's multi-region active-active design (the template renders it). */
const multiRegion = (dns: Record<string, unknown> = {}) =>
  template('multi-region-active-active', (doc) => ({
    nodes: doc.nodes.map((n) => (n.id === 'dns' ? { ...n, config: { ...n.config, ...dns } } : n)),
  }));

/**
 * The seed's three-tier design with a single-AZ database placed in zone us-east-1a: the data
 * subnet moves into an availability-zone group of the VPC.
 */
const threeTier = (db: Record<string, unknown> = { multiAz: false }) =>
  template('three-tier-web-app', (doc) => ({
    nodes: [
      ...doc.nodes.map((n): DocumentNode => {
        if (n.id === 'data-subnet') return { ...n, parent: 'az-a' };
        if (n.id === 'app-db') return { ...n, config: { ...n.config, ...db } };
        return n;
      }),
      {
        id: 'az-a',
        kind: 'availability-zone',
        label: 'Zone A',
        parent: 'vpc',
        config: { name: 'us-east-1a' },
      },
    ],
  }));

describe('analyzeFailure: the seed designs (issue 9 acceptance)', () => {
  it('multi-region active-active: losing one region leaves every client path working through the other', () => {
    for (const region of ['us-east-1', 'eu-west-1']) {
      const other = region === 'us-east-1' ? 'eu-west-1' : 'us-east-1';
      const a = analyzeFailure(multiRegion(), { regions: [region] });
      expect(a.paths.length).toBeGreaterThan(0);
      for (const p of a.paths) {
        expect(p.status, `${p.description}: ${p.reason}`).toBe('working');
        expect(p.reason).toContain(`Served through ${other}`);
        // Both regions' routes belong to the path; the failed region's route is the broken one.
        expect(p.routes.map((r) => r.status).sort()).toEqual(['broken', 'working']);
      }
      expect(a.failedNodeIds).toEqual(
        expect.arrayContaining([region, `alb-${region}`, `app-${region}`, `table-${region}`]),
      );
      expect(a.failedNodeIds).not.toContain(`app-${other}`);
      expect(a.failedNodeIds).not.toContain('dns');
      expect(a.summary).toContain(`If region ${region} fails`);
      expect(a.summary).toContain(`All ${a.paths.length} client paths keep working`);
    }
  });

  it('multi-region: the same when the region group is marked as a failed node', () => {
    const a = analyzeFailure(multiRegion(), { nodes: ['eu-west-1'] });
    expect(a.counts).toEqual({ working: a.paths.length, degraded: 0, broken: 0 });
    expect(a.failedNodeIds).toContain('table-eu-west-1');
  });

  it('three-tier with a single-AZ database: losing its zone breaks the writes', () => {
    const a = analyzeFailure(threeTier(), { zones: ['us-east-1a'] });
    const writes = a.paths.find((p) => p.targetId === 'app-db');
    expect(writes?.access).toBe('readwrite');
    expect(writes?.status).toBe('broken');
    expect(writes?.reason).toContain('writes to "Main DB (RDS PostgreSQL)" fail');
    expect(writes?.failedNodeIds).toEqual(['app-db']);
    expect(a.failedNodeIds).toEqual(expect.arrayContaining(['az-a', 'data-subnet', 'app-db']));
    // S3 is regional and the service runs in the other subnets: those paths keep working.
    expect(a.paths.find((p) => p.id === 'users>cdn>assets')?.status).toBe('working');
    expect(a.paths.find((p) => p.targetId === 'app-secrets')?.status).toBe('working');
    // The two-node cache in the same subnet fails over instead of going down.
    expect(a.impacts.find((i) => i.nodeId === 'app-cache')?.state).toBe('failover');
    expect(a.paths.find((p) => p.targetId === 'app-cache')?.status).toBe('degraded');
    expect(a.affected.nodeIds).toContain('app-db');
    expect(a.affected.edgeIds).toContain('e-app-db');
    expect(a.summary).toMatch(/If zone us-east-1a fails, 3 nodes go down and 1 fails over to a standby\./);
    expect(a.summary).toContain('1 break');
  });

  it('three-tier with a Multi-AZ database: the zone loss degrades the writes (failover) instead', () => {
    const a = analyzeFailure(threeTier({ multiAz: true }), { zones: ['az-a'] });
    const writes = a.paths.find((p) => p.targetId === 'app-db');
    expect(writes?.status).toBe('degraded');
    expect(writes?.reason).toContain('fails over to its Multi-AZ standby');
    expect(a.counts.broken).toBe(0);
  });

  it('flags a single-AZ database that is not placed in any zone as at risk', () => {
    const doc = template('three-tier-web-app', (d) => ({
      nodes: d.nodes.map((n) => (n.id === 'app-db' ? { ...n, config: { ...n.config, multiAz: false } } : n)),
    }));
    const a = analyzeFailure(doc, { zones: ['us-east-1b'] });
    expect(a.failedNodeIds).toEqual([]);
    expect(a.atRisk.map((r) => r.nodeId)).toEqual(['app-db']);
    expect(a.summary).toContain('At risk: "Main DB (RDS PostgreSQL)" runs in a single zone');
  });
});

/** Client -> API -> producer -> queue -> worker -> table, and a DLQ on the queue. */
const queueDesign = () =>
  load({
    nodes: [
      { id: 'users', kind: 'client', label: 'Users' },
      { id: 'api', kind: 'api-gateway', label: 'API' },
      { id: 'producer', kind: 'function', label: 'Producer' },
      { id: 'jobs', kind: 'queue', label: 'Jobs' },
      { id: 'jobs-dlq', kind: 'dead-letter-queue', label: 'Jobs DLQ' },
      { id: 'worker', kind: 'function', label: 'Worker' },
      { id: 'results', kind: 'nosql-table', label: 'Results' },
    ],
    edges: [
      { source: 'users', target: 'api' },
      { source: 'api', target: 'producer' },
      { source: 'producer', target: 'jobs' },
      { source: 'jobs', target: 'worker' },
      { source: 'jobs', target: 'jobs-dlq', kind: 'redrive' },
      { source: 'worker', target: 'results' },
    ],
  });

describe('analyzeFailure: queues, nodes, replicas and regions', () => {
  it('a queue in front of a failed consumer buffers: the path degrades, it does not break', () => {
    const a = analyzeFailure(queueDesign(), { nodes: ['worker'] });
    expect(a.paths).toHaveLength(1);
    const [p] = a.paths;
    expect(p?.status).toBe('degraded');
    expect(p?.reason).toContain('messages wait in the queue "Jobs" until it recovers (kept for 4 days)');
    expect(p?.nodeIds).toEqual(['users', 'api', 'producer', 'jobs', 'worker', 'results']);
    // The DLQ is a side branch, not a client path.
    expect(a.paths.some((x) => x.nodeIds.includes('jobs-dlq'))).toBe(false);
  });

  it('a failed queue breaks the path: the producer cannot send', () => {
    const a = analyzeFailure(queueDesign(), { nodes: ['jobs'] });
    expect(a.paths[0]?.status).toBe('broken');
    expect(a.paths[0]?.reason).toContain('"Producer" cannot send to it');
  });

  it('a failed node on a synchronous hop breaks every path through it', () => {
    const a = analyzeFailure(template('three-tier-web-app'), { nodes: ['app-service'] });
    const through = a.paths.filter((p) => p.nodeIds.includes('app-service'));
    expect(through.length).toBeGreaterThan(0);
    for (const p of through) {
      expect(p.status).toBe('broken');
      expect(p.reason).toContain('"App service (ECS Fargate)" is down (marked as failed)');
    }
    expect(a.paths.find((p) => p.id === 'users>cdn>assets')?.status).toBe('working');
    expect(a.failedNodeIds).toEqual(['app-service']);
  });

  it('a read replica serves the reads of a failed primary; its writes break', () => {
    const doc = load({
      nodes: [
        { id: 'users', kind: 'client', label: 'Users' },
        { id: 'app', kind: 'container-service', label: 'App' },
        { id: 'db', kind: 'sql-database', label: 'DB', config: { multiAz: true } },
        { id: 'replica', kind: 'read-replica', label: 'Replica' },
      ],
      edges: [
        { source: 'users', target: 'app' },
        { id: 'reads', source: 'app', target: 'db', config: { access: 'read' } },
        { id: 'writes', source: 'app', target: 'db', config: { access: 'write' } },
        { source: 'db', target: 'replica', kind: 'replication' },
      ],
    });
    const a = analyzeFailure(doc, { nodes: ['db'] });
    const byAccess = Object.fromEntries(a.paths.map((p) => [p.access, p]));
    expect(byAccess.read?.status).toBe('degraded');
    expect(byAccess.read?.reason).toContain('reads are served by its replica "Replica"');
    expect(byAccess.write?.status).toBe('broken');
  });

  it('a region with no failover breaks its paths', () => {
    const doc = load({
      nodes: [
        { id: 'users', kind: 'client', label: 'Users' },
        { id: 'dns', kind: 'dns', label: 'DNS', config: { routing: 'latency', healthChecks: 1 } },
        { id: 'use1', kind: 'region', label: 'US East', config: { name: 'us-east-1' } },
        { id: 'alb', kind: 'load-balancer', label: 'ALB', parent: 'use1' },
        { id: 'app', kind: 'container-service', label: 'App', parent: 'use1' },
        { id: 'table', kind: 'nosql-table', label: 'Table', parent: 'use1' },
      ],
      edges: [
        { source: 'users', target: 'dns' },
        { source: 'dns', target: 'alb' },
        { source: 'alb', target: 'app' },
        { source: 'app', target: 'table' },
      ],
    });
    const a = analyzeFailure(doc, { regions: ['use1'] });
    expect(a.counts).toEqual({ working: 0, degraded: 0, broken: 1 });
    expect(a.paths[0]?.reason).toBe(
      '"ALB" is down (in the failed region us-east-1): "DNS" still sends clients to it, and their requests fail.',
    );
    expect(a.summary).toContain('Of 1 client path, 0 keep working, 0 degrade and 1 breaks.');
  });

  it('DNS without health checks cannot route around a failed region by itself: degraded', () => {
    const a = analyzeFailure(multiRegion({ healthChecks: 0 }), { regions: ['us-east-1'] });
    expect(a.paths.length).toBeGreaterThan(0);
    for (const p of a.paths) {
      expect(p.status).toBe('degraded');
      expect(p.reason).toContain('without health checks');
    }
  });

  it('reports nothing failed, and names what it cannot find', () => {
    const ok = analyzeFailure(queueDesign(), {});
    expect(ok.counts).toEqual({ working: 1, degraded: 0, broken: 0 });
    expect(ok.summary).toBe('Nothing is marked as failed. The client path keeps working.');
    const unknown = analyzeFailure(queueDesign(), {
      nodes: ['nope'],
      regions: ['mars-1'],
      zones: ['zone-x'],
    });
    expect(unknown.unknown).toEqual(['nope', 'mars-1', 'zone-x']);
    expect(unknown.summary).toContain('Not found in the design: nope, mars-1 and zone-x.');
  });

  it('ends a path at a database: its own calls (rotated credentials) are not the request', () => {
    const doc = load({
      nodes: [
        { id: 'users', kind: 'client', label: 'Users' },
        { id: 'app', kind: 'container-service', label: 'App' },
        { id: 'db', kind: 'sql-database', label: 'DB' },
        { id: 'vault', kind: 'secrets-vault', label: 'Vault' },
      ],
      edges: [
        { source: 'users', target: 'app' },
        { source: 'app', target: 'db' },
        { source: 'db', target: 'vault' },
      ],
    });
    const a = analyzeFailure(doc, { nodes: ['vault'] });
    expect(a.paths.map((p) => [p.id, p.status])).toEqual([['users>app>db', 'working']]);
  });

  it('ends routes at a cycle instead of looping', () => {
    const doc = load({
      nodes: [
        { id: 'users', kind: 'client', label: 'Users' },
        { id: 'a', kind: 'container-service', label: 'A' },
        { id: 'b', kind: 'container-service', label: 'B' },
      ],
      edges: [
        { source: 'users', target: 'a' },
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ],
    });
    const a = analyzeFailure(doc, { nodes: ['b'] });
    expect(a.paths.map((p) => p.id)).toEqual(['users>a>b']);
    expect(a.paths[0]?.status).toBe('broken');
  });

  it('offers the regions, zones and entry nodes a review can fail or start from', () => {
    const multi = analysisTargets(multiRegion());
    expect(multi.entryIds).toEqual(['users']);
    expect(multi.regions).toEqual([
      { id: 'us-east-1', name: 'us-east-1', label: 'us-east-1', nodeCount: 5 },
      { id: 'eu-west-1', name: 'eu-west-1', label: 'eu-west-1', nodeCount: 5 },
    ]);
    expect(multi.zones).toEqual([]);
    const tier = analysisTargets(threeTier());
    // No region group: the document's region holds every node but the client and the CDN.
    expect(tier.regions).toEqual([{ id: 'us-east-1', name: 'us-east-1', label: 'us-east-1', nodeCount: 11 }]);
    expect(tier.zones).toEqual([{ id: 'az-a', name: 'us-east-1a', label: 'Zone A', nodeCount: 4 }]);
    // Each offered target fails exactly the nodes it counts.
    expect(analyzeFailure(threeTier(), { zones: ['az-a'] }).impacts).toHaveLength(4);
    expect(analyzeFailure(threeTier(), { regions: ['us-east-1'] }).failedNodeIds).toHaveLength(11);
  });
});
