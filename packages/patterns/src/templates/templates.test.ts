import { describe, expect, it } from 'vitest';
import {
  type ArchitectureDocument,
  canConnect,
  type DocumentEdge,
  type DocumentNode,
  emptyDocument,
  findKind,
  findTemplate,
  ID_PATTERN,
  insertFragment,
  insertTemplate,
  isGroupKind,
  loadDocument,
  parseDocument,
  resolveConfig,
  serializeDocument,
  TEMPLATES,
  type TemplateDefinition,
  type Trait,
} from '../index';

/** Size a non-group node is assumed to take on the canvas, to check that groups hold their children. */
const NODE_WIDTH = 200;
const NODE_HEIGHT = 80;

function inserted(t: TemplateDefinition): ArchitectureDocument {
  return insertFragment(emptyDocument(), t.build()).document;
}

function hasTrait(doc: Pick<ArchitectureDocument, 'nodes'>, id: string, trait: Trait): boolean {
  const node = doc.nodes.find((n) => n.id === id);
  return node !== undefined && (findKind(node.kind)?.traits ?? []).includes(trait);
}

function node(doc: Pick<ArchitectureDocument, 'nodes'>, id: string): DocumentNode {
  const n = doc.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

function config<T = Record<string, unknown>>(doc: Pick<ArchitectureDocument, 'nodes'>, id: string): T {
  return resolveConfig<T>(node(doc, id));
}

function ofKind(doc: Pick<ArchitectureDocument, 'nodes'>, kind: string): DocumentNode[] {
  return doc.nodes.filter((n) => n.kind === kind);
}

function edgesBetween(
  doc: Pick<ArchitectureDocument, 'edges'>,
  source: string,
  target: string,
): DocumentEdge[] {
  return doc.edges.filter((e) => e.source === source && e.target === target);
}

const isWriteAccess = (e: DocumentEdge) => (e.config?.access ?? 'readwrite') !== 'read';

describe('the template registry', () => {
  it('lists 13 templates with unique ids and names', () => {
    expect(TEMPLATES).toHaveLength(13);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(new Set(TEMPLATES.map((t) => t.name)).size).toBe(TEMPLATES.length);
  });

  it('finds every template by id, and inserts it by id', () => {
    for (const t of TEMPLATES) {
      expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(findTemplate(t.id)).toBe(t);
      expect(t.description.length).toBeGreaterThan(20);
      expect(t.pattern.length).toBeGreaterThan(0);
      const r = insertTemplate(emptyDocument(), t.id);
      expect(r.document.nodes.length).toBe(t.build().nodes.length);
    }
    expect(findTemplate('no-such-template')).toBeUndefined();
    expect(() => insertTemplate(emptyDocument(), 'no-such-template')).toThrow(/Unknown template/);
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, t) => {
  it('inserted into an empty document, gives a document loadDocument accepts', () => {
    const r = loadDocument(inserted(t));
    if (!r.ok) console.error(t.id, r.errors);
    expect(r.ok).toBe(true);
  });

  it('builds a fresh fragment each call', () => {
    const a = t.build();
    const b = t.build();
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.nodes[0]).not.toBe(b.nodes[0]);
    const first = a.nodes.find((n) => n.config !== undefined);
    if (first?.config) {
      first.config.mutated = true;
      expect(b.nodes.find((n) => n.id === first.id)?.config).not.toHaveProperty('mutated');
    }
  });

  it('uses short kebab-case ids, human labels and explicit edge kinds', () => {
    const f = t.build();
    for (const n of f.nodes) {
      expect(n.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(n.id.length).toBeLessThanOrEqual(40);
      expect(n.label.trim().length).toBeGreaterThan(0);
    }
    for (const e of f.edges) {
      expect(e.id).toMatch(/^e-[a-z0-9-]+$/);
      expect(e.id).toMatch(ID_PATTERN);
      expect(e.kind).toBeDefined();
    }
  });

  it('draws only edges the catalog allows', () => {
    const doc = inserted(t);
    for (const e of doc.edges) {
      const r = canConnect(
        { nodes: doc.nodes, edges: [] },
        e.source,
        e.target,
        e.kind ? { kind: e.kind } : {},
      );
      if (!r.ok) console.error(t.id, e.id, r.reason);
      expect(r.ok, `${e.id}: ${e.source} -> ${e.target} (${e.kind})`).toBe(true);
    }
  });

  it('has no duplicate edges and no orphan nodes', () => {
    const doc = inserted(t);
    const keys = doc.edges.map((e) => `${e.source}>${e.target}>${e.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    const connected = new Set(doc.edges.flatMap((e) => [e.source, e.target]));
    const orphans = doc.nodes.filter((n) => !isGroupKind(n.kind) && !connected.has(n.id)).map((n) => n.id);
    expect(orphans).toEqual([]);
    // Every group holds something.
    const parents = new Set(doc.nodes.map((n) => n.parent));
    const empty = doc.nodes.filter((n) => isGroupKind(n.kind) && !parents.has(n.id)).map((n) => n.id);
    expect(empty).toEqual([]);
  });

  it('places every node, lists groups before their children and sizes groups to hold them', () => {
    const f = t.build();
    const index = new Map(f.nodes.map((n, i) => [n.id, i]));
    for (const [i, n] of f.nodes.entries()) {
      expect(n.position, `${n.id} has a position`).toBeDefined();
      if (isGroupKind(n.kind)) expect(n.size, `${n.id} has a size`).toBeDefined();
      if (n.parent === undefined) continue;
      const parent = f.nodes[index.get(n.parent) ?? -1];
      expect(parent, `${n.id}'s parent ${n.parent} is in the fragment`).toBeDefined();
      if (!parent?.size || !n.position) continue;
      expect(index.get(n.parent)).toBeLessThan(i);
      const width = n.size?.width ?? NODE_WIDTH;
      const height = n.size?.height ?? NODE_HEIGHT;
      expect(n.position.x, `${n.id} inside ${parent.id}`).toBeGreaterThanOrEqual(20);
      expect(n.position.y, `${n.id} below ${parent.id}'s title`).toBeGreaterThanOrEqual(40);
      expect(n.position.x + width, `${n.id} inside ${parent.id}`).toBeLessThanOrEqual(parent.size.width - 20);
      expect(n.position.y + height, `${n.id} inside ${parent.id}`).toBeLessThanOrEqual(
        parent.size.height - 20,
      );
    }
  });

  it('inserted twice, gives unique ids and a second copy wired to its own nodes', () => {
    const fragment = t.build();
    const once = insertFragment(emptyDocument(), fragment);
    const twice = insertFragment(once.document, t.build(), { at: { x: 2000, y: 0 } });
    const doc = twice.document;
    expect(loadDocument(doc).ok).toBe(true);
    expect(new Set(doc.nodes.map((n) => n.id)).size).toBe(2 * fragment.nodes.length);
    expect(new Set(doc.edges.map((e) => e.id)).size).toBe(2 * fragment.edges.length);

    const firstIds = new Set(once.document.nodes.map((n) => n.id));
    const secondIds = new Set([...twice.idMap.values()]);
    for (const id of secondIds) expect(firstIds.has(id)).toBe(false);
    const secondEdges = doc.edges.filter((e) => twice.insertedEdgeIds.includes(e.id));
    expect(secondEdges).toHaveLength(fragment.edges.length);
    for (const [i, e] of secondEdges.entries()) {
      const original = fragment.edges[i] as DocumentEdge;
      expect(e.source).toBe(twice.idMap.get(original.source));
      expect(e.target).toBe(twice.idMap.get(original.target));
      expect(secondIds.has(e.source) && secondIds.has(e.target)).toBe(true);
    }
    for (const n of doc.nodes.filter((x) => secondIds.has(x.id) && x.parent !== undefined)) {
      expect(secondIds.has(n.parent as string)).toBe(true);
    }
  });

  it('round-trips through YAML', () => {
    const doc = inserted(t);
    const r = parseDocument(serializeDocument(doc, 'yaml'), { format: 'yaml' });
    if (!r.ok) console.error(t.id, r.errors);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.document).toEqual(doc);
  });

  describe('is a best-practice example', () => {
    it('has a client with a request rate as its traffic entry', () => {
      const doc = inserted(t);
      const clients = ofKind(doc, 'client');
      expect(clients.length).toBeGreaterThan(0);
      for (const c of clients) expect(c.config?.requestsPerSecond).toBeGreaterThan(0);
    });

    it('gives every queue a dead-letter queue, and every dead-letter queue a source', () => {
      const doc = inserted(t);
      for (const q of ofKind(doc, 'queue')) {
        const redrives = doc.edges.filter((e) => e.source === q.id && e.kind === 'redrive');
        expect(redrives.length, `${q.id} redrives`).toBeGreaterThan(0);
        for (const e of redrives) expect(node(doc, e.target).kind).toBe('dead-letter-queue');
      }
      for (const dlq of ofKind(doc, 'dead-letter-queue')) {
        expect(doc.edges.some((e) => e.target === dlq.id && e.kind === 'redrive')).toBe(true);
      }
    });

    it('puts timeout, retry with backoff and jitter, and a circuit breaker on calls between services', () => {
      const doc = inserted(t);
      const calls = doc.edges.filter(
        (e) => e.kind === 'sync' && hasTrait(doc, e.source, 'compute') && hasTrait(doc, e.target, 'compute'),
      );
      for (const e of calls) {
        expect(e.config?.timeoutMs, e.id).toBeGreaterThan(0);
        expect(e.config?.retry?.maxAttempts, e.id).toBeGreaterThan(1);
        expect(e.config?.retry?.baseDelayMs, e.id).toBeGreaterThan(0);
        expect(e.config?.retry?.jitter, e.id).toBe(true);
        expect(e.config?.circuitBreaker?.failureThreshold, e.id).toBeGreaterThan(0);
      }
    });

    it('gives API gateways auth and a rate limit', () => {
      const doc = inserted(t);
      for (const g of ofKind(doc, 'api-gateway')) {
        const c = config<{ auth: string; rateLimitPerSecond?: number }>(doc, g.id);
        expect(c.auth).not.toBe('none');
        expect(c.rateLimitPerSecond).toBeGreaterThan(0);
      }
    });

    it('runs SQL and document databases in more than one availability zone', () => {
      const doc = inserted(t);
      for (const db of ofKind(doc, 'sql-database')) expect(config(doc, db.id).multiAz, db.id).toBe(true);
      for (const db of ofKind(doc, 'document-database')) {
        expect(config<{ instances: number }>(doc, db.id).instances, db.id).toBeGreaterThanOrEqual(2);
      }
    });

    it('denies network traffic by default in VPCs and clusters', () => {
      const doc = inserted(t);
      for (const g of [...ofKind(doc, 'vpc'), ...ofKind(doc, 'kubernetes-cluster')]) {
        expect(config(doc, g.id).defaultDeny, g.id).toBe(true);
      }
    });

    it('keeps databases private: no client, CDN or public-subnet node reaches one directly', () => {
      const doc = inserted(t);
      const publicSubnets = new Set(
        ofKind(doc, 'subnet')
          .filter((s) => config(doc, s.id).public === true)
          .map((s) => s.id),
      );
      for (const e of doc.edges) {
        if (!hasTrait(doc, e.target, 'database') && node(doc, e.target).kind !== 'read-replica') continue;
        const source = node(doc, e.source);
        expect(['client', 'cdn'], e.id).not.toContain(source.kind);
        expect(source.parent !== undefined && publicSubnets.has(source.parent), e.id).toBe(false);
        expect(
          node(doc, e.target).parent !== undefined && publicSubnets.has(node(doc, e.target).parent as string),
        ).toBe(false);
      }
    });

    it('lets each database be written by one service only, and never writes to a replica', () => {
      const doc = inserted(t);
      for (const db of doc.nodes.filter((n) => hasTrait(doc, n.id, 'database'))) {
        const writers = new Set(
          doc.edges
            .filter((e) => e.target === db.id && hasTrait(doc, e.source, 'compute') && isWriteAccess(e))
            .map((e) => e.source),
        );
        expect(writers.size, db.id).toBeLessThanOrEqual(1);
      }
      for (const r of ofKind(doc, 'read-replica')) {
        const into = doc.edges.filter((e) => e.target === r.id);
        expect(
          into.some((e) => e.kind === 'replication' && node(doc, e.source).kind === 'sql-database'),
        ).toBe(true);
        for (const e of into.filter((x) => x.kind === 'sync' || x.kind === 'async')) {
          expect(e.config?.access, e.id).toBe('read');
        }
      }
    });

    it('keeps database credentials in a secrets vault that the services using them read', () => {
      const doc = inserted(t);
      const credentialed = new Set(['sql-database', 'document-database', 'read-replica']);
      const users = new Set(
        doc.edges
          .filter((e) => hasTrait(doc, e.source, 'compute') && credentialed.has(node(doc, e.target).kind))
          .map((e) => e.source),
      );
      const usesAnyDatabase = doc.edges.some(
        (e) =>
          hasTrait(doc, e.source, 'compute') &&
          (hasTrait(doc, e.target, 'database') || credentialed.has(node(doc, e.target).kind)),
      );
      if (usesAnyDatabase) expect(ofKind(doc, 'secrets-vault').length).toBeGreaterThan(0);
      for (const service of users) {
        const reads = doc.edges.filter(
          (e) => e.source === service && node(doc, e.target).kind === 'secrets-vault',
        );
        expect(reads.length, `${service} reads a secrets vault`).toBeGreaterThan(0);
      }
    });
  });
});

/** The template's fragment as a document, for the pattern-specific facts below. */
function doc(id: string): ArchitectureDocument {
  const t = findTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return inserted(t);
}

describe('what each template renders', () => {
  it('three-tier web app: CDN and ALB, Fargate with 3 tasks on 8080, Multi-AZ PostgreSQL, cache and S3 in a VPC', () => {
    const d = doc('three-tier-web-app');
    expect(ofKind(d, 'cdn')).toHaveLength(1);
    expect(config(d, 'alb')).toMatchObject({ type: 'application' });
    expect(config(d, 'app-service')).toMatchObject({ platform: 'fargate', tasks: 3, port: 8080 });
    expect(config(d, 'app-db')).toMatchObject({
      engine: 'postgres',
      instanceClass: 'db.t3.medium',
      multiAz: true,
    });
    expect(ofKind(d, 'cache')).toHaveLength(1);
    expect(ofKind(d, 'object-storage')).toHaveLength(1);
    const subnets = ofKind(d, 'subnet');
    expect(subnets.some((s) => config(d, s.id).public === true)).toBe(true);
    expect(subnets.some((s) => config(d, s.id).public === false)).toBe(true);
    expect(subnets.every((s) => s.parent === 'vpc')).toBe(true);
    expect(node(d, 'alb').parent).toBe('public-subnet');
    expect(config(d, node(d, 'app-service').parent as string).public).toBe(false);
    expect(config(d, node(d, 'app-db').parent as string).public).toBe(false);
  });

  it('queue processing: producer -> queue -> consumer function, and a redrive from the queue to its DLQ', () => {
    const d = doc('queue-processing');
    expect(edgesBetween(d, 'order-producer', 'orders-queue')[0]?.kind).toBe('async');
    expect(edgesBetween(d, 'orders-queue', 'process-order')[0]?.kind).toBe('trigger');
    expect(node(d, 'process-order').kind).toBe('function');
    expect(edgesBetween(d, 'orders-queue', 'orders-dlq')[0]?.kind).toBe('redrive');
    expect(node(d, 'orders-dlq').kind).toBe('dead-letter-queue');
    // The queue hides a message longer than the consumer may take on it.
    expect(
      config<{ visibilityTimeoutS: number }>(d, 'orders-queue').visibilityTimeoutS,
    ).toBeGreaterThanOrEqual(config<{ timeoutS: number }>(d, 'process-order').timeoutS * 6);
  });

  it('API gateway + microservices: Cognito auth, a route to every service, rate limits, database per service', () => {
    const d = doc('api-gateway-microservices');
    expect(config(d, 'api').auth).toBe('cognito');
    expect(edgesBetween(d, 'api', 'user-pool')).toHaveLength(1);
    const routes = new Map(
      d.edges.filter((e) => e.source === 'api' && e.config?.route).map((e) => [e.target, e.config ?? {}]),
    );
    const services = [
      'product-service',
      'order-service',
      'payment-service',
      'shipping-service',
      'notification-service',
    ];
    for (const s of services) expect(routes.has(s), `route to ${s}`).toBe(true);
    expect(routes.get('product-service')?.route).toBe('/products/*');
    expect(routes.get('order-service')).toMatchObject({ route: '/orders/*', rateLimitPerSecond: 0.28 });
    expect(routes.get('payment-service')).toMatchObject({ route: '/payments/*' });
    expect(routes.get('payment-service')?.rateLimitPerSecond).toBeLessThan(
      routes.get('order-service')?.rateLimitPerSecond as number,
    );
    expect(node(d, 'products-table').kind).toBe('nosql-table');
    expect(config(d, 'orders-db').engine).toBe('postgres');
    expect(node(d, 'payments-db').kind).toBe('sql-database');
    expect(node(d, 'shipping-db').kind).toBe('document-database');
    // Each database is used by its own service only.
    for (const db of ['products-table', 'orders-db', 'payments-db', 'shipping-db']) {
      expect(d.edges.filter((e) => e.target === db).map((e) => e.source)).toHaveLength(1);
    }
    // Notifications are event-driven: fed by a queue (from a topic), never called by another service.
    const into = d.edges.filter((e) => e.target === 'notification-service');
    expect(into.filter((e) => e.kind === 'sync').map((e) => e.source)).toEqual(['api']);
    const feed = into.find((e) => e.kind === 'trigger');
    expect(feed && node(d, feed.source).kind).toBe('queue');
    expect(d.edges.some((e) => e.source === 'order-events' && e.target === feed?.source)).toBe(true);
    // No service calls another synchronously.
    const calls = d.edges.filter((e) => hasTrait(d, e.source, 'compute') && hasTrait(d, e.target, 'compute'));
    expect(calls).toEqual([]);
  });

  it('Kafka event streaming: orders.created with one consumer group per consuming service', () => {
    const d = doc('kafka-event-streaming');
    expect(config<{ brokers: number }>(d, 'kafka').brokers).toBeGreaterThanOrEqual(2);
    expect(edgesBetween(d, 'order-service', 'kafka')[0]?.config?.topic).toBe('orders.created');
    expect(edgesBetween(d, 'kafka', 'inventory-service')[0]).toMatchObject({
      kind: 'trigger',
      config: { topic: 'orders.created', consumerGroup: 'inventory-service' },
    });
    const analytics = edgesBetween(d, 'kafka', 'analytics-service')[0];
    expect(analytics).toMatchObject({ kind: 'trigger', config: { topic: 'orders.created' } });
    expect(analytics?.config?.consumerGroup).toBeDefined();
    expect(analytics?.config?.consumerGroup).not.toBe('inventory-service');
    expect(edgesBetween(d, 'inventory-service', 'shipping-service')).toHaveLength(1);
    expect(edgesBetween(d, 'order-service', 'orders-db')[0]?.config?.access).not.toBe('read');
  });

  it('EventBridge fan-out: the enterprise-events bus and its two rules as event patterns', () => {
    const d = doc('eventbridge-fan-out');
    expect(node(d, 'enterprise-events')).toMatchObject({ kind: 'event-bus', label: 'enterprise-events' });
    expect(edgesBetween(d, 'orders-service', 'enterprise-events')).toHaveLength(1);
    expect(edgesBetween(d, 'payments-service', 'enterprise-events')).toHaveLength(1);
    expect(edgesBetween(d, 'enterprise-events', 'process-order')[0]).toMatchObject({
      kind: 'trigger',
      config: {
        eventPattern: { source: ['orders.service'], 'detail-type': ['OrderCreated', 'OrderUpdated'] },
      },
    });
    expect(node(d, 'process-order').kind).toBe('function');
    expect(node(d, 'analytics-stream').kind).toBe('stream');
    expect(edgesBetween(d, 'enterprise-events', 'analytics-stream')[0]?.config?.eventPattern).toEqual({
      source: ['orders.service', 'payments.service'],
    });
  });

  it('serverless image processing: S3 triggers the function, which writes to a separate bucket', () => {
    const d = doc('serverless-image-processing');
    expect(edgesBetween(d, 'uploads', 'resize-image')[0]?.kind).toBe('trigger');
    expect(config(d, 'resize-image')).toMatchObject({ memoryMb: 512 });
    expect(String(config(d, 'resize-image').runtime)).toMatch(/^nodejs/);
    const writes = d.edges.filter((e) => e.source === 'resize-image' && isWriteAccess(e));
    expect(writes.map((e) => e.target)).toEqual(['processed']);
    expect(node(d, 'processed').kind).toBe('object-storage');
    // Nothing the function writes triggers it again.
    expect(d.edges.some((e) => e.source === 'processed' && e.target === 'resize-image')).toBe(false);
  });

  it('Step Functions order workflow: a separate Choice state with a default, Tasks invoking functions of the fragment', () => {
    const d = doc('step-functions-order-workflow');
    type State = {
      name: string;
      type: string;
      resource?: string;
      next?: string;
      end?: boolean;
      default?: string;
      choices?: { variable: string; operator: string; value: unknown; next: string }[];
    };
    const c = config<{ startAt: string; states: State[] }>(d, 'order-workflow');
    expect(c.startAt).toBe('ValidateOrder');
    const byName = new Map(c.states.map((s) => [s.name, s]));
    const choice = c.states.find((s) => s.type === 'Choice');
    expect(choice).toBeDefined();
    expect(choice?.resource).toBeUndefined();
    expect(choice?.choices).toEqual([
      { variable: '$.inventory_available', operator: 'BooleanEquals', value: true, next: 'ProcessPayment' },
    ]);
    expect(choice?.default).toBe('NotifyOutOfStock');
    expect(byName.get('CheckInventory')).toMatchObject({ type: 'Task', next: choice?.name });
    expect(byName.get('CheckInventory')?.choices).toBeUndefined();
    expect(byName.get('ValidateOrder')?.next).toBe('CheckInventory');
    expect(byName.get('ProcessPayment')?.next).toBe('UpdateOrder');
    expect(byName.get('UpdateOrder')?.next).toBe('NotifyCustomer');
    expect(byName.get('NotifyCustomer')?.end).toBe(true);
    expect(byName.get('NotifyOutOfStock')?.end).toBe(true);
    const tasks = c.states.filter((s) => s.type === 'Task');
    expect(tasks).toHaveLength(6);
    for (const s of tasks) {
      expect(node(d, s.resource as string).kind, s.name).toBe('function');
      expect(edgesBetween(d, 'order-workflow', s.resource as string)[0]?.kind, s.name).toBe('sync');
    }
  });

  it('read replicas: a bigger primary, a replica in its region and one in us-west-2, writes to the primary only', () => {
    const d = doc('read-replicas');
    const regionOf = (id: string) => config(d, node(d, id).parent as string).name;
    expect(config(d, 'primary-db').instanceClass).toBe('db.r6g.xlarge');
    const replicas = ofKind(d, 'read-replica');
    expect(replicas).toHaveLength(2);
    for (const r of replicas) {
      expect(config(d, r.id).instanceClass).toBe('db.r6g.large');
      expect(edgesBetween(d, 'primary-db', r.id)[0]?.kind).toBe('replication');
      const reads = d.edges.filter((e) => e.target === r.id && e.kind === 'sync');
      expect(reads.length).toBeGreaterThan(0);
      for (const e of reads) expect(e.config?.access).toBe('read');
    }
    expect(regionOf('primary-db')).toBe('us-east-1');
    expect(replicas.map((r) => regionOf(r.id)).sort()).toEqual(['us-east-1', 'us-west-2']);
    expect(edgesBetween(d, 'orders-service', 'primary-db')[0]?.config?.access).toBe('write');
    expect(edgesBetween(d, 'orders-service', 'replica')[0]?.config?.access).toBe('read');
  });

  it('CQRS: commands write the primary, replication feeds the read model and search, queries read them', () => {
    const d = doc('cqrs-search');
    expect(edgesBetween(d, 'command-handler', 'write-db')[0]?.config?.access).toBe('write');
    expect(edgesBetween(d, 'write-db', 'read-model')[0]?.kind).toBe('replication');
    expect(edgesBetween(d, 'write-db', 'search')[0]?.kind).toBe('replication');
    expect(node(d, 'search').kind).toBe('search-index');
    expect(edgesBetween(d, 'query-handler', 'read-model')[0]?.config?.access).toBe('read');
    expect(edgesBetween(d, 'query-handler', 'search')[0]?.config?.access).toBe('read');
    expect(edgesBetween(d, 'query-handler', 'write-db')).toEqual([]);
  });

  it('multi-region active-active: latency DNS to both regions, a table per region replicated both ways', () => {
    const d = doc('multi-region-active-active');
    expect(config(d, 'dns').routing).toBe('latency');
    expect(node(d, 'dns').parent).toBeUndefined();
    const regions = ofKind(d, 'region');
    expect(regions.map((r) => config(d, r.id).name).sort()).toEqual(['eu-west-1', 'us-east-1']);
    const tables = ofKind(d, 'nosql-table');
    expect(tables).toHaveLength(2);
    const [a, b] = tables.map((t) => t.id) as [string, string];
    expect(node(d, a).parent).not.toBe(node(d, b).parent);
    expect(edgesBetween(d, a, b)[0]?.kind).toBe('replication');
    expect(edgesBetween(d, b, a)[0]?.kind).toBe('replication');
    for (const r of regions) {
      const inside = d.nodes.filter((n) => n.parent === r.id);
      expect(inside.some((n) => hasTrait(d, n.id, 'compute'))).toBe(true);
      const entries = d.edges.filter((e) => e.source === 'dns' && node(d, e.target).parent === r.id);
      expect(entries, `DNS routes to ${r.id}`).toHaveLength(1);
    }
  });

  it('service mesh canary: Istio, default deny, product-service v1 80 / v2 20', () => {
    const d = doc('service-mesh-canary');
    expect(config(d, 'cluster')).toMatchObject({ mesh: 'istio', defaultDeny: true });
    expect(node(d, 'product-service').parent).toBe('cluster');
    const versions = config<{ versions: { name: string; weight: number }[] }>(d, 'product-service').versions;
    expect(versions.reduce((sum, v) => sum + v.weight, 0)).toBe(100);
    expect(versions.find((v) => v.name === 'v2')?.weight).toBe(20);
    expect(versions.find((v) => v.name === 'v1')?.weight).toBe(80);
  });

  it('zero-trust network: default deny everywhere, frontend -> api on 8080 as the one allowed flow', () => {
    const d = doc('zero-trust-network');
    expect(config(d, 'vpc').defaultDeny).toBe(true);
    expect(config(d, 'cluster').defaultDeny).toBe(true);
    expect(config(d, 'api').port).toBe(8080);
    const between = d.edges.filter(
      (e) => hasTrait(d, e.source, 'compute') && hasTrait(d, e.target, 'compute'),
    );
    expect(between.map((e) => [e.source, e.target])).toEqual([['frontend', 'api']]);
    expect(between[0]?.label).toMatch(/8080/);
  });

  it('secrets management: every service reads its credentials from Secrets Manager, which rotates them', () => {
    const d = doc('secrets-management');
    const vault = ofKind(d, 'secrets-vault');
    expect(vault).toHaveLength(1);
    expect(config<{ rotationDays: number }>(d, 'secrets').rotationDays).toBeGreaterThan(0);
    for (const db of ofKind(d, 'sql-database')) {
      const owner = d.edges.find((e) => e.target === db.id && hasTrait(d, e.source, 'compute'));
      expect(owner && edgesBetween(d, owner.source, 'secrets')[0]?.config?.access).toBe('read');
      expect(edgesBetween(d, db.id, 'secrets')[0]?.label).toBe('rotation');
    }
  });
});

describe('node ids inside configs follow the insertion', () => {
  it('a second Step Functions workflow invokes its own functions, not the first copy', () => {
    const once = insertTemplate(emptyDocument(), 'step-functions-order-workflow');
    const twice = insertTemplate(once.document, 'step-functions-order-workflow');
    const machine = twice.document.nodes.find(
      (n) => n.id === twice.idMap.get('order-workflow') && n.kind === 'state-machine',
    );
    const resources = ((machine?.config?.states ?? []) as { resource?: string }[]).flatMap((s) =>
      s.resource ? [s.resource] : [],
    );
    expect(resources.length).toBeGreaterThan(0);
    for (const r of resources) {
      expect([...twice.idMap.values()]).toContain(r);
      expect(r).toMatch(/-2$/);
    }
    expect(loadDocument(twice.document).ok).toBe(true);
  });
});
