import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, oneOf, text } from '../catalog/fields';
import { hourly, priceKey } from '../cost/helpers';

export const containerService = defineKind({
  id: 'container-service',
  label: 'Container service',
  category: 'compute',
  icon: 'container',
  description:
    'A long-running containerised service (e.g. on Fargate) that scales by task count. Run at least two tasks across zones for availability.',
  traits: ['compute', 'zonal'],
  config: z
    .object({
      platform: oneOf(['fargate', 'app-runner', 'ecs-ec2'], {
        default: 'fargate',
        description: 'Where the containers run',
      }),
      tasks: num({ default: 2, min: 0, int: true, unit: 'count', description: 'Running tasks (containers)' }),
      cpu: num({ default: 0.5, min: 0.25, max: 16, unit: 'vCPU', description: 'vCPU per task' }),
      memoryGb: num({ default: 1, min: 0.5, max: 120, unit: 'GB', description: 'Memory per task' }),
      architecture: oneOf(['x86_64', 'arm64'], {
        default: 'x86_64',
        description: 'Processor architecture (arm64 is ~20% cheaper)',
      }),
      port: num({
        default: 8080,
        min: 1,
        max: 65_535,
        int: true,
        description: 'Port the container listens on',
      }),
      image: text({ default: 'public.ecr.aws/nginx/nginx:latest', max: 500, description: 'Container image' }),
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
    'A container service is called by clients, gateways, load balancers and other services (sync), or consumes a queue, topic, event bus, stream or Kafka topic (trigger).',
  cost: {
    aws: {
      internetEgress: true,
      components(ctx) {
        const { platform, tasks, cpu, memoryGb, architecture } = ctx.config;
        if (platform === 'app-runner') {
          ctx.assume('App Runner instances are active (serving requests) all month: an upper bound');
          return [
            hourly(ctx, `vCPU (${tasks} x ${cpu} vCPU)`, tasks * cpu, 'apprunner.vcpu'),
            hourly(ctx, `Memory (${tasks} x ${memoryGb} GB)`, tasks * memoryGb, 'apprunner.memory'),
          ];
        }
        if (platform === 'ecs-ec2') {
          // Tasks are packed onto m6i.large (m6g.large for arm64) instances: 2 vCPU and 8 GB each.
          const type = architecture === 'arm64' ? 'm6g.large' : 'm6i.large';
          const instances = Math.ceil(Math.max((tasks * cpu) / 2, (tasks * memoryGb) / 8));
          ctx.assume(`ECS on EC2 tasks are packed onto ${type} instances (2 vCPU, 8 GB each)`);
          return [
            hourly(
              ctx,
              `Container instances (${instances} x ${type})`,
              instances,
              priceKey('ec2.instance', type),
              type,
            ),
          ];
        }
        return [
          hourly(
            ctx,
            `Fargate vCPU (${tasks} tasks x ${cpu} vCPU, ${architecture})`,
            tasks * cpu,
            priceKey('fargate.vcpu', architecture),
          ),
          hourly(
            ctx,
            `Fargate memory (${tasks} tasks x ${memoryGb} GB, ${architecture})`,
            tasks * memoryGb,
            priceKey('fargate.memory', architecture),
          ),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon ECS on AWS Fargate',
    terraform: ['aws_ecs_service', 'aws_ecs_cluster', 'aws_ecs_task_definition'],
    cdk: ['aws_ecs.FargateService', 'aws_ecs.Cluster', 'aws_ecs.FargateTaskDefinition'],
    docs: 'https://aws.amazon.com/fargate/pricing/',
  },
});
