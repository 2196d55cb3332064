import type { DocumentNode } from '@stackdraft/patterns';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { type Body, jsonencode, type Value } from '../hcl';
import { policyDocument, ResourcePolicy } from '../iam';
import type { Res } from '../module';
import { grantBy, output, requireSameRegion, target } from './common';

interface QueueConfig {
  fifo: boolean;
  visibilityTimeoutS: number;
  messageRetentionS: number;
  maxReceiveCount: number;
}

const QUEUE_ACTIONS = {
  write: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
  invoke: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
  read: [
    'sqs:ReceiveMessage',
    'sqs:DeleteMessage',
    'sqs:ChangeMessageVisibility',
    'sqs:GetQueueAttributes',
    'sqs:GetQueueUrl',
  ],
  consume: [
    'sqs:ReceiveMessage',
    'sqs:DeleteMessage',
    'sqs:ChangeMessageVisibility',
    'sqs:GetQueueAttributes',
    'sqs:GetQueueUrl',
  ],
} as const;

/**
 * `queue` (and `dead-letter-queue`) -> `aws_sqs_queue` (FIFO when asked, server-side encrypted). A
 * redrive edge sets the source's `redrive_policy` to the DLQ's ARN; the DLQ gets an
 * `aws_sqs_queue_redrive_allow_policy` naming exactly the queues that redrive into it, and a queue
 * policy when topics, buses or buckets deliver to it.
 */
function mapQueue(ctx: ExportContext, node: DocumentNode): NodeExport {
  const c = ctx.config<QueueConfig>(node);
  // Dead-letter queues are mapped first, so a queue usually knows its DLQ already: it is then
  // complete at once (printed and sealed); otherwise the wire phase sets its redrive policy.
  const pending = ctx.edges(node.id, 'out', 'redrive').some((e) => !ctx.exports.has(e.target.id));
  const body: Body = {
    name: ctx.names.name('sqs', node.id, c.fifo ? '.fifo' : ''),
    fifo_queue: c.fifo ? true : undefined,
    content_based_deduplication: c.fifo ? true : undefined,
    visibility_timeout_seconds: c.visibilityTimeoutS,
    message_retention_seconds: c.messageRetentionS,
    sqs_managed_sse_enabled: true,
    redrive_policy: undefined,
    tags: ctx.tags(node.id, node.id),
  };
  let dlq: QueueExport | undefined;
  if (!pending) {
    dlq = redriveTarget(ctx, node, c.fifo);
    if (dlq) body.redrive_policy = redrivePolicy(dlq.res, c.maxReceiveCount);
  }
  const res = pending
    ? ctx.res(node, 'aws_sqs_queue', node.id, body)
    : ctx.done(node, 'aws_sqs_queue', node.id, body);
  if (dlq) dlq.sources.push(res);
  const policy = new ResourcePolicy(() =>
    ctx.res(node, 'aws_sqs_queue_policy', node.id, { queue_url: res.ref('url'), policy: undefined }),
  );
  output(ctx, node, 'urls', 'queue URL', res.ref('url'));
  return {
    node,
    region: ctx.graph.regionOf(node.id),
    main: res,
    arn: res.ref('arn'),
    queue: { res, policy, fifo: c.fifo, redriveDone: !pending, sources: [] },
    grant: grantBy(QUEUE_ACTIONS, res.ref('arn')),
  };
}

function redrivePolicy(dlq: Res, maxReceiveCount: number): Value {
  return jsonencode({ deadLetterTargetArn: dlq.ref('arn'), maxReceiveCount });
}

/**
 * The dead-letter queue a queue redrives to (its first valid redrive edge), with a diagnostic for
 * every edge that cannot be exported (a second DLQ, another region, FIFO and standard mixed).
 */
function redriveTarget(ctx: ExportContext, node: DocumentNode, fifo: boolean): QueueExport | undefined {
  let found: QueueExport | undefined;
  for (const e of ctx.edges(node.id, 'out', 'redrive')) {
    const dlq = target(ctx, e)?.queue;
    if (!dlq) continue;
    ctx.handled(e);
    if (found) {
      ctx.warn(
        'A queue redrives to one dead-letter queue; only the first redrive edge was exported.',
        node.id,
        e.edge.id,
      );
      continue;
    }
    if (!requireSameRegion(ctx, e, 'A redrive to a dead-letter queue')) continue;
    if (dlq.fifo !== fifo) {
      ctx.warn(
        `The dead-letter queue of a ${fifo ? 'FIFO' : 'standard'} queue must be ${fifo ? 'FIFO' : 'standard'} too; make both the same type. Redrive not exported.`,
        node.id,
        e.edge.id,
      );
      continue;
    }
    found = dlq;
  }
  return found;
}

function wireQueue(ctx: ExportContext, self: NodeExport): void {
  const queue = self.queue as NonNullable<NodeExport['queue']>;
  if (queue.redriveDone) return;
  const dlq = redriveTarget(ctx, self.node, queue.fifo);
  if (!dlq) return;
  queue.res.body.redrive_policy = redrivePolicy(dlq.res, ctx.config<QueueConfig>(self.node).maxReceiveCount);
  dlq.sources.push(queue.res);
}

/**
 * The queue's policy document, from what the edges allowed, and for a dead-letter queue the
 * redrive allow policy naming exactly the queues that redrive into it.
 */
function finalizeQueue(ctx: ExportContext, self: NodeExport): void {
  const { res, policy, sources } = self.queue as QueueExport;
  if (policy.res) policy.res.body.policy = policyDocument(policy.policy.statements);
  if (sources.length === 0) return;
  ctx.done(self.node, 'aws_sqs_queue_redrive_allow_policy', self.node.id, {
    queue_url: res.ref('url'),
    redrive_allow_policy: jsonencode({
      redrivePermission: 'byQueue',
      sourceQueueArns: sources.map((x) => x.ref('arn')),
    }),
  });
}

type QueueExport = NonNullable<NodeExport['queue']>;

/**
 * `dead-letter-queue` -> `aws_sqs_queue`, mapped before queues so that they can point at it (its
 * redrive allow policy names exactly the queues that redrive into it).
 */
export const deadLetterQueueMapper: KindMapper = {
  kinds: ['dead-letter-queue'],
  order: -1,
  map: mapQueue,
  wire: wireQueue,
  finalize: finalizeQueue,
};

export const queueMapper: KindMapper = {
  kinds: ['queue'],
  map: mapQueue,
  wire: wireQueue,
  finalize: finalizeQueue,
};
