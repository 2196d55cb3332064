import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, oneOf, volume } from '../catalog/fields';
import { KB_PER_GB } from '../cost/defaults';
import { hourly, MILLION, usageLine } from '../cost/helpers';

export const stream = defineKind({
  id: 'stream',
  label: 'Stream',
  category: 'messaging',
  icon: 'waves',
  description:
    'A sharded, ordered data stream for high-volume records (clickstreams, telemetry, change events) that several consumers read and replay within the retention period.',
  traits: ['messaging'],
  config: z
    .object({
      shards: num({
        default: 1,
        min: 1,
        int: true,
        unit: 'count',
        description: 'Shards in provisioned mode (each takes 1 MB/s or 1,000 records/s in, 2 MB/s out)',
      }),
      mode: oneOf(['provisioned', 'on-demand'], {
        default: 'provisioned',
        description: 'Capacity mode: provisioned shards, or on-demand scaling billed per GB',
      }),
      retentionHours: num({
        default: 24,
        min: 24,
        max: 8760,
        int: true,
        unit: 'hours',
        description: 'How long records are kept (24 hours to 365 days)',
      }),
      recordsPerMonth: volume({
        unit: 'messages/month',
        description: 'Records written to the stream; derived from traffic when absent',
      }),
      payloadKb: num({
        default: 1,
        min: 0,
        max: 1024,
        unit: 'KB',
        description: 'Average record size (at most 1 MB)',
      }),
    })
    .strict(),
  accepts: [{ from: ['@compute', 'event-bus', 'api-gateway', 'client', 'external-service'], as: 'async' }],
  connectionHint:
    'A stream receives records from services, an event bus rule, an API gateway, clients (devices, browsers) or an external system.',
  cost: {
    aws: {
      traffic: { volumeField: 'recordsPerMonth' },
      components(ctx) {
        const { mode, shards, retentionHours, payloadKb } = ctx.config;
        const records = ctx.volume({
          field: 'recordsPerMonth',
          label: 'records a month',
          traffic: 'requests',
          document: 'messagesPerMonth',
          default: 10_000_000,
          defaultWhy: 'about 4 records/s',
        });
        const gbIn = (records.value * Math.max(1, Math.ceil(payloadKb))) / KB_PER_GB;
        const extendedHours = Math.max(0, Math.min(retentionHours, 168) - 24);
        const longTermDays = Math.max(0, retentionHours / 24 - 7);
        const lines = [];
        if (mode === 'on-demand') {
          const consumers = Math.max(1, ctx.outgoing().length);
          lines.push(
            hourly(ctx, 'On-demand stream hours', 1, 'kinesis.on-demand.stream-hours'),
            usageLine('Data ingested', records, gbIn, 'kinesis.on-demand.data-in'),
            usageLine(
              `Data retrieved (${consumers} consumer${consumers > 1 ? 's' : ''})`,
              records,
              gbIn * consumers,
              'kinesis.on-demand.data-out',
            ),
          );
          if (extendedHours > 0) {
            lines.push(
              usageLine(
                'Extended retention',
                records,
                gbIn * (extendedHours / ctx.hoursPerMonth),
                'kinesis.on-demand.extended-retention',
              ),
            );
          }
        } else {
          const units = Math.max(1, Math.ceil(payloadKb / 25));
          lines.push(
            hourly(ctx, `Shards (${shards})`, shards, 'kinesis.shard-hours'),
            usageLine(
              'PUT payload units (25 KB each)',
              records,
              (records.value * units) / MILLION,
              'kinesis.put-units',
            ),
          );
          if (extendedHours > 0)
            lines.push(
              hourly(ctx, `Extended retention (${shards} shards)`, shards, 'kinesis.extended-retention'),
            );
        }
        if (longTermDays > 0) {
          lines.push(
            usageLine(
              'Long-term retention (beyond 7 days)',
              records,
              gbIn * (longTermDays / 30.4),
              'kinesis.long-term-retention',
            ),
          );
        }
        return lines;
      },
    },
  },
  aws: {
    service: 'Amazon Kinesis Data Streams',
    terraform: ['aws_kinesis_stream'],
    cdk: ['aws_kinesis.Stream'],
    docs: 'https://aws.amazon.com/kinesis/data-streams/pricing/',
  },
});
