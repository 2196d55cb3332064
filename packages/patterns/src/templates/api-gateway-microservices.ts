import type { DocumentEdge } from '../document/schema';
import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/** One gateway route: the edge from the gateway to the service that serves `route`. */
function route(
  id: string,
  target: string,
  path: string,
  ratio: number,
  rateLimitPerSecond?: number,
): DocumentEdge {
  const config: DocumentEdge['config'] = { route: path, ratio };
  if (rateLimitPerSecond !== undefined) config.rateLimitPerSecond = rateLimitPerSecond;
  return { id, source: 'api', target, kind: 'sync', config };
}

/**
 * The seed's e-commerce microservices behind its API gateway. Every service owns its database
 * (product: DynamoDB, order: PostgreSQL, payment: a dedicated SQL database for PCI-DSS, shipping:
 * MongoDB, drawn as a MongoDB-compatible document database). The notification service is
 * event-driven: the other services publish events to a topic whose subscription queue feeds it,
 * so no service calls another synchronously. Every route is authorized by Cognito.
 */
function build(): Fragment {
  return {
    nodes: [
      {
        id: 'shoppers',
        kind: 'client',
        label: 'Shoppers',
        position: { x: 0, y: 340 },
        config: { requestsPerSecond: 50 },
      },
      {
        id: 'api',
        kind: 'api-gateway',
        label: 'ecommerce-api',
        position: { x: 260, y: 340 },
        config: { type: 'rest', auth: 'cognito', rateLimitPerSecond: 500, burstLimit: 1000 },
      },
      {
        id: 'user-pool',
        kind: 'auth',
        label: 'Cognito user pool',
        position: { x: 260, y: 520 },
        config: { monthlyActiveUsers: 50_000 },
      },
      {
        id: 'vpc',
        kind: 'vpc',
        label: 'Services VPC',
        position: { x: 520, y: 0 },
        size: { width: 540, height: 740 },
        config: { defaultDeny: true, natGateways: 2 },
      },
      {
        id: 'product-service',
        kind: 'container-service',
        label: 'product-service',
        parent: 'vpc',
        position: { x: 40, y: 60 },
        config: { tasks: 3, port: 8080 },
      },
      {
        id: 'order-service',
        kind: 'container-service',
        label: 'order-service',
        parent: 'vpc',
        position: { x: 40, y: 200 },
        config: { tasks: 2, port: 8080 },
      },
      {
        id: 'payment-service',
        kind: 'container-service',
        label: 'payment-service (PCI-DSS)',
        parent: 'vpc',
        position: { x: 40, y: 340 },
        config: { tasks: 2, port: 8080 },
      },
      {
        id: 'shipping-service',
        kind: 'container-service',
        label: 'shipping-service',
        parent: 'vpc',
        position: { x: 40, y: 480 },
        config: { tasks: 2, port: 8080 },
      },
      {
        id: 'notification-service',
        kind: 'container-service',
        label: 'notification-service',
        parent: 'vpc',
        position: { x: 40, y: 620 },
        config: { tasks: 2, port: 8080 },
      },
      {
        id: 'orders-db',
        kind: 'sql-database',
        label: 'Orders DB (PostgreSQL)',
        parent: 'vpc',
        position: { x: 300, y: 200 },
        config: { engine: 'postgres', instanceClass: 'db.t4g.medium', multiAz: true, storageGb: 100 },
      },
      {
        id: 'payments-db',
        kind: 'sql-database',
        label: 'Payments DB (dedicated, PCI-DSS)',
        parent: 'vpc',
        position: { x: 300, y: 340 },
        // Kept apart from every other database so that the PCI-DSS scope stays small.
        config: {
          engine: 'postgres',
          instanceClass: 'db.r6g.large',
          multiAz: true,
          storageGb: 100,
          backupRetentionDays: 35,
        },
      },
      {
        id: 'shipping-db',
        kind: 'document-database',
        label: 'Shipping DB (MongoDB-compatible)',
        parent: 'vpc',
        position: { x: 300, y: 480 },
        // Two instances: a primary and a replica in another availability zone.
        config: { instanceClass: 'db.t4g.medium', instances: 2 },
      },
      {
        id: 'products-table',
        kind: 'nosql-table',
        label: 'Products (DynamoDB)',
        position: { x: 1120, y: 60 },
        config: { capacityMode: 'on-demand', partitionKey: 'productId' },
      },
      {
        id: 'db-secrets',
        kind: 'secrets-vault',
        label: 'DB credentials (Secrets Manager)',
        position: { x: 1120, y: 340 },
        config: { secrets: 3, rotationDays: 30, apiCallsPerMonth: 100_000 },
      },
      {
        id: 'order-events',
        kind: 'topic',
        label: 'Order events (SNS)',
        position: { x: 560, y: 800 },
      },
      {
        id: 'notifications-queue',
        kind: 'queue',
        label: 'Notifications queue',
        position: { x: 820, y: 800 },
        config: { visibilityTimeoutS: 180, maxReceiveCount: 5 },
      },
      {
        id: 'notifications-dlq',
        kind: 'dead-letter-queue',
        label: 'Notifications DLQ',
        position: { x: 820, y: 940 },
      },
      {
        id: 'customer-messages',
        kind: 'notification',
        label: 'Customer email, SMS and push',
        position: { x: 1120, y: 620 },
        config: { channel: 'email' },
      },
    ],
    edges: [
      { id: 'e-shoppers-api', source: 'shoppers', target: 'api', kind: 'sync' },
      { id: 'e-api-user-pool', source: 'api', target: 'user-pool', kind: 'sync' },
      route('e-api-products', 'product-service', '/products/*', 0.7),
      // The seed limits /orders/* to 1000 requests an hour: 1000 / 3600 s ≈ 0.28 requests/s.
      route('e-api-orders', 'order-service', '/orders/*', 0.15, 0.28),
      // ... and /payments/* to 100 an hour: 100 / 3600 s ≈ 0.028 requests/s.
      route('e-api-payments', 'payment-service', '/payments/*', 0.05, 0.028),
      route('e-api-shipping', 'shipping-service', '/shipping/*', 0.05),
      route('e-api-notifications', 'notification-service', '/notifications/*', 0.05),

      // Database per service.
      {
        id: 'e-product-table',
        source: 'product-service',
        target: 'products-table',
        kind: 'sync',
        config: { access: 'readwrite' },
      },
      {
        id: 'e-order-db',
        source: 'order-service',
        target: 'orders-db',
        kind: 'sync',
        config: { access: 'readwrite' },
      },
      {
        id: 'e-payment-db',
        source: 'payment-service',
        target: 'payments-db',
        kind: 'sync',
        config: { access: 'readwrite' },
      },
      {
        id: 'e-shipping-db',
        source: 'shipping-service',
        target: 'shipping-db',
        kind: 'sync',
        config: { access: 'readwrite' },
      },
      // DynamoDB is reached with the task's IAM role; the SQL and document databases need credentials.
      {
        id: 'e-order-secrets',
        source: 'order-service',
        target: 'db-secrets',
        kind: 'sync',
        config: { access: 'read' },
      },
      {
        id: 'e-payment-secrets',
        source: 'payment-service',
        target: 'db-secrets',
        kind: 'sync',
        config: { access: 'read' },
      },
      {
        id: 'e-shipping-secrets',
        source: 'shipping-service',
        target: 'db-secrets',
        kind: 'sync',
        config: { access: 'read' },
      },

      // Event-driven notifications: publish, and let the notification service react.
      { id: 'e-order-events', source: 'order-service', target: 'order-events', kind: 'async' },
      { id: 'e-payment-events', source: 'payment-service', target: 'order-events', kind: 'async' },
      { id: 'e-shipping-events', source: 'shipping-service', target: 'order-events', kind: 'async' },
      { id: 'e-events-queue', source: 'order-events', target: 'notifications-queue', kind: 'async' },
      // The subscription's own DLQ catches deliveries SNS could not make to the queue.
      { id: 'e-events-dlq', source: 'order-events', target: 'notifications-dlq', kind: 'redrive' },
      {
        id: 'e-queue-notification',
        source: 'notifications-queue',
        target: 'notification-service',
        kind: 'trigger',
        config: { batchSize: 10 },
      },
      { id: 'e-queue-dlq', source: 'notifications-queue', target: 'notifications-dlq', kind: 'redrive' },
      {
        id: 'e-notification-messages',
        source: 'notification-service',
        target: 'customer-messages',
        kind: 'async',
      },
    ],
  };
}

export const apiGatewayMicroservices = defineTemplate({
  id: 'api-gateway-microservices',
  name: 'API gateway + microservices',
  description:
    "The seed's e-commerce services behind one API gateway with Cognito auth and per-route rate limits. Each service owns its database; notifications are event-driven through a topic and a queue with a dead-letter queue.",
  pattern: 'Microservices Patterns: Service Decomposition and API Gateway Pattern',
  build,
});
