import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/**
 * The seed's CQRS architecture: the command handler writes the primary database (the write
 * model); the primary is copied to a read model, and its changes are indexed for search; the query
 * handler only reads the read model and the search index. A load balancer sends commands and
 * queries to their handlers, so each side scales on its own.
 */
function build(): Fragment {
  return {
    nodes: [
      {
        id: 'users',
        kind: 'client',
        label: 'Users',
        position: { x: 0, y: 200 },
        config: { requestsPerSecond: 100 },
      },
      {
        id: 'vpc',
        kind: 'vpc',
        label: 'CQRS VPC',
        position: { x: 260, y: 0 },
        size: { width: 1060, height: 460 },
        config: { defaultDeny: true, natGateways: 2 },
      },
      {
        id: 'alb',
        kind: 'load-balancer',
        label: 'Load balancer',
        parent: 'vpc',
        position: { x: 40, y: 200 },
        config: { type: 'application' },
      },
      {
        id: 'command-handler',
        kind: 'container-service',
        label: 'Command handler',
        parent: 'vpc',
        position: { x: 300, y: 60 },
        config: { tasks: 2 },
      },
      {
        id: 'query-handler',
        kind: 'container-service',
        label: 'Query handler',
        parent: 'vpc',
        position: { x: 300, y: 340 },
        config: { tasks: 3 },
      },
      {
        id: 'write-db',
        kind: 'sql-database',
        label: 'Primary database (write model)',
        parent: 'vpc',
        position: { x: 560, y: 60 },
        config: { engine: 'postgres', instanceClass: 'db.r6g.large', multiAz: true, storageGb: 200 },
      },
      {
        id: 'read-model',
        kind: 'read-replica',
        label: 'Read model',
        parent: 'vpc',
        position: { x: 820, y: 200 },
        config: { instanceClass: 'db.r6g.large', storageGb: 200 },
      },
      {
        id: 'search',
        kind: 'search-index',
        label: 'Search index (OpenSearch)',
        parent: 'vpc',
        position: { x: 820, y: 340 },
        // Two data nodes in two availability zones.
        config: { instanceType: 'r6g.large.search', instances: 2, storageGb: 100 },
      },
      {
        id: 'db-secrets',
        kind: 'secrets-vault',
        label: 'DB credentials (Secrets Manager)',
        position: { x: 820, y: 520 },
        config: { secrets: 2, rotationDays: 30, apiCallsPerMonth: 100_000 },
      },
    ],
    edges: [
      { id: 'e-users-alb', source: 'users', target: 'alb', kind: 'sync' },
      {
        id: 'e-alb-command',
        source: 'alb',
        target: 'command-handler',
        kind: 'sync',
        label: 'commands',
        config: { ratio: 0.1 },
      },
      {
        id: 'e-alb-query',
        source: 'alb',
        target: 'query-handler',
        kind: 'sync',
        label: 'queries',
        config: { ratio: 0.9 },
      },
      {
        id: 'e-command-write-db',
        source: 'command-handler',
        target: 'write-db',
        kind: 'sync',
        config: { access: 'write' },
      },
      { id: 'e-write-db-read-model', source: 'write-db', target: 'read-model', kind: 'replication' },
      {
        id: 'e-write-db-search',
        source: 'write-db',
        target: 'search',
        kind: 'replication',
        label: 'change data capture',
      },
      {
        id: 'e-query-read-model',
        source: 'query-handler',
        target: 'read-model',
        kind: 'sync',
        config: { ratio: 0.7, access: 'read' },
      },
      {
        id: 'e-query-search',
        source: 'query-handler',
        target: 'search',
        kind: 'sync',
        config: { ratio: 0.3, access: 'read' },
      },
      {
        id: 'e-command-secrets',
        source: 'command-handler',
        target: 'db-secrets',
        kind: 'sync',
        config: { access: 'read' },
      },
      {
        id: 'e-query-secrets',
        source: 'query-handler',
        target: 'db-secrets',
        kind: 'sync',
        config: { access: 'read' },
      },
    ],
  };
}

export const cqrsSearch = defineTemplate({
  id: 'cqrs-search',
  name: 'CQRS with search index',
  description:
    'Commands and queries take separate paths: the command handler writes the primary database, which is replicated to a read model and indexed for search, and the query handler reads only those.',
  pattern: 'Data Architecture Patterns: CQRS Pattern',
  build,
});
