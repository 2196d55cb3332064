import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, volume } from '../catalog/fields';
import { KB_PER_GB } from '../cost/defaults';
import { fixed, usageLine } from '../cost/helpers';

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
  cost: {
    aws: {
      traffic: { forwards: 'none' },
      components(ctx) {
        const { alarms, dashboards, customMetrics } = ctx.config;
        const logs = ctx.volume({
          field: 'logsGbPerMonth',
          label: 'GB of logs a month',
          traffic: 'requests',
          trafficFactor: { factor: 1 / KB_PER_GB, why: 'about 1 KB of log lines per request handled' },
          default: 5,
          defaultWhy: 'a few services logging lightly',
        });
        const lines = [
          usageLine('Logs ingested', logs, logs.value, 'cloudwatch.logs.ingest'),
          usageLine('Logs stored (one month kept)', logs, logs.value, 'cloudwatch.logs.storage'),
        ];
        if (alarms > 0) lines.push(fixed(`Alarms (${alarms})`, alarms, 'cloudwatch.alarms'));
        if (dashboards > 0)
          lines.push(fixed(`Dashboards (${dashboards})`, dashboards, 'cloudwatch.dashboards'));
        if (customMetrics > 0)
          lines.push(fixed(`Custom metrics (${customMetrics})`, customMetrics, 'cloudwatch.metrics'));
        return lines;
      },
    },
  },
  aws: {
    service: 'Amazon CloudWatch',
    terraform: ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_log_group', 'aws_cloudwatch_dashboard'],
    cdk: ['aws_cloudwatch.Alarm', 'aws_logs.LogGroup', 'aws_cloudwatch.Dashboard'],
    docs: 'https://aws.amazon.com/cloudwatch/pricing/',
  },
});
