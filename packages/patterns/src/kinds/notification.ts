import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { oneOf, volume } from '../catalog/fields';

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
  aws: {
    service: 'Amazon SES',
    terraform: ['aws_sesv2_email_identity', 'aws_sesv2_configuration_set'],
    cdk: ['aws_ses.EmailIdentity', 'aws_ses.ConfigurationSet'],
    docs: 'https://aws.amazon.com/ses/pricing/',
  },
});
