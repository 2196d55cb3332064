import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, volume } from '../catalog/fields';
import { KB_PER_GB } from '../cost/defaults';
import { chunks64, MILLION, usageLine } from '../cost/helpers';

/**
 * An EventBridge schedule expression: `rate(1 hour)` / `rate(5 minutes)` (singular unit for 1,
 * plural otherwise) or a six-field `cron(...)` in which day-of-month or day-of-week is `?`.
 */
export const SCHEDULE_EXPRESSION =
  /^(rate\((1 (minute|hour|day)|([2-9]|[1-9]\d+) (minutes|hours|days))\)|cron\(\S+ \S+ (\? \S+ \S+|\S+ \S+ \?) \S+\))$/;

export const eventBus = defineKind({
  id: 'event-bus',
  label: 'Event bus',
  category: 'messaging',
  icon: 'radio-tower',
  description:
    'An event router: producers publish events and rules route matching events to targets, so producers never know their consumers (event-driven fan-out, choreography).',
  traits: ['messaging'],
  config: z
    .object({
      eventsPerMonth: volume({
        unit: 'events/month',
        description: 'Events published to the bus; derived from traffic when absent',
      }),
      schedule: z
        .string()
        .max(256)
        .regex(
          SCHEDULE_EXPRESSION,
          'must be a schedule expression such as rate(5 minutes), rate(1 hour) or cron(0 12 * * ? *) (minutes hours day-of-month month day-of-week year, with "?" in day-of-month or day-of-week)',
        )
        .optional()
        .meta({
          description:
            "A schedule that triggers the bus's targets, e.g. rate(5 minutes) or cron(0 12 * * ? *)",
        }),
      archive: bool({ default: false, description: 'Archive events so that they can be replayed later' }),
    })
    .strict(),
  accepts: [
    {
      from: ['@compute', 'state-machine', 'object-storage', 'external-service', 'event-bus', 'api-gateway'],
      as: 'async',
    },
  ],
  connectionHint:
    'An event bus receives events from services, a state machine, storage events, an external system (SaaS partner), another event bus or an API gateway.',
  cost: {
    aws: {
      traffic: { volumeField: 'eventsPerMonth' },
      components(ctx) {
        const events = ctx.volume({
          field: 'eventsPerMonth',
          label: 'events a month',
          traffic: 'requests',
          document: 'messagesPerMonth',
          default: 1_000_000,
          defaultWhy: 'a light event flow, about 0.4 events/s',
        });
        const payloadKb = ctx.payloadKb().value;
        const lines = [
          usageLine(
            'Custom events published',
            events,
            (events.value * chunks64(payloadKb)) / MILLION,
            'eventbridge.events',
          ),
        ];
        if (ctx.config.archive) {
          const gb = (events.value * payloadKb) / KB_PER_GB;
          ctx.assume(
            'An event archive is priced with one month of events stored; it grows every month it is kept',
          );
          lines.push(
            usageLine('Events archived', events, gb, 'eventbridge.archive.processed'),
            usageLine('Archive storage (one month of events)', events, gb, 'eventbridge.archive.storage'),
          );
        }
        return lines;
      },
    },
  },
  aws: {
    service: 'Amazon EventBridge',
    terraform: ['aws_cloudwatch_event_bus', 'aws_cloudwatch_event_rule', 'aws_cloudwatch_event_target'],
    cdk: ['aws_events.EventBus', 'aws_events.Rule'],
    docs: 'https://aws.amazon.com/eventbridge/pricing/',
  },
});
