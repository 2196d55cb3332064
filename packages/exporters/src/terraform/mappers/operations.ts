import type { KindMapper, NodeExport } from '../context';
import { Raw, tpl, type Value, type ValueMap } from '../hcl';
import type { Res } from '../module';
import { description, output, source, target } from './common';

/** Secrets a vault node creates at most (each is an empty, numbered placeholder). */
const MAX_SECRETS = 50;

interface VaultConfig {
  secrets: number;
  rotationDays: number;
}

/**
 * `secrets-vault` -> `secrets` × `aws_secretsmanager_secret` (one resource with `count`), with no
 * value in the configuration: values are put after apply, outside Terraform state. Services
 * connected to the vault may read these secrets and no others.
 */
export const secretsVaultMapper: KindMapper = {
  kinds: ['secrets-vault'],
  map(ctx, node) {
    const c = ctx.config<VaultConfig>(node);
    const count = Math.min(c.secrets, MAX_SECRETS);
    if (count < c.secrets) {
      ctx.warn(
        `${c.secrets} secrets are more than an export should create by number: ${MAX_SECRETS} were exported; add the others by name.`,
        node.id,
      );
    }
    const secret = ctx.done(
      node,
      'aws_secretsmanager_secret',
      node.id,
      {
        name: tpl`${ctx.names.prefix}/${ctx.names.suffix('secret', node.id)}/secret-${new Raw('count.index + 1')}`,
        description: description(node.label, 2048),
        recovery_window_in_days: ctx.production ? 30 : 7,
        tags: ctx.tags(node.id, node.id),
      },
      { count },
    );
    ctx.info(
      `Secret values are not exported: put them with "aws secretsmanager put-secret-value" after apply. Rotation every ${c.rotationDays} days needs a rotation function (aws_secretsmanager_secret_rotation); database passwords are rotated by the database service itself.`,
      node.id,
    );
    const arns = new Raw(`${secret.address}[*].arn`);
    output(ctx, node, 'arns', 'secret ARNs', arns);
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: secret,
      arn: arns,
      grant: (access) =>
        access === 'write' || access === 'readwrite'
          ? [
              {
                actions: [
                  'secretsmanager:GetSecretValue',
                  'secretsmanager:DescribeSecret',
                  'secretsmanager:PutSecretValue',
                ],
                resource: arns,
              },
            ]
          : [{ actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], resource: arns }],
    };
  },
};

interface AlarmSpec {
  namespace: string;
  metric: string;
  dimensions: ValueMap;
  statistic: 'Sum' | 'Average' | 'Maximum';
  threshold: number;
  /** What the alarm means, for its description. */
  means: string;
}

/** The standard alarm for a node a monitoring node watches, by what the node exports. */
const ALARMS: readonly ((t: NodeExport) => AlarmSpec | undefined)[] = [
  (t) =>
    t.queue && t.node.kind === 'dead-letter-queue'
      ? {
          namespace: 'AWS/SQS',
          metric: 'ApproximateNumberOfMessagesVisible',
          dimensions: { QueueName: t.queue.res.ref('name') },
          statistic: 'Maximum',
          threshold: 0,
          means: 'messages are waiting in the dead-letter queue',
        }
      : undefined,
  (t) =>
    t.queue
      ? {
          namespace: 'AWS/SQS',
          metric: 'ApproximateAgeOfOldestMessage',
          dimensions: { QueueName: t.queue.res.ref('name') },
          statistic: 'Maximum',
          threshold: 300,
          means: 'a message has waited over 5 minutes',
        }
      : undefined,
  (t) =>
    t.lambda
      ? {
          namespace: 'AWS/Lambda',
          metric: 'Errors',
          dimensions: { FunctionName: t.lambda.ref('function_name') },
          statistic: 'Sum',
          threshold: 0,
          means: 'the function failed',
        }
      : undefined,
  (t) =>
    t.ecs
      ? {
          namespace: 'AWS/ECS',
          metric: 'CPUUtilization',
          dimensions: { ClusterName: t.ecs.clusterName, ServiceName: t.ecs.service.ref('name') },
          statistic: 'Average',
          threshold: 80,
          means: 'CPU above 80%',
        }
      : undefined,
  (t) =>
    t.main?.type === 'aws_db_instance'
      ? {
          namespace: 'AWS/RDS',
          metric: 'CPUUtilization',
          dimensions: { DBInstanceIdentifier: t.main.ref('identifier') },
          statistic: 'Average',
          threshold: 80,
          means: 'CPU above 80%',
        }
      : undefined,
  (t) =>
    t.lb?.type === 'application'
      ? {
          namespace: 'AWS/ApplicationELB',
          metric: 'HTTPCode_ELB_5XX_Count',
          dimensions: { LoadBalancer: t.lb.res.ref('arn_suffix') },
          statistic: 'Sum',
          threshold: 0,
          means: 'the load balancer returned 5xx errors',
        }
      : undefined,
  (t) =>
    t.api
      ? {
          namespace: 'AWS/ApiGateway',
          metric: '5xx',
          dimensions: { ApiId: t.api.res.ref('id') },
          statistic: 'Sum',
          threshold: 0,
          means: 'the API returned 5xx errors',
        }
      : undefined,
  (t) =>
    t.table
      ? {
          namespace: 'AWS/DynamoDB',
          metric: 'ReadThrottleEvents',
          dimensions: { TableName: t.table.res.ref('name') },
          statistic: 'Sum',
          threshold: 0,
          means: 'reads were throttled',
        }
      : undefined,
  (t) =>
    t.stream
      ? {
          namespace: 'AWS/Kinesis',
          metric: 'GetRecords.IteratorAgeMilliseconds',
          dimensions: { StreamName: t.stream.ref('name') },
          statistic: 'Maximum',
          threshold: 60_000,
          means: 'consumers are over a minute behind',
        }
      : undefined,
  (t) =>
    t.stateMachine
      ? {
          namespace: 'AWS/States',
          metric: 'ExecutionsFailed',
          dimensions: { StateMachineArn: t.stateMachine.res.ref('arn') },
          statistic: 'Sum',
          threshold: 0,
          means: 'executions failed',
        }
      : undefined,
  (t) =>
    t.topic
      ? {
          namespace: 'AWS/SNS',
          metric: 'NumberOfNotificationsFailed',
          dimensions: { TopicName: t.topic.res.ref('name') },
          statistic: 'Sum',
          threshold: 0,
          means: 'deliveries failed',
        }
      : undefined,
  (t) =>
    t.main?.type === 'aws_docdb_cluster'
      ? {
          namespace: 'AWS/DocDB',
          metric: 'CPUUtilization',
          dimensions: { DBClusterIdentifier: t.main.ref('cluster_identifier') },
          statistic: 'Average',
          threshold: 80,
          means: 'CPU above 80%',
        }
      : undefined,
];

/**
 * `monitoring` -> an `aws_cloudwatch_log_group` for application logs and custom metrics, and one
 * `aws_cloudwatch_metric_alarm` per watched node (dead-letter queue depth, function errors, 5xx,
 * CPU...), notifying the topics the monitoring node is connected to.
 */
export const monitoringMapper: KindMapper = {
  kinds: ['monitoring'],
  map(ctx, node) {
    const logs = ctx.done(node, 'aws_cloudwatch_log_group', node.id, {
      name: tpl`/stackdraft/${ctx.names.prefix}/${ctx.names.suffix('logGroup', node.id)}`,
      retention_in_days: 90,
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'log_groups', 'log group name', logs.ref('name'));
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: logs,
      arn: logs.ref('arn'),
      grant: () => [
        { actions: ['cloudwatch:PutMetricData'], resource: '*' },
        { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resource: tpl`${logs.ref('arn')}:*` },
      ],
    };
  },
  wire(ctx, self) {
    const topics: NodeExport[] = [];
    for (const e of ctx.edges(self.node.id, 'out', 'async')) {
      const t = target(ctx, e);
      if (t?.topic) {
        ctx.handled(e);
        topics.push(t);
      } else if (e.target.kind === 'notification') {
        ctx.handled(e);
        ctx.info(
          'Alarms notify through SNS: connect the monitoring node to a topic that the notification subscribes to.',
          self.node.id,
          e.edge.id,
        );
      }
    }
    for (const e of ctx.edges(self.node.id, 'in')) {
      const s = source(ctx, e);
      if (!s) continue;
      const spec = ALARMS.map((f) => f(s)).find((x) => x !== undefined);
      if (!spec) continue;
      ctx.handled(e);
      const hint = `${self.node.id}-${s.node.id}`;
      // Alarm actions must be topics in the alarm's region.
      const actions: Value[] = topics
        .filter((t) => t.region === s.region)
        .map((t) => (t.topic as { res: Res }).res.ref('arn'));
      ctx.done(
        self.node,
        'aws_cloudwatch_metric_alarm',
        hint,
        {
          alarm_name: ctx.names.name('alarm', hint),
          alarm_description: description(`${s.node.label || s.node.id}: ${spec.means}`, 1024),
          namespace: spec.namespace,
          metric_name: spec.metric,
          dimensions: spec.dimensions,
          statistic: spec.statistic,
          period: 300,
          evaluation_periods: 1,
          threshold: spec.threshold,
          comparison_operator: 'GreaterThanThreshold',
          treat_missing_data: 'notBreaching',
          alarm_actions: actions.length > 0 ? actions : undefined,
          tags: ctx.tags(self.node.id, hint),
        },
        // Metrics are regional: the alarm lives where the watched resource is.
        { provider: ctx.providerOf(s.node.id) },
      );
    }
  },
};
