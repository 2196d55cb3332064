import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, volume } from '../catalog/fields';
import { MILLION, priceKey, sqsRequests, usageLine } from '../cost/helpers';

export const deadLetterQueue = defineKind({
  id: 'dead-letter-queue',
  label: 'Dead-letter queue',
  category: 'messaging',
  icon: 'archive-x',
  description:
    'Keeps the messages a queue, topic subscription or event bus rule could not deliver, so that they can be inspected and replayed instead of lost.',
  traits: ['messaging'],
  config: z
    .object({
      fifo: bool({ default: false, description: 'FIFO queue (must match a FIFO source queue)' }),
      messageRetentionS: num({
        default: 1_209_600,
        min: 60,
        max: 1_209_600,
        int: true,
        unit: 's',
        description: 'How long failed messages are kept (default 14 days, the maximum)',
      }),
      visibilityTimeoutS: num({
        default: 30,
        min: 0,
        max: 43_200,
        int: true,
        unit: 's',
        description: 'Visibility timeout while failed messages are reprocessed',
      }),
      maxReceiveCount: num({
        default: 5,
        min: 1,
        max: 1000,
        int: true,
        unit: 'count',
        description: 'Receives before a reprocessing consumer gives up on a message',
      }),
      requestsPerMonth: volume({
        unit: 'requests/month',
        description: 'API requests; failed messages are usually a small share of the source traffic',
      }),
    })
    .strict(),
  accepts: [{ from: ['queue', 'topic', 'event-bus'], as: 'redrive' }],
  connectionHint:
    'A dead-letter queue only receives redriven messages from a queue, a topic subscription or an event bus rule.',
  cost: {
    aws: {
      traffic: { volumeField: 'requestsPerMonth' },
      components(ctx) {
        const messages = ctx.volume({
          field: 'requestsPerMonth',
          label: 'messages a month',
          traffic: 'requests',
          default: 10_000,
          defaultWhy: 'failed messages are a small share of a queue',
        });
        const requests = ctx.stated('requestsPerMonth')
          ? messages.value
          : sqsRequests(ctx.outgoing(), messages.value, ctx.payloadKb().value);
        const type = ctx.config.fifo ? 'fifo' : 'standard';
        return [
          usageLine(`Requests (${type})`, messages, requests / MILLION, priceKey('sqs.requests', type)),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon SQS',
    terraform: ['aws_sqs_queue', 'aws_sqs_queue_redrive_allow_policy'],
    cdk: ['aws_sqs.Queue'],
    docs: 'https://aws.amazon.com/sqs/pricing/',
  },
});
