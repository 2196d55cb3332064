import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, text } from '../catalog/fields';
import { fixed, hourly, priceKey } from '../cost/helpers';

export const MSK_BROKER_INSTANCE = /^kafka\.[a-z0-9]+\.[a-z0-9]+$/;

export const kafka = defineKind({
  id: 'kafka',
  label: 'Kafka',
  category: 'messaging',
  icon: 'activity',
  description:
    'A managed Apache Kafka cluster: a durable, partitioned, replayable event log read by independent consumer groups (event streaming, event sourcing). Brokers are spread across 2 or 3 availability zones.',
  traits: ['messaging', 'zonal'],
  config: z
    .object({
      brokers: num({
        default: 3,
        min: 2,
        int: true,
        unit: 'count',
        description: 'Broker nodes: one or more per availability zone, a multiple of the zone count (2 or 3)',
      }),
      brokerInstance: text({
        default: 'kafka.m5.large',
        pattern: MSK_BROKER_INSTANCE,
        patternHint: 'must be an MSK broker instance type such as kafka.m5.large or kafka.m7g.xlarge',
        description: 'Broker instance type',
      }),
      storageGb: num({
        default: 300,
        min: 1,
        int: true,
        unit: 'GB',
        description: 'EBS storage in total across all brokers (each broker gets an equal share)',
      }),
      kafkaVersion: text({
        default: '3.8.x',
        pattern: /^\d+\.\d+\.[0-9x]+(\.[a-z0-9]+)*$/,
        patternHint: 'must be an MSK Kafka version such as 3.8.x or 3.6.0',
        max: 40,
        description: 'Apache Kafka version',
      }),
    })
    .strict()
    .superRefine((c, ctx) => {
      // MSK places the same number of brokers in each of the 2 or 3 zones of the cluster.
      if (c.brokers % 2 !== 0 && c.brokers % 3 !== 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['brokers'],
          message: `${c.brokers} brokers cannot be spread evenly over 2 or 3 availability zones: use a multiple of 2 or 3`,
        });
      }
    }),
  accepts: [{ from: ['@compute', 'external-service'], as: 'async' }],
  connectionHint: 'A Kafka cluster receives records produced by services or an external system.',
  cost: {
    aws: {
      components(ctx) {
        const { brokers, brokerInstance, storageGb } = ctx.config;
        return [
          hourly(
            ctx,
            `Brokers (${brokers} x ${brokerInstance})`,
            brokers,
            priceKey('msk.broker', brokerInstance),
            brokerInstance,
          ),
          fixed(`Broker storage (${storageGb} GB in total)`, storageGb, 'msk.storage'),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon MSK',
    terraform: ['aws_msk_cluster', 'aws_msk_configuration'],
    cdk: ['aws_msk.CfnCluster'],
    docs: 'https://aws.amazon.com/msk/pricing/',
  },
});
