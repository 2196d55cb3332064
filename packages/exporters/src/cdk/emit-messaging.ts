import type { DocumentNode } from '@stackdraft/patterns';
import { resolveConfig } from '@stackdraft/patterns';
import { buildDefinition } from '../asl/build';
import { validateAsl } from '../asl/validate';
import { designSlug } from '../document/index';
import { type Emitter, type Env, physicalName } from './env';
import { awsText, code, lit, str } from './ts';

interface QueueConfig {
  fifo: boolean;
  visibilityTimeoutS: number;
  maxReceiveCount: number;
  messageRetentionS: number;
}

/** The dead-letter queue a queue, topic or event bus redrives into (its first redrive edge). */
export function redriveTarget(env: Env, node: DocumentNode): DocumentNode | undefined {
  const edges = env.ctx.graph
    .outgoing(node.id)
    .filter(
      (e) => e.kind === 'redrive' && (e.target.kind === 'dead-letter-queue' || e.target.kind === 'queue'),
    );
  if (edges.length > 1)
    env.ctx.note(
      'warning',
      `${node.id} redrives into ${edges.length} queues; AWS allows one, so the first (${edges[0]?.target.id}) is used`,
      node.id,
    );
  return edges[0]?.target;
}

function queueProps(c: QueueConfig): Record<string, unknown> {
  return {
    fifo: c.fifo ? true : undefined,
    visibilityTimeout: code(`cdk.Duration.seconds(${c.visibilityTimeoutS})`),
    retentionPeriod: code(`cdk.Duration.seconds(${c.messageRetentionS})`),
    encryption: code('sqs.QueueEncryption.SQS_MANAGED'),
    enforceSSL: true,
  };
}

/** SQS dead-letter queue. */
export const deadLetterQueue: Emitter = ({ ctx }, node) => {
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  stack.construct(
    v,
    'sqs.Queue',
    stack.id(node.id),
    queueProps(resolveConfig<QueueConfig>(node)),
    `SQS dead-letter queue ${node.id}: ${node.label}`,
  );
  ctx.register({ node, stack, v, type: 'sqs.Queue' });
};

/** SQS queue, with its redrive policy pointing at the dead-letter queue its redrive edge names. */
export const queue: Emitter = (env, node) => {
  const { ctx } = env;
  const c = resolveConfig<QueueConfig>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  const props = queueProps(c);
  const dlqNode = redriveTarget(env, node);
  const dlq = dlqNode && ctx.local(stack, dlqNode.id);
  if (dlqNode && !dlq)
    ctx.note(
      'warning',
      `queue ${node.id} and its dead-letter queue ${dlqNode.id} are in different regions; SQS redrives only within a region`,
      node.id,
    );
  if (dlq) {
    if (resolveConfig<QueueConfig>(dlqNode as DocumentNode).fifo !== c.fifo)
      ctx.note(
        'warning',
        `queue ${node.id} and its dead-letter queue must both be FIFO or both standard`,
        node.id,
      );
    props.deadLetterQueue = { queue: code(dlq.v), maxReceiveCount: c.maxReceiveCount };
  }
  stack.construct(v, 'sqs.Queue', stack.id(node.id), props, `SQS queue ${node.id}: ${node.label}`);
  ctx.register({ node, stack, v, type: 'sqs.Queue' });
};

/** SNS topic (subscriptions are wired from its edges). */
export const topic: Emitter = ({ ctx }, node) => {
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  const fifo = resolveConfig<{ fifo: boolean }>(node).fifo;
  stack.construct(
    v,
    'sns.Topic',
    stack.id(node.id),
    { fifo: fifo ? true : undefined, enforceSSL: true },
    `SNS topic ${node.id}: ${node.label}`,
  );
  ctx.register({ node, stack, v, type: 'sns.Topic' });
};

/** EventBridge bus, with an archive when asked (rules are wired from its edges). */
export const eventBus: Emitter = ({ ctx }, node) => {
  const c = resolveConfig<{ archive: boolean }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  stack.construct(v, 'events.EventBus', stack.id(node.id), {}, `EventBridge bus ${node.id}: ${node.label}`);
  if (c.archive) {
    stack.line(
      `${v}.archive(${str(stack.id(`${node.id}#archive`, `${node.id}-archive`))}, { eventPattern: { account: [cdk.Stack.of(this).account] } });`,
    );
  }
  ctx.register({ node, stack, v, type: 'events.EventBus' });
};

/** Kinesis data stream (provisioned shards or on-demand), encrypted. */
export const stream: Emitter = ({ ctx }, node) => {
  const c = resolveConfig<{ shards: number; mode: 'provisioned' | 'on-demand'; retentionHours: number }>(
    node,
  );
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  stack.construct(
    v,
    'kinesis.Stream',
    stack.id(node.id),
    {
      streamMode: code(
        c.mode === 'on-demand' ? 'kinesis.StreamMode.ON_DEMAND' : 'kinesis.StreamMode.PROVISIONED',
      ),
      shardCount: c.mode === 'provisioned' ? c.shards : undefined,
      retentionPeriod: code(`cdk.Duration.hours(${c.retentionHours})`),
      encryption: code('kinesis.StreamEncryption.MANAGED'),
    },
    `Kinesis stream ${node.id}: ${node.label}`,
  );
  ctx.register({ node, stack, v, type: 'kinesis.Stream' });
};

/** MSK cluster (L1: the L2 is not stable) in its own security group, IAM auth over TLS, brokers spread over the zones. */
export const kafka: Emitter = (env, node) => {
  const { ctx, net } = env;
  const c = resolveConfig<{
    brokers: number;
    brokerInstance: string;
    storageGb: number;
    kafkaVersion: string;
  }>(node);
  const stack = ctx.stackOf(node);
  const p = net.placementOf(node.id);
  if (!p) return;
  const v = ctx.varOf(node.id);
  const sg = ctx.partVar(node.id, 'security-group');
  const name = physicalName(designSlug(ctx.doc), node.id, 64);
  stack.comment(`MSK cluster ${node.id}: ${node.label}`);
  stack.construct(sg, 'ec2.SecurityGroup', stack.id(`${node.id}#sg`, `${node.id}-security-group`), {
    vpc: code(p.vpc.v),
    description: `MSK ${node.id}`,
  });
  stack.construct(v, 'msk.CfnCluster', stack.id(node.id), {
    clusterName: name,
    kafkaVersion: c.kafkaVersion,
    numberOfBrokerNodes: c.brokers,
    brokerNodeGroupInfo: {
      instanceType: c.brokerInstance,
      clientSubnets: code(`${p.vpc.v}.selectSubnets(${net.selection(p).code}).subnetIds`),
      securityGroups: code(`[${sg}.securityGroupId]`),
      storageInfo: { ebsStorageInfo: { volumeSize: Math.max(1, Math.ceil(c.storageGb / c.brokers)) } },
    },
    clientAuthentication: { sasl: { iam: { enabled: true } } },
    encryptionInfo: { encryptionInTransit: { clientBroker: 'TLS', inCluster: true } },
  });
  ctx.register({
    node,
    stack,
    v,
    type: 'msk.CfnCluster',
    connections: sg,
    port: 9098,
    vpc: p.vpc.v,
    parts: { clusterName: name },
  });
};

/**
 * Step Functions state machine whose definition is the node's ASL, built by the same code as the
 * ASL export; Task resources are token references to the invoked constructs, and the state
 * machine is granted the right to call each of them.
 */
export const stateMachine: Emitter = ({ ctx }, node) => {
  const c = resolveConfig<{ type: 'standard' | 'express' }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  const grants: string[] = [];
  const missing: string[] = [];
  const built = buildDefinition(ctx.graph, node, (target, attribute) => {
    const t = ctx.local(stack, target.id);
    if (!t) {
      missing.push(target.id);
      return `arn:aws:states:::placeholder:${target.id}`;
    }
    const exprs: Record<string, string> = {
      'function:arn': `${t.v}.functionArn`,
      'queue:url': `${t.v}.queueUrl`,
      'dead-letter-queue:url': `${t.v}.queueUrl`,
      'topic:arn': `${t.v}.topicArn`,
      'state-machine:arn': `${t.v}.stateMachineArn`,
      'event-bus:name': `${t.v}.eventBusName`,
    };
    const expr = exprs[`${target.kind}:${attribute}`];
    const grantsByKind: Record<string, string> = {
      function: `${t.v}.grantInvoke(${v});`,
      queue: `${t.v}.grantSendMessages(${v});`,
      'dead-letter-queue': `${t.v}.grantSendMessages(${v});`,
      topic: `${t.v}.grantPublish(${v});`,
      'state-machine': `${t.v}.grantStartExecution(${v});`,
      'event-bus': `${t.v}.grantPutEventsTo(${v});`,
    };
    const grant = grantsByKind[target.kind];
    if (grant && !grants.includes(grant)) grants.push(grant);
    return code(expr ?? `${t.v}.node.id`);
  });
  for (const d of built.diagnostics) ctx.diagnostics.push(d);
  for (const id of missing)
    ctx.note(
      'error',
      `state machine ${node.id} invokes ${id}, which is not in the same region's stack; its Task keeps a placeholder ARN`,
      node.id,
    );
  for (const problem of validateAsl(built.definition))
    ctx.note('error', `the definition of ${node.id} is not valid ASL: ${problem}`, node.id);
  stack.construct(
    v,
    'sfn.StateMachine',
    stack.id(node.id),
    {
      stateMachineType: code(
        c.type === 'express' ? 'sfn.StateMachineType.EXPRESS' : 'sfn.StateMachineType.STANDARD',
      ),
      definitionBody: code(
        `sfn.DefinitionBody.fromString(JSON.stringify(${lit({ ...built.definition, Comment: awsText(node.label) }, '    ')}))`,
      ),
      tracingEnabled: true,
    },
    `Step Functions state machine ${node.id}: ${node.label}`,
  );
  for (const g of grants) stack.line(g);
  ctx.register({ node, stack, v, type: 'sfn.StateMachine', principal: v });
};

/**
 * Notification: email through an SES identity (the sender address is a stack parameter), SMS or
 * push through an SNS topic.
 */
export const notification: Emitter = ({ ctx }, node) => {
  const c = resolveConfig<{ channel: 'email' | 'sms' | 'push' }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  if (c.channel === 'email') {
    const param = ctx.partVar(node.id, 'sender');
    stack.construct(
      param,
      'cdk.CfnParameter',
      stack.id(`${node.id}#sender`, `${node.id}-sender`),
      {
        type: 'String',
        description: `Sender email address of ${node.id}`,
      },
      `SES email ${node.id}: ${node.label}`,
    );
    stack.construct(v, 'ses.EmailIdentity', stack.id(node.id), {
      identity: code(`ses.Identity.email(${param}.valueAsString)`),
    });
    ctx.register({ node, stack, v, type: 'ses.EmailIdentity', parts: { sender: param } });
  } else {
    stack.construct(
      v,
      'sns.Topic',
      stack.id(node.id),
      { enforceSSL: true },
      `SNS topic for ${c.channel} notifications ${node.id}: ${node.label}`,
    );
    ctx.register({ node, stack, v, type: 'sns.Topic' });
  }
};
