/*
 * The seed's "Common Pitfalls" as designs (see ../../../../shared/seeds), for the tests that check
 * the rules catch them.
 */
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import { loadDocument } from '../document/validate-document';
import { emptyDocument, insertTemplate } from '../index';

function load(doc: ArchitectureDocument): ArchitectureDocument {
  const r = loadDocument(JSON.parse(JSON.stringify(doc)));
  if (!r.ok) throw new Error(`invalid seed design: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.document;
}

/** The e-commerce services of the API gateway template. */
export function ecommerce(): ArchitectureDocument {
  return load(insertTemplate(emptyDocument('E-commerce'), 'api-gateway-microservices').document);
}

/** Pitfall 1: one monolithic database shared by every e-commerce service. */
export function monolithicDatabase(): ArchitectureDocument {
  const doc = ecommerce();
  const owned = new Set(['orders-db', 'payments-db', 'shipping-db', 'products-table']);
  const services = ['product-service', 'order-service', 'payment-service', 'shipping-service'];
  const db: DocumentNode = {
    id: 'ecommerce-db',
    kind: 'sql-database',
    label: 'E-commerce DB (shared)',
    parent: 'vpc',
    config: { engine: 'postgres', instanceClass: 'db.r6g.2xlarge', multiAz: true, storageGb: 500 },
  };
  const edges: DocumentEdge[] = [
    ...doc.edges.filter((e) => !owned.has(e.target)),
    ...services.map(
      (s): DocumentEdge => ({ id: `e-${s}-db`, source: s, target: 'ecommerce-db', kind: 'sync' }),
    ),
    {
      id: 'e-product-secrets',
      source: 'product-service',
      target: 'db-secrets',
      kind: 'sync',
      config: { access: 'read' },
    },
  ];
  return load({ ...doc, nodes: [...doc.nodes.filter((n) => !owned.has(n.id)), db], edges });
}

/** Pitfall 2: the order flow calls products, inventory and payments over HTTP, in turn. */
export function chainedOrderFlow(): ArchitectureDocument {
  const doc = ecommerce();
  const inventory: DocumentNode = {
    id: 'inventory-service',
    kind: 'container-service',
    label: 'inventory-service',
    parent: 'vpc',
    config: { tasks: 2 },
  };
  const call = (target: string): DocumentEdge => ({
    id: `e-order-${target}`,
    source: 'order-service',
    target,
    kind: 'sync',
    config: { protocol: 'http' },
  });
  return load({
    ...doc,
    nodes: [...doc.nodes, inventory],
    edges: [...doc.edges, call('product-service'), call('inventory-service'), call('payment-service')],
  });
}

/**
 * Pitfall 3: microservices in two regions with real-time cross-region replication, around
 * $10,000 a month, for a small workload (5 requests/s) and a $500 budget.
 */
export function overEngineered(): ArchitectureDocument {
  const nodes: DocumentNode[] = [
    { id: 'users', kind: 'client', label: 'Users', config: { requestsPerSecond: 5 } },
    { id: 'dns', kind: 'dns', label: 'Route 53', config: { routing: 'latency', healthChecks: 2 } },
  ];
  const edges: DocumentEdge[] = [{ id: 'e-users-dns', source: 'users', target: 'dns', kind: 'sync' }];
  const services = ['catalog', 'cart', 'orders', 'payments', 'users-svc', 'search'];
  for (const region of ['us-east-1', 'eu-west-1']) {
    const id = (x: string) => `${x}-${region}`;
    nodes.push(
      { id: region, kind: 'region', label: region, config: { name: region } },
      {
        id: id('vpc'),
        kind: 'vpc',
        label: `VPC ${region}`,
        parent: region,
        config: { defaultDeny: true, natGateways: 3 },
      },
      { id: id('alb'), kind: 'load-balancer', label: `ALB ${region}`, parent: id('vpc') },
      {
        id: id('db'),
        kind: 'sql-database',
        label: `Postgres ${region}`,
        parent: id('vpc'),
        config: { instanceClass: 'db.r6g.2xlarge', multiAz: true, storageGb: 1000 },
      },
      {
        id: id('cache'),
        kind: 'cache',
        label: `Cache ${region}`,
        parent: id('vpc'),
        config: { nodeType: 'cache.r6g.xlarge', nodes: 3 },
      },
      { id: id('secrets'), kind: 'secrets-vault', label: `Secrets ${region}`, parent: region },
    );
    edges.push(
      { id: `e-dns-${id('alb')}`, source: 'dns', target: id('alb'), kind: 'sync', config: { ratio: 0.5 } },
      { id: `e-${id('db')}-replica`, source: id('db'), target: `replica-of-${region}`, kind: 'replication' },
    );
    for (const s of services) {
      nodes.push({
        id: id(s),
        kind: 'container-service',
        label: `${s} (${region})`,
        parent: id('vpc'),
        config: { tasks: 4, cpu: 2, memoryGb: 8 },
      });
      edges.push(
        { id: `e-${id('alb')}-${s}`, source: id('alb'), target: id(s), kind: 'sync' },
        {
          id: `e-${id(s)}-db`,
          source: id(s),
          target: id('db'),
          kind: 'sync',
          config: { access: s === 'search' ? 'read' : 'readwrite' },
        },
        { id: `e-${id(s)}-cache`, source: id(s), target: id('cache'), kind: 'sync' },
        {
          id: `e-${id(s)}-secrets`,
          source: id(s),
          target: id('secrets'),
          kind: 'sync',
          config: { access: 'read' },
        },
      );
    }
  }
  // Real-time sync: each region's database has a cross-region replica in the other region.
  for (const [region, other] of [
    ['us-east-1', 'eu-west-1'],
    ['eu-west-1', 'us-east-1'],
  ] as const) {
    nodes.push({
      id: `replica-of-${region}`,
      kind: 'read-replica',
      label: `Replica of ${region}`,
      parent: `vpc-${other}`,
      config: { instanceClass: 'db.r6g.2xlarge', storageGb: 1000 },
    });
  }
  return load({ ...emptyDocument('Over-engineered shop'), budget: 500, nodes, edges });
}
