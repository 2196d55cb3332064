import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, volume } from '../catalog/fields';

export const monitoring = defineKind({
  id: 'monitoring',
  label: 'Monitoring',
  category: 'operations',
  icon: 'line-chart',
  description:
    'Collects metrics and logs, raises alarms and shows dashboards. Alarm on queue depth, dead-letter queues and error rates, not only on CPU.',
  traits: [],
  config: z
    .object({
      alarms: num({ default: 10, min: 0, int: true, unit: 'count', description: 'Metric alarms' }),
      dashboards: num({ default: 1, min: 0, int: true, unit: 'count', description: 'Dashboards' }),
      customMetrics: num({
        default: 0,
        min: 0,
        int: true,
        unit: 'count',
        description: 'Custom metrics published by services',
      }),
      logsGbPerMonth: volume({ unit: 'GB', description: 'Logs ingested per month' }),
    })
    .strict(),
  accepts: [
    {
      from: [
        '@compute',
        '@data',
        '@messaging',
        '@edge',
        'state-machine',
        'auth',
        'secrets-vault',
        'external-service',
      ],
      as: 'async',
    },
  ],
  connectionHint:
    'Monitoring receives metrics and logs (async) from services, data stores, messaging and the edge.',
  aws: {
    service: 'Amazon CloudWatch',
    terraform: ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_log_group', 'aws_cloudwatch_dashboard'],
    cdk: ['aws_cloudwatch.Alarm', 'aws_logs.LogGroup', 'aws_cloudwatch.Dashboard'],
    docs: 'https://aws.amazon.com/cloudwatch/pricing/',
  },
});
