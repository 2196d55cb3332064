import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, oneOf, volume } from '../catalog/fields';

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
  aws: {
    service: 'Amazon Kinesis Data Streams',
    terraform: ['aws_kinesis_stream'],
    cdk: ['aws_kinesis.Stream'],
    docs: 'https://aws.amazon.com/kinesis/data-streams/pricing/',
  },
});
