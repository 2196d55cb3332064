import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';

export const externalService = defineKind({
  id: 'external-service',
  label: 'External service',
  category: 'operations',
  icon: 'plug',
  description:
    'A third-party or legacy system you call but do not run (payments, email, a partner API). Wrap calls to it in timeouts, retries and a circuit breaker.',
  traits: [],
  config: z
    .object({
      url: z.url().max(2000).optional().meta({ description: 'Base URL of the service' }),
      sla: z
        .number()
        .min(0)
        .max(100)
        .optional()
        .meta({ description: 'Availability the provider promises', unit: '%' }),
    })
    .strict(),
  accepts: [
    { from: ['@compute', 'state-machine', 'api-gateway', 'load-balancer'], as: 'sync' },
    { from: ['event-bus', 'topic'], as: 'async' },
  ],
  connectionHint:
    'An external service is called by services, state machines, an API gateway or a load balancer, or receives events from a topic or event bus.',
  cost: {
    free: 'An external service is run and billed by someone else; calls to it are priced as data transfer on the node that makes them.',
  },
  aws: { none: 'An external service is run by someone else; the design only records that it is called.' },
});
