import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, volume } from '../catalog/fields';
import { KB_PER_GB } from '../cost/defaults';
import { chunks64, MILLION, priceKey, snsDeliveryUnit, snsProtocol, usageLine } from '../cost/helpers';

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
  cost: {
    aws: {
      traffic: { volumeField: 'publishesPerMonth' },
      components(ctx) {
        const fifo = ctx.config.fifo;
        const publishes = ctx.volume({
          field: 'publishesPerMonth',
          label: 'publishes a month',
          traffic: 'requests',
          document: 'messagesPerMonth',
          default: 1_000_000,
          defaultWhy: 'a light topic, about 0.4 messages/s',
        });
        const payloadKb = ctx.payloadKb().value;
        const lines = fifo
          ? [
              usageLine(
                'Publish requests (FIFO)',
                publishes,
                publishes.value / MILLION,
                'sns.publishes[fifo]',
              ),
              usageLine(
                'Payload published (FIFO)',
                publishes,
                (publishes.value * payloadKb) / KB_PER_GB,
                'sns.payload[fifo]',
              ),
            ]
          : [
              usageLine(
                'Publishes',
                publishes,
                (publishes.value * chunks64(payloadKb)) / MILLION,
                'sns.publishes[standard]',
              ),
            ];
        const subscriptions = ctx.outgoing().filter((e) => e.kind !== 'redrive');
        if (ctx.stated('deliveriesPerMonth')) {
          const d = ctx.config.deliveriesPerMonth ?? 0;
          const stated = {
            field: 'deliveriesPerMonth',
            value: d,
            source: 'config' as const,
            basis: 'stated on the node (deliveriesPerMonth)',
          };
          const protocol = subscriptions[0] ? snsProtocol(subscriptions[0].target.kind, fifo) : 'http';
          lines.push(
            usageLine(
              `Deliveries (${protocol})`,
              stated,
              d / snsDeliveryUnit(protocol),
              priceKey('sns.deliveries', protocol),
            ),
          );
          return lines;
        }
        for (const e of subscriptions) {
          const protocol = snsProtocol(e.target.kind, fifo);
          const n = publishes.value * (e.edge.config?.ratio ?? 1);
          const usage = { ...publishes, value: n, field: 'deliveriesPerMonth' };
          lines.push(
            usageLine(
              `Deliveries to ${e.target.id} (${protocol})`,
              usage,
              n / snsDeliveryUnit(protocol),
              priceKey('sns.deliveries', protocol),
            ),
          );
        }
        return lines;
      },
    },
  },
  aws: {
    service: 'Amazon SNS',
    terraform: ['aws_sns_topic', 'aws_sns_topic_subscription'],
    cdk: ['aws_sns.Topic', 'aws_sns.Subscription'],
    docs: 'https://aws.amazon.com/sns/pricing/',
  },
});
