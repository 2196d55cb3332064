import type { ResolvedEdge } from '@stackdraft/patterns';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { type Body, jsonencode } from '../hcl';
import { policyDocument, ResourcePolicy, sourceArn } from '../iam';
import type { Res } from '../module';
import { grantBy, lambdaPermission, output, target } from './common';

interface TopicConfig {
  fifo: boolean;
}

/** Creates the subscription for one edge out of a topic, or returns undefined when SNS cannot deliver there. */
function subscribe(ctx: ExportContext, self: NodeExport, e: ResolvedEdge): Res | undefined {
  const topic = self.topic as NonNullable<NodeExport['topic']>;
  const t = target(ctx, e);
  if (!t) return undefined;
  const hint = `${self.node.id}-to-${t.node.id}`;
  let body: Body | undefined;
  if (t.queue) {
    if (topic.fifo !== t.queue.fifo) {
      ctx.warn(
        'A FIFO topic delivers only to FIFO queues, and a standard topic only to standard queues; subscription not exported.',
        self.node.id,
        e.edge.id,
      );
      return undefined;
    }
    t.queue.policy.allow({
      service: 'sns.amazonaws.com',
      actions: ['sqs:SendMessage'],
      resource: t.queue.res.ref('arn'),
      condition: sourceArn(topic.res.ref('arn')),
    });
    body = { protocol: 'sqs', endpoint: t.queue.res.ref('arn'), raw_message_delivery: true };
  } else if (t.lambda) {
    lambdaPermission(ctx, self.node, t, 'sns.amazonaws.com', topic.res.ref('arn'), hint);
    body = { protocol: 'lambda', endpoint: t.lambda.ref('arn') };
  } else if (t.externalUrl?.protocol === 'https:') {
    body = { protocol: 'https', endpoint: t.externalUrl.href, endpoint_auto_confirms: false };
  } else if (t.node.kind === 'notification') {
    const channel = ctx.config<{ channel: string }>(t.node).channel;
    if (channel === 'email') {
      body = { protocol: 'email', endpoint: ctx.module.variable('notification_email', emailVariable) };
    } else if (channel === 'sms') {
      body = { protocol: 'sms', endpoint: ctx.module.variable('notification_phone_number', phoneVariable) };
    }
  }
  if (!body) return undefined;
  ctx.handled(e);
  const sub = ctx.res(
    self.node,
    'aws_sns_topic_subscription',
    hint,
    Object.assign({ topic_arn: topic.res.ref('arn') }, body, { redrive_policy: undefined }),
  );
  if (t.queue?.policy.res) sub.depend(t.queue.policy.res);
  return sub;
}

const emailVariable = {
  type: 'string',
  description: 'Email address that receives topic notifications (SNS sends a confirmation first).',
  default: 'ops@example.com',
  fillIn: true,
};
const phoneVariable = {
  type: 'string',
  description: 'Phone number (E.164, e.g. +15550100) that receives topic notifications by SMS.',
  default: '+15550100',
  fillIn: true,
};

/**
 * `topic` -> `aws_sns_topic` with one `aws_sns_topic_subscription` per edge to a queue (plus the
 * queue policy allowing this topic), a function (plus its `aws_lambda_permission`), an HTTPS
 * endpoint or a notification address; a redrive edge gives every subscription a DLQ.
 */
export const topicMapper: KindMapper = {
  kinds: ['topic'],
  map(ctx, node) {
    const c = ctx.config<TopicConfig>(node);
    const res = ctx.done(node, 'aws_sns_topic', node.id, {
      name: ctx.names.name('sns', node.id, c.fifo ? '.fifo' : ''),
      fifo_topic: c.fifo ? true : undefined,
      content_based_deduplication: c.fifo ? true : undefined,
      tags: ctx.tags(node.id, node.id),
    });
    const policy = new ResourcePolicy(() =>
      ctx.res(node, 'aws_sns_topic_policy', node.id, { arn: res.ref('arn'), policy: undefined }),
    );
    output(ctx, node, 'arns', 'topic ARN', res.ref('arn'));
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: res,
      arn: res.ref('arn'),
      topic: { res, policy, fifo: c.fifo },
      grant: grantBy({ write: ['sns:Publish'], invoke: ['sns:Publish'] }, res.ref('arn')),
    };
  },
  finalize(_ctx, self) {
    const { policy } = self.topic as NonNullable<NodeExport['topic']>;
    if (policy.res) policy.res.body.policy = policyDocument(policy.policy.statements);
  },
  wire(ctx, self) {
    const topic = self.topic as NonNullable<NodeExport['topic']>;
    const subs: Res[] = [];
    for (const e of ctx.edges(self.node.id, 'out', 'async', 'trigger')) {
      const sub = subscribe(ctx, self, e);
      if (sub) subs.push(sub);
    }
    for (const e of ctx.edges(self.node.id, 'out', 'redrive')) {
      const dlq = target(ctx, e)?.queue;
      if (!dlq) continue;
      ctx.handled(e);
      if (dlq.fifo !== topic.fifo) {
        ctx.warn(
          'A subscription dead-letter queue must match the topic type (FIFO or standard); not exported.',
          self.node.id,
          e.edge.id,
        );
        continue;
      }
      const policyRes = dlq.policy.allow({
        service: 'sns.amazonaws.com',
        actions: ['sqs:SendMessage'],
        resource: dlq.res.ref('arn'),
        condition: sourceArn(topic.res.ref('arn')),
      });
      for (const sub of subs) {
        sub.body.redrive_policy = jsonencode({ deadLetterTargetArn: dlq.res.ref('arn') });
        sub.depend(policyRes);
      }
      break;
    }
  },
};
