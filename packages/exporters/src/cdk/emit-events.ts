import type { DocumentNode, ResolvedEdge } from '@stackdraft/patterns';
import { resolveConfig } from '@stackdraft/patterns';
import type { Emitted } from './context';
import { redriveTarget } from './emit-messaging';
import type { Env } from './env';
import { code, lit, str } from './ts';

/** Reports an edge the CDK app cannot wire, and why. */
export function unwired(env: Env, e: ResolvedEdge, why: string): void {
  env.ctx.note('warning', `edge ${e.source.id} -> ${e.target.id}: ${why}`, e.source.id, e.edge.id);
}

/** Both ends in the same stack, or a warning. */
export function sameStack(env: Env, e: ResolvedEdge): { s: Emitted; t: Emitted } | undefined {
  const s = env.ctx.emitted.get(e.source.id);
  const t = env.ctx.emitted.get(e.target.id);
  if (!s || !t) return undefined;
  if (s.stack !== t.stack) {
    unwired(
      env,
      e,
      `the two nodes are in different regions (${s.stack.region}, ${t.stack.region}), and this connection only works within one`,
    );
    return undefined;
  }
  return { s, t };
}

/** An SNS subscription, with the topic's dead-letter queue when it has one. */
export function subscribe(env: Env, e: ResolvedEdge): void {
  const { ctx } = env;
  const both = sameStack(env, e);
  if (!both && e.target.kind !== 'external-service') return;
  const topic = ctx.emitted.get(e.source.id) as Emitted;
  const dlqNode = redriveTarget(env, e.source);
  const dlq = dlqNode ? ctx.local(topic.stack, dlqNode.id) : undefined;
  const opts = dlq ? `, { deadLetterQueue: ${dlq.v} }` : '';
  const t = both?.t;
  let sub: string | undefined;
  if (e.target.kind === 'queue' || e.target.kind === 'dead-letter-queue')
    sub = `new subs.SqsSubscription(${t?.v}, { rawMessageDelivery: true${dlq ? `, deadLetterQueue: ${dlq.v}` : ''} })`;
  else if (e.target.kind === 'function') sub = `new subs.LambdaSubscription(${t?.v}${opts})`;
  else if (e.target.kind === 'notification' && t?.type === 'ses.EmailIdentity')
    sub = `new subs.EmailSubscription(${t.parts.sender}.valueAsString${opts})`;
  else if (e.target.kind === 'notification' && t) {
    topic.stack.line(
      `${topic.v}.addSubscription(new subs.SqsSubscription(new sqs.Queue(this, ${str(topic.stack.id(`${e.edge.id}#fanout`, `${e.source.id}-to-${e.target.id}`))}, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true })));`,
    );
    unwired(env, e, 'SNS cannot forward to another topic; messages wait in a queue for a forwarder');
    return;
  } else if (e.target.kind === 'external-service') {
    const url = resolveConfig<{ url?: string }>(e.target).url;
    if (url?.startsWith('https://')) sub = `new subs.UrlSubscription(${str(url)}${opts})`;
  }
  if (sub) topic.stack.line(`${topic.v}.addSubscription(${sub});`);
  else
    unwired(
      env,
      e,
      `an SNS topic cannot deliver to ${e.target.kind}; subscribe a queue and let the service poll it`,
    );
}

const BUS_PATTERN_KEYS: Record<string, string> = {
  source: 'source',
  'detail-type': 'detailType',
  account: 'account',
  region: 'region',
  resources: 'resources',
  id: 'id',
  time: 'time',
  version: 'version',
};

/** An EventBridge rule per target of the bus (its event pattern from the edge), plus the bus's schedule. */
export function busRules(env: Env, bus: DocumentNode): void {
  const { ctx } = env;
  const b = ctx.emitted.get(bus.id);
  if (!b) return;
  const dlqNode = redriveTarget(env, bus);
  const dlq = dlqNode ? ctx.local(b.stack, dlqNode.id) : undefined;
  const opts = dlq ? `, { deadLetterQueue: ${dlq.v} }` : '';
  const all: string[] = [];
  for (const e of ctx.graph.outgoing(bus.id)) {
    if (e.kind !== 'async' && e.kind !== 'trigger') continue;
    const t = ctx.local(b.stack, e.target.id);
    const k = e.target.kind;
    let target: string | undefined;
    if (t && k === 'function') target = `new targets.LambdaFunction(${t.v}${opts})`;
    else if (t && (k === 'queue' || k === 'dead-letter-queue')) {
      const fifo = resolveConfig<{ fifo: boolean }>(e.target).fifo;
      target = `new targets.SqsQueue(${t.v}, { ${fifo ? "messageGroupId: 'events', " : ''}${dlq ? `deadLetterQueue: ${dlq.v}` : ''} })`;
    } else if (t && k === 'topic') target = `new targets.SnsTopic(${t.v}${opts})`;
    else if (t && k === 'stream') target = `new targets.KinesisStream(${t.v}${opts})`;
    else if (t && k === 'state-machine') target = `new targets.SfnStateMachine(${t.v}${opts})`;
    else if (t && k === 'event-bus') target = `new targets.EventBus(${t.v}${opts})`;
    if (!target) {
      unwired(env, e, `the CDK app has no EventBridge target for ${k}${t ? '' : ' in another region'}`);
      continue;
    }
    all.push(target);
    const pattern: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(e.edge.config?.eventPattern ?? {})) {
      if (key === 'detail' && typeof value === 'object' && value !== null && !Array.isArray(value))
        pattern.detail = value;
      else if (BUS_PATTERN_KEYS[key] && Array.isArray(value) && value.every((x) => typeof x === 'string'))
        pattern[BUS_PATTERN_KEYS[key] as string] = value;
      else
        ctx.note(
          'warning',
          `event pattern key ${JSON.stringify(key)} of edge ${e.edge.id} is not a list of strings the CDK app can write; it was left out`,
          bus.id,
          e.edge.id,
        );
    }
    if (Object.keys(pattern).length === 0) pattern.account = code('[cdk.Stack.of(this).account]');
    b.stack.line(
      `new events.Rule(this, ${str(b.stack.id(`${e.edge.id}#rule`, `${bus.id}-to-${e.target.id}`))}, ${lit({ eventBus: code(b.v), eventPattern: pattern, targets: code(`[${target}]`) }, '    ')});`,
    );
  }
  const schedule = resolveConfig<{ schedule?: string }>(bus).schedule;
  if (schedule && all.length > 0) {
    // Scheduled rules only exist on the default bus: the schedule invokes the same targets.
    b.stack.line(
      `new events.Rule(this, ${str(b.stack.id(`${bus.id}#schedule`, `${bus.id}-schedule`))}, { schedule: events.Schedule.expression(${str(schedule)}), targets: [${all.join(', ')}] });`,
    );
  }
}
