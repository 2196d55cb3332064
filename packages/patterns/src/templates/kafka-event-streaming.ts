import type { EdgeConfig } from '../document/schema';
import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/** The seed's resilience patterns on a synchronous call: timeout, retry with backoff and jitter, circuit breaker. */
function resilient(timeoutMs: number): EdgeConfig {
  return {
    timeoutMs,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2000, jitter: true },
    circuitBreaker: { failureThreshold: 5, resetTimeoutS: 60 },
  };
}

/**
 * The seed's Kafka event flow: the order service saves an order to its database and publishes it
 * to `orders.created`; the inventory service (consumer group `inventory-service`) updates stock
 * and hands the order on to shipping; the analytics service reads the same topic in its own
 * consumer group, so both get every event. The seed's inventory service also publishes
 * `inventory.insufficient`; that topic has no consumer in the seed, so it is left out here.
 */
function build(): Fragment {
  return {
    nodes: [
      {
        id: 'shoppers',
        kind: 'client',
        label: 'Shoppers',
        position: { x: 0, y: 200 },
        config: { requestsPerSecond: 50 },
      },
      {
        id: 'vpc',
        kind: 'vpc',
        label: 'Streaming VPC',
        position: { x: 260, y: 0 },
        size: { width: 1320, height: 460 },
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
        id: 'order-service',
        kind: 'container-service',
        label: 'Order service',
        parent: 'vpc',
        position: { x: 300, y: 200 },
        config: { tasks: 2 },
      },
      {
        id: 'orders-db',
        kind: 'sql-database',
        label: 'Orders DB',
        parent: 'vpc',
        position: { x: 300, y: 340 },
        config: { engine: 'postgres', multiAz: true, storageGb: 100 },
      },
      {
        id: 'kafka',
        kind: 'kafka',
        label: 'Kafka (MSK)',
        parent: 'vpc',
        position: { x: 560, y: 200 },
        // One broker per availability zone; storage is the cluster total.
        config: { brokers: 3, brokerInstance: 'kafka.m5.large', storageGb: 1500 },
      },
      {
        id: 'inventory-service',
        kind: 'container-service',
        label: 'Inventory service',
        parent: 'vpc',
        position: { x: 820, y: 60 },
        config: { tasks: 2 },
      },
      {
        id: 'inventory-db',
        kind: 'document-database',
        label: 'Inventory DB',
        parent: 'vpc',
        position: { x: 1080, y: 200 },
        config: { instances: 2 },
      },
      {
        id: 'shipping-service',
        kind: 'container-service',
        label: 'Shipping service',
        parent: 'vpc',
        position: { x: 1080, y: 60 },
        config: { tasks: 2 },
      },
      {
        id: 'analytics-service',
        kind: 'container-service',
        label: 'Analytics service',
        parent: 'vpc',
        position: { x: 820, y: 340 },
        config: { tasks: 1 },
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
      { id: 'e-shoppers-alb', source: 'shoppers', target: 'alb', kind: 'sync' },
      { id: 'e-alb-order', source: 'alb', target: 'order-service', kind: 'sync' },
      {
        id: 'e-order-db',
        source: 'order-service',
        target: 'orders-db',
        kind: 'sync',
        config: { access: 'readwrite' },
      },
      {
        id: 'e-order-kafka',
        source: 'order-service',
        target: 'kafka',
        kind: 'async',
        label: 'orders.created',
        config: { topic: 'orders.created' },
      },
      {
        id: 'e-kafka-inventory',
        source: 'kafka',
        target: 'inventory-service',
        kind: 'trigger',
        label: 'orders.created (inventory-service)',
        config: { topic: 'orders.created', consumerGroup: 'inventory-service' },
      },
      {
        id: 'e-kafka-analytics',
        source: 'kafka',
        target: 'analytics-service',
        kind: 'trigger',
        label: 'orders.created (analytics-service)',
        config: { topic: 'orders.created', consumerGroup: 'analytics-service' },
      },
      {
        id: 'e-inventory-db',
        source: 'inventory-service',
        target: 'inventory-db',
        kind: 'sync',
        config: { access: 'readwrite' },
      },
      {
        id: 'e-inventory-shipping',
        source: 'inventory-service',
        target: 'shipping-service',
        kind: 'sync',
        config: resilient(2000),
      },
      {
        id: 'e-order-secrets',
        source: 'order-service',
        target: 'db-secrets',
        kind: 'sync',
        config: { access: 'read' },
      },
      {
        id: 'e-inventory-secrets',
        source: 'inventory-service',
        target: 'db-secrets',
        kind: 'sync',
        config: { access: 'read' },
      },
    ],
  };
}

export const kafkaEventStreaming = defineTemplate({
  id: 'kafka-event-streaming',
  name: 'Kafka event streaming',
  description:
    'The order service saves orders to its database and publishes them to the Kafka topic orders.created; the inventory and analytics services consume it in their own consumer groups, and inventory hands orders on to shipping with a resilient call.',
  pattern: 'Event-Driven Architecture: Event Streaming with Kafka',
  build,
});
