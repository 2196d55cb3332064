import type { ResolvedEdge } from '@stackdraft/patterns';
import { resolveConfig } from '@stackdraft/patterns';
import type { Emitted } from './context';
import { busRules, sameStack, subscribe, unwired } from './emit-events';
import type { Env } from './env';
import { code, lit, str } from './ts';

/** Kinds whose node is outside the account or is wired where it is declared (front doors). */
const WIRED_AT_SOURCE = new Set([
  'client',
  'dns',
  'cdn',
  'waf',
  'load-balancer',
  'api-gateway',
  'external-service',
  'monitoring',
]);

/** Targets reached over the network (security group rules), not through an AWS API. */
const NETWORK_TARGETS = new Set([
  'sql-database',
  'read-replica',
  'document-database',
  'cache',
  'search-index',
  'container-service',
  'vm-group',
  'load-balancer',
  'kubernetes-service',
]);

type Access = 'read' | 'write' | 'readwrite';

/** The grant method a caller gets on each kind it calls synchronously, by the edge's access mode. */
const GRANTS: Record<string, (access: Access) => string> = {
  'nosql-table': (a) =>
    ({ read: 'grantReadData', write: 'grantWriteData', readwrite: 'grantReadWriteData' })[a],
  'object-storage': (a) => ({ read: 'grantRead', write: 'grantPut', readwrite: 'grantReadWrite' })[a],
  'search-index': (a) => ({ read: 'grantRead', write: 'grantWrite', readwrite: 'grantReadWrite' })[a],
  'secrets-vault': () => 'grantRead',
  function: () => 'grantInvoke',
  'state-machine': () => 'grantStartExecution',
  'sql-database': () => 'secret?.grantRead',
  'document-database': () => 'secret?.grantRead',
  'read-replica': () => 'secret?.grantRead',
};

/**
 * Wires every edge the declarations did not: event sources and subscriptions for triggers, IAM
 * grants for what a service reads, writes, publishes or invokes, security group rules between
 * VPC-resident nodes (only what the edges allow: the zero-trust default), event bus rules,
 * database credential rotation. Each line goes into the stack of the node that acts.
 */
export function wire(env: Env): void {
  const { ctx } = env;
  const start = new Map([...ctx.stacks.values()].map((s) => [s, s.body.length]));
  for (const n of ctx.doc.nodes) if (n.kind === 'event-bus') busRules(env, n);
  const rotated = new Set<string>();
  for (const e of ctx.graph.edges) {
    if (e.kind === 'trigger') trigger(env, e);
    else if (e.kind === 'async') asyncEdge(env, e);
    else if (e.kind === 'sync') syncEdge(env, e, rotated);
  }
  for (const [stack, at] of start) {
    if (stack.body.length > at)
      stack.body.splice(
        at,
        0,
        '',
        '// Wiring: the event sources, subscriptions, grants and network paths the edges imply.',
      );
  }
}

function trigger(env: Env, e: ResolvedEdge): void {
  const { ctx } = env;
  const source = e.source.kind;
  if (source === 'event-bus') return; // busRules
  if (source === 'topic') {
    subscribe(env, e);
    return;
  }
  if (e.target.kind === 'kubernetes-service') {
    ctx.note(
      'info',
      `${e.target.id} consumes ${e.source.id} from inside Kubernetes; give its pods access with EKS Pod Identity`,
      e.target.id,
      e.edge.id,
    );
    return;
  }
  const both = sameStack(env, e);
  if (!both) return;
  const { s, t } = both;
  const batch = e.edge.config?.batchSize;
  if (e.target.kind === 'function') {
    let sourceExpr: string | undefined;
    if (source === 'queue' || source === 'dead-letter-queue') {
      const opts: Record<string, unknown> = {};
      const fifo = resolveConfig<{ fifo: boolean }>(e.source).fifo;
      if (batch !== undefined) opts.batchSize = fifo ? Math.min(batch, 10) : Math.min(batch, 10_000);
      if (batch !== undefined && batch > 10 && !fifo)
        opts.maxBatchingWindow = code('cdk.Duration.seconds(1)');
      const visibility = resolveConfig<{ visibilityTimeoutS: number }>(e.source).visibilityTimeoutS;
      const timeout = resolveConfig<{ timeoutS: number }>(e.target).timeoutS;
      if (timeout > visibility)
        ctx.note(
          'warning',
          `queue ${e.source.id}'s visibility timeout (${visibility} s) is shorter than function ${e.target.id}'s timeout (${timeout} s); Lambda refuses such an event source`,
          e.source.id,
          e.edge.id,
        );
      sourceExpr = `new sources.SqsEventSource(${s.v}${Object.keys(opts).length > 0 ? `, ${lit(opts)}` : ''})`;
    } else if (source === 'stream') {
      sourceExpr = `new sources.KinesisEventSource(${s.v}, ${lit({ startingPosition: code('lambda.StartingPosition.LATEST'), batchSize: batch })})`;
    } else if (source === 'kafka') {
      const topic = e.edge.config?.topic;
      const valid = topic !== undefined && /^[A-Za-z0-9._-]{1,249}$/.test(topic) ? topic : e.source.id;
      const group = e.edge.config?.consumerGroup;
      sourceExpr = `new sources.ManagedKafkaEventSource(${lit({
        clusterArn: code(`${s.v}.attrArn`),
        topic: valid,
        startingPosition: code('lambda.StartingPosition.TRIM_HORIZON'),
        consumerGroupId:
          group !== undefined && /^[A-Za-z0-9-/*:_+=.@]{1,200}$/.test(group) ? group : undefined,
        batchSize: batch,
      })})`;
    } else if (source === 'nosql-table' && s.type === 'dynamodb.TableV2') {
      sourceExpr = `new sources.DynamoEventSource(${s.v}, ${lit({ startingPosition: code('lambda.StartingPosition.LATEST'), batchSize: batch })})`;
    } else if (source === 'object-storage') {
      sourceExpr = `new sources.S3EventSource(${s.v}, { events: [s3.EventType.OBJECT_CREATED] })`;
    }
    if (sourceExpr) t.stack.line(`${t.v}.addEventSource(${sourceExpr});`);
    else unwired(env, e, `a function cannot be triggered by ${source} in the CDK app`);
    return;
  }
  // Long-running consumers poll: they need the rights (and the network path) to read.
  const p = t.principal;
  if (p && (source === 'queue' || source === 'dead-letter-queue'))
    t.stack.line(`${s.v}.grantConsumeMessages(${p});`);
  else if (p && source === 'stream') t.stack.line(`${s.v}.grantRead(${p});`);
  else if (source === 'kafka' && t.connections) kafkaAccess(s, t, 'read');
  else unwired(env, e, `${e.target.kind} cannot consume ${source} directly; put a queue between them`);
}

function kafkaAccess(kafka: Emitted, client: Emitted, mode: 'read' | 'write'): void {
  const stack = client.stack;
  if (client.connections && kafka.vpc === client.vpc)
    stack.line(`${kafka.connections}.connections.allowFrom(${client.connections}, ec2.Port.tcp(9098));`);
  if (!client.principal) return;
  const actions = [
    'kafka-cluster:Connect',
    'kafka-cluster:DescribeTopic',
    ...(mode === 'read'
      ? ['kafka-cluster:ReadData', 'kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup']
      : ['kafka-cluster:WriteData']),
  ];
  stack.line(
    `iam.Grant.addToPrincipal({ grantee: ${client.principal}, actions: ${lit(actions, '    ')}, resourceArns: [${kafka.v}.attrArn, cdk.Stack.of(this).formatArn({ service: 'kafka', resource: 'topic', resourceName: ${str(`${kafka.parts.clusterName}/*`)} }), cdk.Stack.of(this).formatArn({ service: 'kafka', resource: 'group', resourceName: ${str(`${kafka.parts.clusterName}/*`)} })] });`,
  );
}

function asyncEdge(env: Env, e: ResolvedEdge): void {
  const { ctx } = env;
  const source = e.source.kind;
  if (source === 'event-bus' || WIRED_AT_SOURCE.has(source) || e.target.kind === 'monitoring') return;
  if (source === 'topic') {
    subscribe(env, e);
    return;
  }
  if (source === 'object-storage') {
    const both = sameStack(env, e);
    if (!both) return;
    const dest =
      e.target.kind === 'queue' ? 'SqsDestination' : e.target.kind === 'topic' ? 'SnsDestination' : undefined;
    if (dest)
      both.s.stack.line(
        `${both.s.v}.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.${dest}(${both.t.v}));`,
      );
    else unwired(env, e, `S3 cannot notify ${e.target.kind}`);
    return;
  }
  const s = ctx.emitted.get(e.source.id);
  if (!s?.principal) {
    if (e.source.kind === 'kubernetes-service')
      ctx.note(
        'info',
        `${e.source.id} sends to ${e.target.id} from inside Kubernetes; give its pods access with EKS Pod Identity`,
        e.source.id,
        e.edge.id,
      );
    return;
  }
  if (e.target.kind === 'kafka') {
    const k = ctx.local(s.stack, e.target.id);
    if (k) kafkaAccess(k, s, 'write');
    else unwired(env, e, 'the Kafka cluster is in another region');
    return;
  }
  const t = ctx.ref(s.stack, e.target.id);
  const target = ctx.emitted.get(e.target.id);
  if (!t || !target) return;
  const grant: Record<string, string> = {
    queue: 'grantSendMessages',
    'dead-letter-queue': 'grantSendMessages',
    topic: 'grantPublish',
    'event-bus': 'grantPutEventsTo',
    stream: 'grantWrite',
    notification: target.type === 'ses.EmailIdentity' ? 'grantSendEmail' : 'grantPublish',
  };
  const method = grant[e.target.kind];
  if (method) s.stack.line(`${t}.${method}(${s.principal});`);
}

function syncEdge(env: Env, e: ResolvedEdge, rotated: Set<string>): void {
  const { ctx } = env;
  if (WIRED_AT_SOURCE.has(e.source.kind)) return;
  const s = ctx.emitted.get(e.source.id);
  if (!s) return;
  const tk = e.target.kind;
  if ((e.source.kind === 'sql-database' || e.source.kind === 'document-database') && tk === 'secrets-vault') {
    if (rotated.has(e.source.id)) return;
    rotated.add(e.source.id);
    const days = resolveConfig<{ rotationDays: number }>(e.target).rotationDays;
    s.stack.line(
      `${s.v}.addRotationSingleUser(${e.source.kind === 'sql-database' ? `{ automaticallyAfter: cdk.Duration.days(${days}) }` : `cdk.Duration.days(${days})`});`,
    );
    return;
  }
  if (tk === 'auth' || tk === 'external-service' || tk === 'api-gateway') return;
  const t = ctx.emitted.get(e.target.id);
  if (!t) return;
  const access = e.edge.config?.access ?? 'readwrite';
  const p = s.principal;
  const grants: string[] = [];
  if (p) {
    const grant = GRANTS[tk]?.(access);
    // A replica uses its primary's credentials: the caller reads the primary's secret.
    const holder =
      tk === 'read-replica'
        ? ctx.graph.incoming(e.target.id).find((x) => x.kind === 'replication')?.source.id
        : e.target.id;
    if (grant && holder) {
      const ref = ctx.ref(s.stack, holder);
      if (!ref) {
        unwired(env, e, "the two regions' stacks cannot reference each other");
        return;
      }
      grants.push(`${ref}.${grant}(${p});`);
    }
  } else if (
    e.source.kind === 'kubernetes-service' &&
    ['nosql-table', 'object-storage', 'secrets-vault', 'search-index', 'function', 'state-machine'].includes(
      tk,
    )
  ) {
    ctx.note(
      'info',
      `${e.source.id} uses ${e.target.id} from inside Kubernetes; give its pods access with EKS Pod Identity`,
      e.source.id,
      e.edge.id,
    );
  }
  for (const g of grants) s.stack.line(g);

  // Security groups: admit exactly the callers the edges name.
  if (t.connections && NETWORK_TARGETS.has(tk)) {
    if (!s.connections || s.vpc !== t.vpc || s.stack !== t.stack) {
      if (!s.connections && s.type === 'sfn.StateMachine') return;
      if (s.connections || t.stack === s.stack)
        unwired(
          env,
          e,
          `no network path in the CDK app: ${e.source.id} and ${e.target.id} are not in the same VPC`,
        );
      return;
    }
    if (s.v === t.v) return; // two services of the same Kubernetes cluster
    const port = t.port;
    s.stack.line(
      port === undefined
        ? `${t.connections}.connections.allowDefaultPortFrom(${s.connections});`
        : `${t.connections}.connections.allowFrom(${s.connections}, ec2.Port.tcp(${port}));`,
    );
  }
}
