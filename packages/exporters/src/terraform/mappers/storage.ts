import type { ExportContext, KindMapper, NodeExport } from '../context';
import { type Body, block, blocks, tpl } from '../hcl';
import { policyDocument, ResourcePolicy, type Statement, sourceArn } from '../iam';
import type { Res } from '../module';
import { lambdaPermission, output, requireSameRegion, target } from './common';

interface BucketConfig {
  storageClass: 'standard' | 'intelligent-tiering' | 'standard-ia' | 'glacier-instant-retrieval';
  versioning: boolean;
}

/** Lifecycle transitions for the cheaper storage classes (Standard-IA needs objects 30 days old). */
const TRANSITIONS: Record<string, { days: number; storage_class: string } | undefined> = {
  'intelligent-tiering': { days: 0, storage_class: 'INTELLIGENT_TIERING' },
  'standard-ia': { days: 30, storage_class: 'STANDARD_IA' },
  'glacier-instant-retrieval': { days: 0, storage_class: 'GLACIER_IR' },
};

const CREATED = ['s3:ObjectCreated:*'];

/**
 * `object-storage` -> `aws_s3_bucket` (name from a prefix, since bucket names are global) with all
 * public access blocked, versioning, a lifecycle rule for its storage class, a bucket policy when
 * a CDN reads it, event notifications for its trigger edges, and replication to other buckets.
 */
export const objectStorageMapper: KindMapper = {
  kinds: ['object-storage'],
  map(ctx, node) {
    const c = ctx.config<BucketConfig>(node);
    const bucket = ctx.done(node, 'aws_s3_bucket', node.id, {
      bucket_prefix: tpl`${ctx.names.prefix}-${ctx.names.suffix('s3Prefix', node.id)}-`,
      tags: ctx.tags(node.id, node.id),
    });
    const publicBlock = ctx.done(node, 'aws_s3_bucket_public_access_block', node.id, {
      bucket: bucket.ref('id'),
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    // Replication needs versioning on both buckets.
    const replicated =
      ctx.edges(node.id, 'in', 'replication').length + ctx.edges(node.id, 'out', 'replication').length > 0;
    let versioning: Res | undefined;
    if (c.versioning || replicated) {
      if (!c.versioning) ctx.info('Versioning is enabled because replication requires it.', node.id);
      versioning = ctx.done(node, 'aws_s3_bucket_versioning', node.id, {
        bucket: bucket.ref('id'),
        versioning_configuration: block({ status: 'Enabled' }),
      });
    }
    const transition = TRANSITIONS[c.storageClass];
    if (transition) {
      ctx.done(node, 'aws_s3_bucket_lifecycle_configuration', node.id, {
        bucket: bucket.ref('id'),
        rule: block({
          id: 'storage-class',
          status: 'Enabled',
          filter: block({}),
          transition: block(transition),
        }),
      });
    }
    const policy = new ResourcePolicy(() => {
      const r = ctx.res(node, 'aws_s3_bucket_policy', node.id, {
        bucket: bucket.ref('id'),
        policy: undefined,
      });
      r.depend(publicBlock);
      return r;
    });
    output(ctx, node, 'buckets', 'bucket name', bucket.ref('bucket'));
    const arn = bucket.ref('arn');
    const objects = tpl`${arn}/*`;
    const read: Statement[] = [
      { actions: ['s3:GetObject'], resource: objects },
      { actions: ['s3:ListBucket'], resource: arn },
    ];
    const write: Statement[] = [{ actions: ['s3:PutObject', 's3:DeleteObject'], resource: objects }];
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: bucket,
      arn,
      bucket: { res: bucket, policy, versioning },
      grant: (access) =>
        access === 'read' || access === 'consume'
          ? read
          : access === 'write' || access === 'invoke'
            ? write
            : [...read, ...write],
    };
  },
  finalize(_ctx, self) {
    const { policy } = self.bucket as NonNullable<NodeExport['bucket']>;
    if (policy.res) policy.res.body.policy = policyDocument(policy.policy.statements);
  },
  wire(ctx, self) {
    notifications(ctx, self);
    replication(ctx, self);
  },
};

/** One `aws_s3_bucket_notification` for every trigger edge to a function, queue, topic or bus. */
function notifications(ctx: ExportContext, self: NodeExport): void {
  const bucket = (self.bucket as NonNullable<NodeExport['bucket']>).res;
  const lambdas: Body[] = [];
  const queues: Body[] = [];
  const topics: Body[] = [];
  const deps: Res[] = [];
  let eventbridge = false;
  for (const e of ctx.edges(self.node.id, 'out', 'trigger', 'async')) {
    const t = target(ctx, e);
    if (!t) continue;
    if (t.bus) {
      ctx.handled(e);
      eventbridge = true;
      ctx.info(
        'S3 sends events to the default event bus; add a rule there that forwards them to this bus.',
        self.node.id,
        e.edge.id,
      );
      continue;
    }
    if (!(t.lambda || t.queue || t.topic)) continue;
    if (!requireSameRegion(ctx, e, 'S3 event notifications')) continue;
    if (t.queue?.fifo || t.topic?.fifo) {
      ctx.warn(
        'S3 event notifications cannot go to FIFO queues or topics; not exported.',
        self.node.id,
        e.edge.id,
      );
      continue;
    }
    ctx.handled(e);
    const id = `${self.node.id}-to-${t.node.id}`;
    if (t.lambda) {
      deps.push(lambdaPermission(ctx, self.node, t, 's3.amazonaws.com', bucket.ref('arn'), id));
      lambdas.push({ id, lambda_function_arn: t.lambda.ref('arn'), events: CREATED });
    } else if (t.queue) {
      deps.push(
        t.queue.policy.allow({
          service: 's3.amazonaws.com',
          actions: ['sqs:SendMessage'],
          resource: t.queue.res.ref('arn'),
          condition: sourceArn(bucket.ref('arn')),
        }),
      );
      queues.push({ id, queue_arn: t.queue.res.ref('arn'), events: CREATED });
    } else if (t.topic) {
      deps.push(
        t.topic.policy.allow({
          service: 's3.amazonaws.com',
          actions: ['sns:Publish'],
          resource: t.topic.res.ref('arn'),
          condition: sourceArn(bucket.ref('arn')),
        }),
      );
      topics.push({ id, topic_arn: t.topic.res.ref('arn'), events: CREATED });
    }
  }
  if (lambdas.length + queues.length + topics.length === 0 && !eventbridge) return;
  ctx.done(
    self.node,
    'aws_s3_bucket_notification',
    self.node.id,
    {
      bucket: bucket.ref('id'),
      eventbridge: eventbridge || undefined,
      lambda_function: blocks(lambdas),
      queue: blocks(queues),
      topic: blocks(topics),
    },
    { dependsOn: deps },
  );
}

/** Replication edges to other buckets: one replication configuration with a rule per destination. */
function replication(ctx: ExportContext, self: NodeExport): void {
  const src = self.bucket as NonNullable<NodeExport['bucket']>;
  const rules: Body[] = [];
  const deps: Res[] = src.versioning ? [src.versioning] : [];
  let role: ReturnType<ExportContext['principal']> | undefined;
  for (const e of ctx.edges(self.node.id, 'out', 'replication')) {
    const dest = target(ctx, e)?.bucket;
    if (!dest) continue;
    ctx.handled(e);
    role ??= ctx.principal(self.node, 's3.amazonaws.com', 'replication');
    role.allow(
      { actions: ['s3:GetReplicationConfiguration', 's3:ListBucket'], resource: src.res.ref('arn') },
      {
        actions: [
          's3:GetObjectVersionForReplication',
          's3:GetObjectVersionAcl',
          's3:GetObjectVersionTagging',
        ],
        resource: tpl`${src.res.ref('arn')}/*`,
      },
      {
        actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
        resource: tpl`${dest.res.ref('arn')}/*`,
      },
    );
    if (dest.versioning) deps.push(dest.versioning);
    rules.push({
      id: `to-${e.target.id}`.slice(0, 255),
      status: 'Enabled',
      priority: rules.length + 1,
      filter: block({}),
      delete_marker_replication: block({ status: 'Enabled' }),
      destination: block({ bucket: dest.res.ref('arn'), storage_class: 'STANDARD' }),
    });
  }
  if (!role) return;
  if (role.policyRes) deps.push(role.policyRes);
  ctx.done(
    self.node,
    'aws_s3_bucket_replication_configuration',
    self.node.id,
    { role: role.role.ref('arn'), bucket: src.res.ref('id'), rule: blocks(rules) },
    { dependsOn: deps },
  );
}
