import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/**
 * The seed's read-replica pattern: a db.r6g.xlarge primary in us-east-1, a db.r6g.large replica in
 * the same region for read scaling and one in us-west-2 for cross-region reads. As in the seed's
 * DatabaseRouter, the orders service writes to the primary and sends order reads to the replica.
 * The cross-region replica is read by a read-only API deployed in us-west-2 (a service in
 * us-east-1 reading across the continent would pay the latency the replica is there to avoid),
 * which takes its credentials from a replica of the secret in its own region.
 */
function build(): Fragment {
  return {
    nodes: [
      {
        id: 'users',
        kind: 'client',
        label: 'Users',
        position: { x: 0, y: 320 },
        config: { requestsPerSecond: 300 },
      },
      {
        id: 'us-east-1',
        kind: 'region',
        label: 'us-east-1',
        position: { x: 260, y: 0 },
        size: { width: 540, height: 320 },
        config: { name: 'us-east-1' },
      },
      {
        id: 'orders-service',
        kind: 'container-service',
        label: 'Orders service',
        parent: 'us-east-1',
        position: { x: 40, y: 60 },
        config: { tasks: 3 },
      },
      {
        id: 'primary-db',
        kind: 'sql-database',
        label: 'Primary DB',
        parent: 'us-east-1',
        position: { x: 300, y: 60 },
        config: { engine: 'postgres', instanceClass: 'db.r6g.xlarge', multiAz: true, storageGb: 500 },
      },
      {
        id: 'replica',
        kind: 'read-replica',
        label: 'Read replica (read scaling)',
        parent: 'us-east-1',
        position: { x: 300, y: 200 },
        config: { instanceClass: 'db.r6g.large', storageGb: 500 },
      },
      {
        id: 'db-secrets',
        kind: 'secrets-vault',
        label: 'DB credentials (Secrets Manager)',
        parent: 'us-east-1',
        position: { x: 40, y: 200 },
        config: { secrets: 1, rotationDays: 30, apiCallsPerMonth: 100_000 },
      },
      {
        id: 'us-west-2',
        kind: 'region',
        label: 'us-west-2',
        position: { x: 260, y: 380 },
        size: { width: 540, height: 320 },
        config: { name: 'us-west-2' },
      },
      {
        id: 'orders-read-api',
        kind: 'container-service',
        label: 'Orders read API',
        parent: 'us-west-2',
        position: { x: 40, y: 60 },
        config: { tasks: 2 },
      },
      {
        id: 'replica-west',
        kind: 'read-replica',
        label: 'Cross-region read replica',
        parent: 'us-west-2',
        position: { x: 300, y: 60 },
        config: { instanceClass: 'db.r6g.large', storageGb: 500 },
      },
      {
        id: 'db-secrets-west',
        kind: 'secrets-vault',
        label: 'DB credentials (replica secret)',
        parent: 'us-west-2',
        position: { x: 40, y: 200 },
        config: { secrets: 1, rotationDays: 30, apiCallsPerMonth: 100_000 },
      },
    ],
    edges: [
      { id: 'e-users-orders', source: 'users', target: 'orders-service', kind: 'sync' },
      // West-coast users' order history and lookups.
      {
        id: 'e-users-read-api',
        source: 'users',
        target: 'orders-read-api',
        kind: 'sync',
        config: { ratio: 0.3 },
      },
      {
        id: 'e-orders-primary',
        source: 'orders-service',
        target: 'primary-db',
        kind: 'sync',
        label: 'writes',
        config: { ratio: 0.2, access: 'write' },
      },
      {
        id: 'e-orders-replica',
        source: 'orders-service',
        target: 'replica',
        kind: 'sync',
        label: 'reads',
        config: { ratio: 0.8, access: 'read' },
      },
      {
        id: 'e-read-api-replica-west',
        source: 'orders-read-api',
        target: 'replica-west',
        kind: 'sync',
        label: 'reads',
        config: { access: 'read' },
      },
      { id: 'e-primary-replica', source: 'primary-db', target: 'replica', kind: 'replication' },
      { id: 'e-primary-replica-west', source: 'primary-db', target: 'replica-west', kind: 'replication' },
      {
        id: 'e-orders-secrets',
        source: 'orders-service',
        target: 'db-secrets',
        kind: 'sync',
        config: { access: 'read' },
      },
      {
        id: 'e-read-api-secrets',
        source: 'orders-read-api',
        target: 'db-secrets-west',
        kind: 'sync',
        config: { access: 'read' },
      },
    ],
  };
}

export const readReplicas = defineTemplate({
  id: 'read-replicas',
  name: 'Read replicas with read/write split',
  description:
    'Writes go to a Multi-AZ primary, reads to a replica in the same region, and a cross-region replica in us-west-2 serves local reads there: the read/write split of the read-replica pattern.',
  pattern: 'Data Architecture Patterns: Read Replica Pattern',
  build,
});
