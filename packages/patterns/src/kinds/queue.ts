import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, volume } from '../catalog/fields';
import { MILLION, priceKey, sqsRequests, usageLine } from '../cost/helpers';

export const queue = defineKind({
  id: 'queue',
  label: 'Queue',
  category: 'messaging',
  icon: 'inbox',
  description:
    'A message queue that decouples a producer from its consumer (queue-based load levelling). Failed messages should be redriven to a dead-letter queue.',
  traits: ['messaging'],
  config: z
    .object({
      fifo: bool({
        default: false,
        description: 'FIFO queue: exactly-once processing, ordered per message group',
      }),
      visibilityTimeoutS: num({
        default: 30,
        min: 0,
        max: 43_200,
        int: true,
        unit: 's',
        description: 'How long a received message stays hidden from other consumers',
      }),
      maxReceiveCount: num({
        default: 5,
        min: 1,
        max: 1000,
        int: true,
        unit: 'count',
        description: 'Receives before a message is redriven to the dead-letter queue',
      }),
      messageRetentionS: num({
        default: 345_600,
        min: 60,
        max: 1_209_600,
        int: true,
        unit: 's',
        description: 'How long an unconsumed message is kept (default 4 days)',
      }),
      requestsPerMonth: volume({
        unit: 'requests/month',
        description: 'API requests (send, receive, delete); derived from traffic when absent',
      }),
    })
    .strict(),
  accepts: [
    { from: ['@compute', 'api-gateway', 'state-machine', 'external-service'], as: 'async' },
    { from: ['topic', 'event-bus', 'object-storage'], as: 'async' },
  ],
  connectionHint:
    'A queue receives messages from services, an API gateway, a state machine, a topic subscription, an event bus rule or storage events.',
  cost: {
    aws: {
      traffic: { volumeField: 'requestsPerMonth' },
      components(ctx) {
        const messages = ctx.volume({
          field: 'requestsPerMonth',
          label: 'messages a month',
          traffic: 'requests',
          document: 'messagesPerMonth',
          default: 1_000_000,
          defaultWhy: 'a light queue, about 0.4 messages/s',
        });
        // A stated requestsPerMonth counts API requests already; derived messages each cost a send,
        // and a receive and a delete per batch the consumer takes.
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
    terraform: ['aws_sqs_queue', 'aws_sqs_queue_policy'],
    cdk: ['aws_sqs.Queue'],
    docs: 'https://aws.amazon.com/sqs/pricing/',
  },
});
