import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, oneOf, volume } from '../catalog/fields';
import { MILLION, priceKey, usageLine } from '../cost/helpers';

export const fn = defineKind({
  id: 'function',
  label: 'Function',
  category: 'compute',
  icon: 'square-function',
  description:
    'A serverless function, billed per request and per GB-second: ideal for spiky or event-driven work such as queue consumers and image processing.',
  traits: ['compute'],
  config: z
    .object({
      runtime: oneOf(
        [
          'nodejs22.x',
          'nodejs20.x',
          'python3.13',
          'python3.12',
          'java21',
          'go1.x',
          'provided.al2023',
          'dotnet8',
          'ruby3.3',
        ],
        {
          default: 'nodejs22.x',
          description: 'Runtime',
        },
      ),
      architecture: oneOf(['x86_64', 'arm64'], {
        default: 'arm64',
        description: 'Processor architecture (arm64 is ~20% cheaper)',
      }),
      memoryMb: num({
        default: 512,
        min: 128,
        max: 10_240,
        int: true,
        unit: 'MB',
        description: 'Memory (CPU scales with it)',
      }),
      timeoutS: num({
        default: 30,
        min: 1,
        max: 900,
        int: true,
        unit: 's',
        description: 'Maximum run time of one invocation',
      }),
      avgDurationMs: num({
        default: 200,
        min: 1,
        max: 900_000,
        unit: 'ms',
        description: 'Average billed duration of an invocation',
      }),
      invocationsPerMonth: volume({
        unit: 'invocations/month',
        description: 'Invocations; derived from traffic when absent',
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
    {
      from: [
        'queue',
        'dead-letter-queue',
        'topic',
        'event-bus',
        'kafka',
        'stream',
        'object-storage',
        'nosql-table',
      ],
      as: 'trigger',
    },
  ],
  connectionHint:
    'A function is called by clients, gateways, load balancers and other services (sync), or invoked by a queue, topic, event bus, stream, Kafka topic or storage event (trigger).',
  cost: {
    aws: {
      traffic: { volumeField: 'invocationsPerMonth' },
      internetEgress: true,
      components(ctx) {
        const invocations = ctx.volume({
          field: 'invocationsPerMonth',
          label: 'invocations a month',
          traffic: 'requests',
          document: 'requestsPerMonth',
          default: 1_000_000,
          defaultWhy: 'a light workload, about 0.4 invocations/s',
        });
        const { architecture, memoryMb, avgDurationMs } = ctx.config;
        const gbSeconds = invocations.value * (avgDurationMs / 1000) * (memoryMb / 1024);
        return [
          usageLine('Requests', invocations, invocations.value / MILLION, 'lambda.requests'),
          usageLine(
            `Duration (${memoryMb} MB x ${avgDurationMs} ms, ${architecture})`,
            invocations,
            gbSeconds,
            priceKey('lambda.duration', architecture),
          ),
        ];
      },
    },
  },
  aws: {
    service: 'AWS Lambda',
    terraform: ['aws_lambda_function', 'aws_iam_role', 'aws_lambda_event_source_mapping'],
    cdk: ['aws_lambda.Function'],
    docs: 'https://aws.amazon.com/lambda/pricing/',
  },
});
