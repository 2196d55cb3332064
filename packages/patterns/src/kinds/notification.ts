import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { oneOf, volume } from '../catalog/fields';
import { MILLION, usageLine } from '../cost/helpers';

export const notification = defineKind({
  id: 'notification',
  label: 'Notification',
  category: 'messaging',
  icon: 'bell',
  description:
    'Sends email, SMS or mobile push messages to people (order confirmations, alerts). On AWS it is Amazon SES for email; SMS and push are sent through Amazon SNS.',
  traits: ['messaging'],
  config: z
    .object({
      channel: oneOf(['email', 'sms', 'push'], { default: 'email', description: 'How people are reached' }),
      messagesPerMonth: volume({
        unit: 'messages/month',
        description: 'Messages sent to people; derived from traffic when absent',
      }),
    })
    .strict(),
  accepts: [{ from: ['@compute', 'topic', 'event-bus', 'state-machine', 'monitoring'], as: 'async' }],
  connectionHint:
    'A notification is sent by services, a topic subscription, an event bus rule, a state machine or monitoring alarms.',
  cost: {
    aws: {
      traffic: { forwards: 'none' },
      components(ctx) {
        const messages = ctx.volume({
          field: 'messagesPerMonth',
          label: 'messages a month',
          traffic: 'requests',
          document: 'messagesPerMonth',
          default: 10_000,
          defaultWhy: 'notifications to people are rare next to requests',
        });
        const channel = ctx.config.channel;
        if (channel === 'sms') {
          ctx.assume(
            'SMS priced at the US rate (base price plus an average carrier fee); other countries differ',
          );
          return [usageLine('SMS messages', messages, messages.value, 'sns.sms[us]')];
        }
        if (channel === 'push') {
          return [
            usageLine(
              'Mobile push notifications',
              messages,
              messages.value / MILLION,
              'sns.deliveries[push]',
            ),
          ];
        }
        return [usageLine('Emails sent', messages, messages.value / 1000, 'ses.emails')];
      },
    },
  },
  aws: {
    service: 'Amazon SES',
    terraform: ['aws_sesv2_email_identity', 'aws_sesv2_configuration_set'],
    cdk: ['aws_ses.EmailIdentity', 'aws_ses.ConfigurationSet'],
    docs: 'https://aws.amazon.com/ses/pricing/',
  },
});
