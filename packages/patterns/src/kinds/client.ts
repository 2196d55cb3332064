import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num } from '../catalog/fields';

export const client = defineKind({
  id: 'client',
  label: 'Client',
  category: 'edge',
  icon: 'users',
  description:
    'Where traffic comes from: browsers, mobile apps, devices or partners. Its request rate drives the usage-based costs downstream.',
  traits: ['entry'],
  config: z
    .object({
      requestsPerSecond: num({
        default: 10,
        min: 0,
        unit: 'requests/s',
        description: 'Average requests per second',
      }),
    })
    .strict(),
  accepts: [],
  connectionHint:
    'A client accepts no connections: traffic starts here, so connect it to DNS, a CDN or a front door.',
  cost: {
    free: 'A client is outside the cloud account; the traffic it sends is priced on the nodes it reaches.',
    traffic: { volumeField: 'requestsPerSecond', perSecond: true },
  },
  aws: {
    none: 'A client is outside the cloud account (users, devices, partners), so nothing is deployed for it.',
  },
});
