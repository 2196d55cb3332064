import type { KindMapper, NodeExport } from '../context';
import { quote, Raw } from '../hcl';
import { grantBy, output } from './common';

/**
 * `notification` -> an SES email identity (the sender address, a variable to fill in) and a
 * configuration set. SMS and push go through AWS End User Messaging, which is not exported.
 */
export const notificationMapper: KindMapper = {
  kinds: ['notification'],
  map(ctx, node) {
    const { channel } = ctx.config<{ channel: string }>(node);
    if (channel !== 'email') {
      ctx.warn(
        `${channel === 'sms' ? 'SMS' : 'Push'} messages are sent with AWS End User Messaging, which the Terraform export does not cover; an SES email identity is exported instead.`,
        node.id,
      );
    }
    // One map variable for every notification node, keyed by node id (identities are unique per region).
    const senders = ctx.shared('notification-senders', () => ({}) as Record<string, string>);
    senders[node.id] = `${node.id}@example.com`;
    const sender = new Raw(
      `${
        ctx.module.variable('notification_senders', {
          type: 'map(string)',
          description:
            'Email address or domain each notification node sends from, by node id (verify them in SES before sending).',
          default: senders,
          fillIn: true,
        }).text
      }[${quote(node.id)}]`,
    );
    const configSet = ctx.done(node, 'aws_sesv2_configuration_set', node.id, {
      configuration_set_name: ctx.names.name('sesConfigSet', node.id),
      tags: ctx.tags(node.id, node.id),
    });
    const identity = ctx.done(node, 'aws_sesv2_email_identity', node.id, {
      email_identity: sender,
      configuration_set_name: configSet.ref('configuration_set_name'),
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'identities', 'SES sending identity', identity.ref('email_identity'));
    const send = ['ses:SendEmail', 'ses:SendRawEmail'];
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: identity,
      arn: identity.ref('arn'),
      grant: grantBy({ write: send, invoke: send }, [identity.ref('arn'), configSet.ref('arn')]),
    };
  },
};

/**
 * `external-service`: nothing is deployed, but its URL is what topics subscribe to and CDNs or
 * DNS records point at.
 */
export const externalServiceMapper: KindMapper = {
  kinds: ['external-service'],
  map(ctx, node) {
    const { url } = ctx.config<{ url?: string }>(node);
    const e: NodeExport = { node, region: ctx.graph.regionOf(node.id) };
    if (url !== undefined && URL.canParse(url)) e.externalUrl = new URL(url);
    return e;
  },
};
