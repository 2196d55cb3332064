/*
 * Generated designs aimed at the design rules: services, data stores, messaging and front doors
 * spread over two regions with VPCs and public/private subnets, connected only in ways the
 * catalog allows (random access modes and resilience settings), with random suppressions.
 */
import fc from 'fast-check';
import { canContain, findKind } from '../catalog/registry';
import { allowedEdgeKinds } from '../connections/can-connect';
import type { ArchitectureDocument, DocumentEdge, DocumentNode, Suppression } from '../document/schema';
import { RULE_IDS } from '../rules/registry';

const GROUPS: DocumentNode[] = [
  { id: 'east', kind: 'region', label: 'east', config: { name: 'us-east-1' } },
  { id: 'west', kind: 'region', label: 'west', config: { name: 'eu-west-1' } },
  { id: 'vpc-e', kind: 'vpc', label: 'vpc e', parent: 'east', config: { defaultDeny: true } },
  { id: 'vpc-w', kind: 'vpc', label: 'vpc w', parent: 'west' },
  { id: 'pub-e', kind: 'subnet', label: 'pub e', parent: 'vpc-e', config: { public: true } },
  { id: 'priv-e', kind: 'subnet', label: 'priv e', parent: 'vpc-e', config: { public: false } },
  { id: 'eks', kind: 'kubernetes-cluster', label: 'eks', parent: 'vpc-w', config: { defaultDeny: false } },
];

const LEAF_KINDS = [
  'client',
  'cdn',
  'dns',
  'load-balancer',
  'api-gateway',
  'auth',
  'container-service',
  'function',
  'kubernetes-service',
  'external-service',
  'queue',
  'dead-letter-queue',
  'topic',
  'sql-database',
  'read-replica',
  'nosql-table',
  'document-database',
  'cache',
  'search-index',
  'secrets-vault',
] as const;

function configFor(kind: string, r: number): Record<string, unknown> | undefined {
  switch (kind) {
    case 'client':
      return r % 3 === 0 ? undefined : { requestsPerSecond: [1, 5, 50, 500][r % 4] };
    case 'api-gateway':
      return { auth: ['none', 'jwt'][r % 2], ...(r % 3 === 0 ? { rateLimitPerSecond: 100 } : {}) };
    case 'sql-database':
      return { multiAz: r % 2 === 0 };
    case 'document-database':
      return { instances: 1 + (r % 3) };
    case 'queue':
    case 'dead-letter-queue':
      return { fifo: r % 4 === 0 };
    case 'kubernetes-service':
      return r % 2 === 0
        ? undefined
        : {
            versions: [
              { name: 'stable', weight: 10 + (r % 90) },
              { name: 'canary', weight: r % 25 },
            ],
          };
    default:
      return undefined;
  }
}

export const ruleDesigns: fc.Arbitrary<ArchitectureDocument> = fc
  .record({
    kinds: fc.array(fc.constantFrom(...LEAF_KINDS), { minLength: 2, maxLength: 14 }),
    seeds: fc.array(fc.nat(1000), { minLength: 60, maxLength: 60 }),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 30 }),
    suppressions: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 3 }),
    environment: fc.constantFrom('production', 'staging', 'development' as const),
    budget: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
  })
  .map(({ kinds, seeds, pairs, suppressions, environment, budget }) => {
    const seed = (i: number) => seeds[i % seeds.length] as number;
    const nodes: DocumentNode[] = GROUPS.map((g) => ({ ...g }));
    kinds.forEach((kind, i) => {
      const parents = GROUPS.filter((g) => canContain(g.kind, kind)).map((g) => g.id);
      const pick = seed(i) % (parents.length + 1);
      const node: DocumentNode = { id: `n${i}`, kind, label: `${kind} ${i}` };
      if (pick < parents.length) node.parent = parents[pick] as string;
      const config = configFor(kind, seed(i + 20));
      if (config) node.config = config;
      nodes.push(node);
    });
    const leaves = nodes.slice(GROUPS.length);
    const edges: DocumentEdge[] = [];
    const seen = new Set<string>();
    for (const [a, b, k, c] of pairs) {
      const s = leaves[a % leaves.length] as DocumentNode;
      const t = leaves[b % leaves.length] as DocumentNode;
      const sk = findKind(s.kind);
      const tk = findKind(t.kind);
      const allowed = sk && tk ? allowedEdgeKinds(sk, tk) : [];
      if (s.id === t.id || allowed.length === 0) continue;
      const kind = allowed[k % allowed.length] as DocumentEdge['kind'];
      if (seen.has(`${s.id}>${t.id}>${kind}`)) continue;
      seen.add(`${s.id}>${t.id}>${kind}`);
      const edge: DocumentEdge = { id: `e${edges.length}`, source: s.id, target: t.id, kind };
      const config: DocumentEdge['config'] = {};
      if (c % 3 === 1) config.access = 'read';
      if (c % 3 === 2) config.access = 'write';
      if (c % 5 === 0)
        Object.assign(config, {
          timeoutMs: 500,
          retry: { maxAttempts: 2 },
          circuitBreaker: { failureThreshold: 3 },
        });
      if (Object.keys(config).length > 0) edge.config = config;
      edges.push(edge);
    }
    const doc: ArchitectureDocument = {
      stackdraft: 1,
      name: 'Generated',
      provider: 'aws',
      region: 'us-east-1',
      environment,
      nodes,
      edges,
    };
    if (budget !== undefined) doc.budget = budget;
    const sup: Suppression[] = suppressions.map(([r, n, withNode]) => ({
      rule: RULE_IDS[r % RULE_IDS.length] as string,
      ...(withNode ? { nodeId: (leaves[n % leaves.length] as DocumentNode).id } : {}),
      reason: 'accepted in a test',
    }));
    if (sup.length > 0) doc.suppressions = sup;
    return doc;
  });
