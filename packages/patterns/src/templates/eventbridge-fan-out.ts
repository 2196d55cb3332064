import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/**
 * The seed's `enterprise-events` bus: the orders and payments services publish events; the rule
 * `order-processor` sends OrderCreated and OrderUpdated events from orders.service to the
 * process-order function, and `analytics-pipeline` sends every event of both services to a
 * Kinesis stream. Events a target cannot take are kept in a dead-letter queue.
 */
function build(): Fragment {
  return {
    nodes: [
      {
        id: 'customers',
        kind: 'client',
        label: 'Customers',
        position: { x: 0, y: 120 },
        config: { requestsPerSecond: 30 },
      },
      {
        id: 'orders-service',
        kind: 'container-service',
        label: 'Orders service',
        position: { x: 260, y: 40 },
        config: { tasks: 2 },
      },
      {
        id: 'payments-service',
        kind: 'container-service',
        label: 'Payments service',
        position: { x: 260, y: 200 },
        config: { tasks: 2 },
      },
      {
        id: 'enterprise-events',
        kind: 'event-bus',
        label: 'enterprise-events',
        position: { x: 520, y: 120 },
        // Archived so that events can be replayed to a new or fixed target.
        config: { archive: true },
      },
      {
        id: 'process-order',
        kind: 'function',
        label: 'process-order',
        position: { x: 800, y: 40 },
        config: { runtime: 'nodejs22.x', memoryMb: 512, timeoutS: 30 },
      },
      {
        id: 'analytics-stream',
        kind: 'stream',
        label: 'analytics-stream (Kinesis)',
        position: { x: 800, y: 200 },
        config: { mode: 'on-demand' },
      },
      {
        id: 'events-dlq',
        kind: 'dead-letter-queue',
        label: 'Undelivered events DLQ',
        position: { x: 520, y: 320 },
      },
    ],
    edges: [
      { id: 'e-customers-orders', source: 'customers', target: 'orders-service', kind: 'sync' },
      {
        id: 'e-customers-payments',
        source: 'customers',
        target: 'payments-service',
        kind: 'sync',
        config: { ratio: 0.5 },
      },
      {
        id: 'e-orders-bus',
        source: 'orders-service',
        target: 'enterprise-events',
        kind: 'async',
        label: 'source orders.service',
      },
      {
        id: 'e-payments-bus',
        source: 'payments-service',
        target: 'enterprise-events',
        kind: 'async',
        label: 'source payments.service',
      },
      {
        id: 'e-bus-process-order',
        source: 'enterprise-events',
        target: 'process-order',
        kind: 'trigger',
        label: 'Rule order-processor',
        config: {
          eventPattern: { source: ['orders.service'], 'detail-type': ['OrderCreated', 'OrderUpdated'] },
        },
      },
      {
        id: 'e-bus-analytics',
        source: 'enterprise-events',
        target: 'analytics-stream',
        kind: 'async',
        label: 'Rule analytics-pipeline',
        config: { eventPattern: { source: ['orders.service', 'payments.service'] } },
      },
      { id: 'e-bus-dlq', source: 'enterprise-events', target: 'events-dlq', kind: 'redrive' },
    ],
  };
}

export const eventbridgeFanOut = defineTemplate({
  id: 'eventbridge-fan-out',
  name: 'EventBridge fan-out',
  description:
    'Services publish to the enterprise-events bus; rules fan events out by source and detail type to an order-processing function and an analytics stream, with a dead-letter queue for events that could not be delivered.',
  pattern: 'Event-Driven Architecture: EventBridge/SNS Patterns',
  build,
});
