import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, volume } from '../catalog/fields';

export const topic = defineKind({
  id: 'topic',
  label: 'Topic',
  category: 'messaging',
  icon: 'megaphone',
  description:
    'A publish/subscribe topic that fans one message out to every subscriber (queues, functions, notifications). Give each subscription its own queue and dead-letter queue.',
  traits: ['messaging'],
  config: z
    .object({
      fifo: bool({
        default: false,
        description: 'FIFO topic: ordered, deduplicated delivery (subscribers must be FIFO queues)',
      }),
      publishesPerMonth: volume({
        unit: 'messages/month',
        description: 'Messages published to the topic; derived from traffic when absent',
      }),
      deliveriesPerMonth: volume({
        unit: 'messages/month',
        description: 'Messages delivered to subscribers; derived from publishes x subscriptions when absent',
      }),
    })
    .strict(),
  accepts: [
    {
      from: [
        '@compute',
        'state-machine',
        'object-storage',
        'event-bus',
        'monitoring',
        'external-service',
        'api-gateway',
      ],
      as: 'async',
    },
  ],
  connectionHint:
    'A topic receives published messages from services, a state machine, storage events, an event bus rule, monitoring alarms, an external system or an API gateway.',
  aws: {
    service: 'Amazon SNS',
    terraform: ['aws_sns_topic', 'aws_sns_topic_subscription'],
    cdk: ['aws_sns.Topic', 'aws_sns.Subscription'],
    docs: 'https://aws.amazon.com/sns/pricing/',
  },
});
