import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/**
 * The seed's secrets management: applications on Kubernetes authenticate with their service
 * account and read only their own secrets (database credentials, an API key), never a value baked
 * into code or config. Drawn with AWS Secrets Manager, which also rotates the database passwords
 * every 30 days; each service owns its database, and the billing service's API key for the
 * payment provider lives in the vault too.
 */
function build(): Fragment {
  return {
    nodes: [
      {
        id: 'users',
        kind: 'client',
        label: 'Users',
        position: { x: 0, y: 180 },
        config: { requestsPerSecond: 50 },
      },
      {
        id: 'vpc',
        kind: 'vpc',
        label: 'App VPC',
        position: { x: 260, y: 0 },
        size: { width: 860, height: 440 },
        config: { defaultDeny: true, natGateways: 2 },
      },
      {
        id: 'alb',
        kind: 'load-balancer',
        label: 'Load balancer',
        parent: 'vpc',
        position: { x: 40, y: 180 },
        config: { type: 'application' },
      },
      {
        id: 'cluster',
        kind: 'kubernetes-cluster',
        label: 'Kubernetes cluster',
        parent: 'vpc',
        position: { x: 300, y: 60 },
        size: { width: 280, height: 320 },
        config: { defaultDeny: true, nodes: 3 },
      },
      {
        id: 'orders-service',
        kind: 'kubernetes-service',
        label: 'Orders service',
        parent: 'cluster',
        position: { x: 40, y: 60 },
        config: { replicas: 3 },
      },
      {
        id: 'billing-service',
        kind: 'kubernetes-service',
        label: 'Billing service',
        parent: 'cluster',
        position: { x: 40, y: 200 },
        config: { replicas: 2 },
      },
      {
        id: 'orders-db',
        kind: 'sql-database',
        label: 'Orders DB',
        parent: 'vpc',
        position: { x: 620, y: 120 },
        config: { engine: 'postgres', multiAz: true, storageGb: 100 },
      },
      {
        id: 'billing-db',
        kind: 'sql-database',
        label: 'Billing DB',
        parent: 'vpc',
        position: { x: 620, y: 260 },
        config: { engine: 'postgres', multiAz: true, storageGb: 50 },
      },
      {
        id: 'secrets',
        kind: 'secrets-vault',
        label: 'Secrets Manager',
        position: { x: 1180, y: 120 },
        // Two database credentials and the payment provider's API key; services cache what they read.
        config: { secrets: 3, rotationDays: 30, apiCallsPerMonth: 100_000 },
      },
      {
        id: 'payment-provider',
        kind: 'external-service',
        label: 'Payment provider API',
        position: { x: 1180, y: 320 },
        config: { url: 'https://api.payments.example.com', sla: 99.95 },
      },
    ],
    edges: [
      { id: 'e-users-alb', source: 'users', target: 'alb', kind: 'sync' },
      { id: 'e-alb-orders', source: 'alb', target: 'orders-service', kind: 'sync', config: { ratio: 0.8 } },
      { id: 'e-alb-billing', source: 'alb', target: 'billing-service', kind: 'sync', config: { ratio: 0.2 } },
      {
        id: 'e-orders-db',
        source: 'orders-service',
        target: 'orders-db',
        kind: 'sync',
        config: { access: 'readwrite' },
      },
      {
        id: 'e-billing-db',
        source: 'billing-service',
        target: 'billing-db',
        kind: 'sync',
        config: { access: 'readwrite' },
      },
      {
        id: 'e-orders-secrets',
        source: 'orders-service',
        target: 'secrets',
        kind: 'sync',
        label: 'orders DB credentials',
        config: { access: 'read' },
      },
      {
        id: 'e-billing-secrets',
        source: 'billing-service',
        target: 'secrets',
        kind: 'sync',
        label: 'billing DB credentials, API key',
        config: { access: 'read' },
      },
      // Secrets Manager rotates each database's password and updates the secret.
      { id: 'e-orders-db-rotation', source: 'orders-db', target: 'secrets', kind: 'sync', label: 'rotation' },
      {
        id: 'e-billing-db-rotation',
        source: 'billing-db',
        target: 'secrets',
        kind: 'sync',
        label: 'rotation',
      },
      {
        id: 'e-billing-provider',
        source: 'billing-service',
        target: 'payment-provider',
        kind: 'sync',
        config: {
          timeoutMs: 5000,
          retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2000, jitter: true },
          circuitBreaker: { failureThreshold: 5, resetTimeoutS: 60 },
        },
      },
    ],
  };
}

export const secretsManagement = defineTemplate({
  id: 'secrets-management',
  name: 'Secrets management',
  description:
    'Services read their database credentials and API keys from Secrets Manager at run time, which rotates the database passwords every 30 days; nothing secret is stored in code or configuration.',
  pattern: 'Security Patterns: Secrets Management',
  build,
});
