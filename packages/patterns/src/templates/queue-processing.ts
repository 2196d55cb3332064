import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/**
 * The seed's queue-based processing: a producer sends orders to the `orders` queue, a Lambda
 * consumer processes them, and messages that keep failing are redriven to `orders-dlq`. The seed's
 * consumer sends failed orders to the DLQ by hand and re-raises (so the message is retried and may
 * land there twice); here the queue's redrive policy does it after `maxReceiveCount` receives.
 */
function build(): Fragment {
  return {
    nodes: [
      {
        id: 'clients',
        kind: 'client',
        label: 'Order clients',
        position: { x: 0, y: 0 },
        config: { requestsPerSecond: 20 },
      },
      {
        id: 'order-producer',
        kind: 'container-service',
        label: 'Order producer',
        position: { x: 260, y: 0 },
        config: { platform: 'fargate', tasks: 2 },
      },
      {
        id: 'orders-queue',
        kind: 'queue',
        label: 'Orders queue',
        position: { x: 520, y: 0 },
        // AWS recommends a visibility timeout of at least six times the consumer's timeout (30 s).
        config: { fifo: false, visibilityTimeoutS: 180, maxReceiveCount: 5 },
      },
      {
        id: 'process-order',
        kind: 'function',
        label: 'Process order (Lambda)',
        position: { x: 780, y: 0 },
        config: { runtime: 'python3.12', memoryMb: 512, timeoutS: 30 },
      },
      {
        id: 'orders-dlq',
        kind: 'dead-letter-queue',
        label: 'Orders DLQ',
        position: { x: 520, y: 160 },
        // Keep failed orders for the maximum 14 days, so there is time to inspect and replay them.
        config: { messageRetentionS: 1_209_600 },
      },
      {
        id: 'order-metrics',
        kind: 'monitoring',
        label: 'Order metrics and DLQ alarm',
        position: { x: 780, y: 160 },
        config: { alarms: 2, customMetrics: 1 },
      },
    ],
    edges: [
      { id: 'e-clients-producer', source: 'clients', target: 'order-producer', kind: 'sync' },
      { id: 'e-producer-queue', source: 'order-producer', target: 'orders-queue', kind: 'async' },
      {
        id: 'e-queue-consumer',
        source: 'orders-queue',
        target: 'process-order',
        kind: 'trigger',
        config: { batchSize: 10 },
      },
      { id: 'e-queue-dlq', source: 'orders-queue', target: 'orders-dlq', kind: 'redrive' },
      // The seed's `Orders/Processed` metric, and an alarm on the DLQ's depth.
      { id: 'e-consumer-metrics', source: 'process-order', target: 'order-metrics', kind: 'async' },
      { id: 'e-dlq-metrics', source: 'orders-dlq', target: 'order-metrics', kind: 'async' },
    ],
  };
}

export const queueProcessing = defineTemplate({
  id: 'queue-processing',
  name: 'Queue-based processing with DLQ',
  description:
    'A producer sends orders to a queue that a Lambda function consumes in batches; messages that keep failing are redriven to a dead-letter queue, whose depth raises an alarm.',
  pattern: 'Foundational Patterns: 2. Queue-Based Processing',
  build,
});
