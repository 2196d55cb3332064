import type { DocumentNode, ResolvedEdge } from '@stackdraft/patterns';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { type Body, block, tpl } from '../hcl';
import type { Res } from '../module';
import { description, grantBy, output, placeInVpc, requireSameRegion, source } from './common';

interface FunctionConfig {
  runtime: string;
  architecture: 'x86_64' | 'arm64';
  memoryMb: number;
  timeoutS: number;
}

/** The conventional entry point of a package per runtime family (the code is yours to build). */
const HANDLERS: readonly [RegExp, string][] = [
  [/^nodejs/, 'index.handler'],
  [/^python/, 'app.handler'],
  [/^ruby/, 'app.handler'],
  [/^java/, 'example.Handler::handleRequest'],
  [/^dotnet/, 'Function::Function.Handler::FunctionHandler'],
  [/^provided/, 'bootstrap'],
];

/** Kinds a function can only reach from inside their VPC. */
const VPC_ONLY = new Set([
  'sql-database',
  'read-replica',
  'document-database',
  'cache',
  'search-index',
  'kafka',
  'container-service',
  'vm-group',
]);

/** The VPC node a function must join: its own group, else that of the first VPC-only node it calls. */
function vpcAnchor(ctx: ExportContext, node: DocumentNode): string | undefined {
  if (ctx.graph.enclosing(node.id, 'vpc') || ctx.graph.enclosing(node.id, 'subnet')) return node.id;
  const e = ctx.edges(node.id, 'out', 'sync', 'async').find((x) => VPC_ONLY.has(x.target.kind));
  return e?.target.id;
}

/**
 * `function` -> `aws_lambda_function` with its own IAM role (logs to its own log group, plus what
 * its edges need), an `aws_cloudwatch_log_group`, and `vpc_config` when it sits in a VPC or calls
 * something that lives only in one. Queue, stream, DynamoDB-stream and Kafka triggers become
 * `aws_lambda_event_source_mapping`s.
 */
export const functionMapper: KindMapper = {
  kinds: ['function'],
  map(ctx, node) {
    const c = ctx.config<FunctionConfig>(node);
    let runtime = c.runtime;
    if (runtime === 'go1.x') {
      ctx.info(
        'The go1.x runtime is retired: exported as provided.al2023 (build the Go binary as "bootstrap").',
        node.id,
      );
      runtime = 'provided.al2023';
    }
    const principal = ctx.principal(node, 'lambda.amazonaws.com');
    const fnName = ctx.names.name('lambda', node.id);
    const logs = ctx.done(node, 'aws_cloudwatch_log_group', node.id, {
      name: tpl`/aws/lambda/${ctx.names.prefix}-${ctx.names.suffix('lambda', node.id)}`,
      retention_in_days: 30,
      tags: ctx.tags(node.id, node.id),
    });
    principal.allow({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resource: tpl`${logs.ref('arn')}:*`,
    });

    const e: NodeExport = { node, region: ctx.graph.regionOf(node.id) };
    let vpcConfig: Body | undefined;
    const anchor = vpcAnchor(ctx, node);
    if (anchor !== undefined) {
      const place = placeInVpc(ctx, node, { compute: true, network: ctx.networkFor(anchor) });
      vpcConfig = { subnet_ids: place.subnets, security_group_ids: [place.sg.res.ref('id')] };
      principal.attach('service-role/AWSLambdaVPCAccessExecutionRole');
      e.sg = place.sg;
    }
    const packageDir = ctx.module.variable('lambda_package_dir', {
      type: 'string',
      description: 'Directory holding one deployment package per function, named <node id>.zip.',
      default: 'build',
      fillIn: true,
    });
    const fn = ctx.done(node, 'aws_lambda_function', node.id, {
      function_name: fnName,
      description: description(node.label, 256),
      role: principal.role.ref('arn'),
      runtime,
      handler: HANDLERS.find(([re]) => re.test(runtime))?.[1] ?? 'index.handler',
      architectures: [c.architecture],
      memory_size: c.memoryMb,
      timeout: c.timeoutS,
      filename: tpl`${packageDir}/${node.id}.zip`,
      logging_config: block({ log_format: 'Text', log_group: logs.ref('name') }),
      vpc_config: vpcConfig ? block(vpcConfig) : undefined,
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'names', 'Lambda function name', fn.ref('function_name'));
    const invoke = ['lambda:InvokeFunction'];
    e.main = fn;
    e.arn = fn.ref('arn');
    e.lambda = fn;
    e.principal = principal;
    e.grant = grantBy({ invoke, write: invoke, readwrite: invoke }, fn.ref('arn'));
    return e;
  },
  wire(ctx, self) {
    for (const e of ctx.edges(self.node.id, 'in', 'trigger')) {
      const s = source(ctx, e);
      if (s) eventSource(ctx, self, s, e);
    }
  },
};

/** An event source mapping from a queue, stream, table stream or Kafka topic to the function. */
function eventSource(ctx: ExportContext, fn: NodeExport, s: NodeExport, e: ResolvedEdge): void {
  const lambda = fn.lambda as Res;
  const batch = e.edge.config?.batchSize;
  const body: Body = { function_name: lambda.ref('arn') };
  if (s.queue) {
    const max = s.queue.fifo ? 10 : 10_000;
    const size = Math.min(batch ?? 10, max);
    if (batch !== undefined && batch > max)
      ctx.warn(`A FIFO queue hands a function at most ${max} messages per batch.`, fn.node.id, e.edge.id);
    Object.assign(body, {
      event_source_arn: s.queue.res.ref('arn'),
      batch_size: size,
      // SQS batches above 10 messages need a batching window.
      maximum_batching_window_in_seconds: size > 10 ? 1 : undefined,
      function_response_types: ['ReportBatchItemFailures'],
    });
  } else if (s.stream) {
    Object.assign(body, {
      event_source_arn: s.stream.ref('arn'),
      starting_position: 'LATEST',
      batch_size: batch,
    });
  } else if (s.table) {
    s.table.enableStream();
    if (!s.table.isPrimary || !s.table.streamArn) {
      ctx.warn(
        'The stream of a global table replica is managed by the table in its primary region; connect the trigger to that table. Not exported.',
        fn.node.id,
        e.edge.id,
      );
      return;
    }
    Object.assign(body, {
      event_source_arn: s.table.streamArn,
      starting_position: 'LATEST',
      batch_size: batch,
    });
  } else if (s.kafka) {
    const topic = e.edge.config?.topic;
    if (topic === undefined)
      ctx.warn('Set the Kafka topic on this trigger edge; "events" was used.', fn.node.id, e.edge.id);
    Object.assign(body, {
      event_source_arn: s.kafka.ref('arn'),
      topics: [topic ?? 'events'],
      starting_position: 'LATEST',
      batch_size: batch,
      amazon_managed_kafka_event_source_config: e.edge.config?.consumerGroup
        ? block({ consumer_group_id: e.edge.config.consumerGroup })
        : undefined,
    });
    fn.principal?.attach('service-role/AWSLambdaMSKExecutionRole');
    // The pollers connect to the brokers from the cluster's own security group.
    if (s.sg && s.port) ctx.allowTcp(s.sg, s.sg, s.port);
  } else return;
  if (!requireSameRegion(ctx, e, 'An event source mapping')) return;
  ctx.handled(e);
  // The function's role must allow reading the source before the mapping is created.
  const policy = fn.principal?.policyRes;
  ctx.done(fn.node, 'aws_lambda_event_source_mapping', `${s.node.id}-to-${fn.node.id}`, body, {
    dependsOn: policy ? [policy] : [],
  });
}
