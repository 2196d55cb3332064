import type { DocumentEdge, DocumentNode } from '../document/schema';
import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/** The Lambda functions of the workflow: node id, label and the Task state that invokes it. */
const TASKS = [
  { id: 'validate-order', label: 'Validate order', state: 'ValidateOrder' },
  { id: 'check-inventory', label: 'Check inventory', state: 'CheckInventory' },
  { id: 'process-payment', label: 'Process payment', state: 'ProcessPayment' },
  { id: 'update-order', label: 'Update order', state: 'UpdateOrder' },
  { id: 'notify-customer', label: 'Notify customer', state: 'NotifyCustomer' },
  { id: 'notify-out-of-stock', label: 'Notify out of stock', state: 'NotifyOutOfStock' },
] as const;

/** Retry transient Lambda failures (throttling, service errors) with exponential backoff. */
function retry() {
  return { maxAttempts: 3, intervalSeconds: 2, backoffRate: 2 };
}

/**
 * The seed's order-processing state machine, made valid: in the seed, CheckInventory is a Task
 * that also carries a `Choice` and a `Default`, which Step Functions rejects. Here CheckInventory
 * only computes `inventory_available`, and a separate Choice state, InventoryAvailable, branches on
 * it: to ProcessPayment when true, otherwise (its default) to NotifyOutOfStock.
 */
function build(): Fragment {
  const functions: DocumentNode[] = TASKS.map((t, i) => ({
    id: t.id,
    kind: 'function',
    label: t.label,
    position: { x: 800, y: i * 120 },
    config: { runtime: 'nodejs22.x', memoryMb: 256, timeoutS: 30 },
  }));
  const invokes: DocumentEdge[] = TASKS.map((t) => ({
    id: `e-workflow-${t.id}`,
    source: 'order-workflow',
    target: t.id,
    kind: 'sync',
    label: t.state,
  }));
  return {
    nodes: [
      {
        id: 'checkout',
        kind: 'client',
        label: 'Checkout',
        position: { x: 0, y: 300 },
        config: { requestsPerSecond: 1 },
      },
      {
        id: 'orders-api',
        kind: 'api-gateway',
        label: 'Orders API',
        position: { x: 260, y: 300 },
        config: { type: 'http', auth: 'jwt', rateLimitPerSecond: 50, burstLimit: 100 },
      },
      {
        id: 'order-workflow',
        kind: 'state-machine',
        label: 'Order processing state machine',
        position: { x: 520, y: 300 },
        config: {
          type: 'standard',
          startAt: 'ValidateOrder',
          states: [
            {
              name: 'ValidateOrder',
              type: 'Task',
              resource: 'validate-order',
              next: 'CheckInventory',
              retry: retry(),
            },
            {
              name: 'CheckInventory',
              type: 'Task',
              resource: 'check-inventory',
              next: 'InventoryAvailable',
              retry: retry(),
            },
            {
              name: 'InventoryAvailable',
              type: 'Choice',
              choices: [
                {
                  variable: '$.inventory_available',
                  operator: 'BooleanEquals',
                  value: true,
                  next: 'ProcessPayment',
                },
              ],
              default: 'NotifyOutOfStock',
            },
            {
              name: 'ProcessPayment',
              type: 'Task',
              resource: 'process-payment',
              next: 'UpdateOrder',
              // Safe to retry only because the payment function charges with an idempotency key.
              retry: retry(),
            },
            {
              name: 'UpdateOrder',
              type: 'Task',
              resource: 'update-order',
              next: 'NotifyCustomer',
              retry: retry(),
            },
            { name: 'NotifyCustomer', type: 'Task', resource: 'notify-customer', end: true, retry: retry() },
            {
              name: 'NotifyOutOfStock',
              type: 'Task',
              resource: 'notify-out-of-stock',
              end: true,
              retry: retry(),
            },
          ],
        },
      },
      ...functions,
      {
        id: 'customer-email',
        kind: 'notification',
        label: 'Customer email',
        position: { x: 1060, y: 540 },
        config: { channel: 'email' },
      },
    ],
    edges: [
      { id: 'e-checkout-api', source: 'checkout', target: 'orders-api', kind: 'sync' },
      {
        id: 'e-api-workflow',
        source: 'orders-api',
        target: 'order-workflow',
        kind: 'sync',
        label: 'StartExecution',
        config: { route: '/orders' },
      },
      ...invokes,
      { id: 'e-notify-customer-email', source: 'notify-customer', target: 'customer-email', kind: 'async' },
      {
        id: 'e-notify-out-of-stock-email',
        source: 'notify-out-of-stock',
        target: 'customer-email',
        kind: 'async',
      },
    ],
  };
}

export const stepFunctionsOrderWorkflow = defineTemplate({
  id: 'step-functions-order-workflow',
  name: 'Step Functions order workflow',
  description:
    'A Step Functions workflow that validates an order, checks inventory, branches in a Choice state on inventory_available, then takes the payment, updates the order and notifies the customer, or reports the item out of stock. Each step is a Lambda function with retries.',
  pattern: 'Serverless Patterns: Step Functions Workflow',
  build,
});
