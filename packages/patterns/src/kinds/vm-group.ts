import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, text } from '../catalog/fields';
import { fixed, hourly, priceKey } from '../cost/helpers';

export const EC2_INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;

export const vmGroup = defineKind({
  id: 'vm-group',
  label: 'VM group',
  category: 'compute',
  icon: 'server',
  description:
    'A group of identical virtual machines behind an auto scaling group. Spread instances over several zones; you patch the operating system yourself.',
  traits: ['compute', 'zonal'],
  config: z
    .object({
      instanceType: text({
        default: 't3.medium',
        pattern: EC2_INSTANCE_TYPE,
        patternHint: 'must be an EC2 instance type such as t3.medium',
        description: 'EC2 instance type',
      }),
      instances: num({ default: 2, min: 0, int: true, unit: 'count', description: 'Running instances' }),
      storageGb: num({
        default: 20,
        min: 1,
        max: 16_384,
        int: true,
        unit: 'GB',
        description: 'EBS volume per instance',
      }),
    })
    .strict(),
  accepts: [
    {
      from: [
        'client',
        'dns',
        'cdn',
        'waf',
        'load-balancer',
        'api-gateway',
        '@compute',
        'state-machine',
        'external-service',
      ],
      as: 'sync',
    },
    { from: ['queue', 'dead-letter-queue', 'topic', 'event-bus', 'kafka', 'stream'], as: 'trigger' },
  ],
  connectionHint:
    'A VM group is called by clients, gateways, load balancers and other services (sync), or consumes a queue, topic, event bus, stream or Kafka topic (trigger).',
  cost: {
    aws: {
      internetEgress: true,
      components(ctx) {
        const { instanceType, instances, storageGb } = ctx.config;
        return [
          hourly(
            ctx,
            `Instances (${instances} x ${instanceType})`,
            instances,
            priceKey('ec2.instance', instanceType),
            instanceType,
          ),
          fixed(
            `EBS volumes (${instances} x ${storageGb} GB gp3)`,
            instances * storageGb,
            'ebs.storage[gp3]',
          ),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon EC2 Auto Scaling',
    terraform: ['aws_autoscaling_group', 'aws_launch_template'],
    cdk: ['aws_autoscaling.AutoScalingGroup'],
    docs: 'https://aws.amazon.com/ec2/pricing/on-demand/',
  },
});
