import type { DocumentEdge, DocumentNode } from '../document/schema';
import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/** One region of the design: its group, entry point, app cluster, table replica and secrets. */
function region(name: string, y: number): { nodes: DocumentNode[]; edges: DocumentEdge[] } {
  const id = (what: string) => `${what}-${name}`;
  return {
    nodes: [
      {
        id: name,
        kind: 'region',
        label: name,
        position: { x: 520, y },
        size: { width: 540, height: 320 },
        config: { name },
      },
      {
        id: id('alb'),
        kind: 'load-balancer',
        label: `Load balancer (${name})`,
        parent: name,
        position: { x: 40, y: 60 },
        config: { type: 'application' },
      },
      {
        id: id('app'),
        kind: 'container-service',
        label: `App cluster (${name})`,
        parent: name,
        position: { x: 300, y: 60 },
        config: { tasks: 4 },
      },
      {
        id: id('table'),
        kind: 'nosql-table',
        label: `Global table (${name})`,
        parent: name,
        position: { x: 300, y: 200 },
        config: { capacityMode: 'on-demand', partitionKey: 'pk', sortKey: 'sk', pointInTimeRecovery: true },
      },
      {
        id: id('secrets'),
        kind: 'secrets-vault',
        label: `App secrets (${name})`,
        parent: name,
        position: { x: 40, y: 200 },
        // A replica of each secret in every region, so neither region depends on the other.
        config: { secrets: 2, apiCallsPerMonth: 100_000 },
      },
    ],
    edges: [
      { id: `e-dns-${id('alb')}`, source: 'dns', target: id('alb'), kind: 'sync', config: { ratio: 0.5 } },
      { id: `e-${id('alb')}-app`, source: id('alb'), target: id('app'), kind: 'sync' },
      {
        id: `e-${id('app')}-table`,
        source: id('app'),
        target: id('table'),
        kind: 'sync',
        config: { access: 'readwrite' },
      },
      {
        id: `e-${id('app')}-secrets`,
        source: id('app'),
        target: id('secrets'),
        kind: 'sync',
        config: { access: 'read' },
      },
    ],
  };
}

/**
 * The seed's multi-region active-active architecture: an app cluster in us-east-1 and in
 * eu-west-1, each writing its local replica of a DynamoDB global table (one table per region,
 * replicating both ways), and Route 53 latency-based routing that sends every user to the
 * nearest healthy region.
 */
function build(): Fragment {
  const east = region('us-east-1', 0);
  const west = region('eu-west-1', 380);
  return {
    nodes: [
      {
        id: 'users',
        kind: 'client',
        label: 'Global users',
        position: { x: 0, y: 340 },
        config: { requestsPerSecond: 2000 },
      },
      {
        id: 'dns',
        kind: 'dns',
        label: 'Route 53 (latency-based routing)',
        position: { x: 260, y: 340 },
        // One health check per region, so that a failing region is taken out of the answers.
        config: { domain: 'app.example.com', routing: 'latency', healthChecks: 2 },
      },
      ...east.nodes,
      ...west.nodes,
    ],
    edges: [
      { id: 'e-users-dns', source: 'users', target: 'dns', kind: 'sync' },
      ...east.edges,
      ...west.edges,
      {
        id: 'e-table-us-east-1-eu-west-1',
        source: 'table-us-east-1',
        target: 'table-eu-west-1',
        kind: 'replication',
      },
      {
        id: 'e-table-eu-west-1-us-east-1',
        source: 'table-eu-west-1',
        target: 'table-us-east-1',
        kind: 'replication',
      },
    ],
  };
}

export const multiRegionActiveActive = defineTemplate({
  id: 'multi-region-active-active',
  name: 'Multi-region active-active',
  description:
    'Two regions serve traffic at once: Route 53 latency-based routing with health checks sends users to the nearest region, and a DynamoDB global table replicates writes both ways between the regions.',
  pattern: 'Resilience Patterns: Multi-Region Active-Active',
  build,
});
