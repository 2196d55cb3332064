import type { DocumentNode } from '@stackdraft/patterns';
import { resolveConfig } from '@stackdraft/patterns';
import type { Emitted } from './context';
import type { Emitter } from './env';
import { str } from './ts';

/** The alarm a monitored node gets: which metric, and when it fires. */
function alarmFor(
  source: DocumentNode,
  e: Emitted,
): { metric: string; threshold: number; what: string } | undefined {
  switch (source.kind) {
    case 'function':
      return { metric: `${e.v}.metricErrors()`, threshold: 1, what: 'errors' };
    case 'queue':
      return {
        metric: `${e.v}.metricApproximateAgeOfOldestMessage()`,
        threshold: 300,
        what: 'oldest message age (s)',
      };
    case 'dead-letter-queue':
      return {
        metric: `${e.v}.metricApproximateNumberOfMessagesVisible()`,
        threshold: 1,
        what: 'failed messages',
      };
    case 'state-machine':
      return { metric: `${e.v}.metricFailed()`, threshold: 1, what: 'failed executions' };
    case 'container-service':
      return { metric: `${e.v}.metricCpuUtilization()`, threshold: 80, what: 'CPU %' };
    case 'sql-database':
    case 'read-replica':
      return { metric: `${e.v}.metricCPUUtilization()`, threshold: 80, what: 'CPU %' };
    case 'topic':
      return {
        metric: `${e.v}.metricNumberOfNotificationsFailed()`,
        threshold: 1,
        what: 'failed deliveries',
      };
    case 'stream':
      return {
        metric: `${e.v}.metricGetRecordsIteratorAgeMilliseconds()`,
        threshold: 60_000,
        what: 'iterator age (ms)',
      };
    case 'api-gateway':
      return { metric: `${e.v}.metricServerError()`, threshold: 5, what: '5xx responses' };
    case 'load-balancer':
      return e.type === 'elbv2.ApplicationLoadBalancer'
        ? {
            metric: `${e.v}.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT)`,
            threshold: 5,
            what: '5xx responses',
          }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * CloudWatch alarms on the nodes that send to monitoring (errors, failed messages, saturation),
 * their actions on the topics monitoring sends to, and a dashboard of alarm states.
 */
export const monitoring: Emitter = ({ ctx }, node) => {
  const c = resolveConfig<{ dashboards: number }>(node);
  const stack = ctx.stackOf(node);
  const alarms: string[] = [];
  for (const e of ctx.graph.incoming(node.id)) {
    const source = ctx.local(stack, e.source.id);
    const spec = source && alarmFor(e.source, source);
    if (!spec) {
      if (!source && ctx.emitted.has(e.source.id))
        ctx.note(
          'info',
          `monitoring ${node.id} watches ${e.source.id} in another region: alarms stay in their region, add them there`,
          node.id,
          e.edge.id,
        );
      continue;
    }
    if (alarms.length === 0) stack.comment(`CloudWatch alarms ${node.id}: ${node.label}`);
    const a = ctx.partVar(e.edge.id, 'alarm');
    stack.line(
      `const ${a} = ${spec.metric}.createAlarm(this, ${str(stack.id(`${e.edge.id}#alarm`, `${e.source.id}-alarm`))}, { threshold: ${spec.threshold}, evaluationPeriods: 1, comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, alarmDescription: ${str(`${e.source.id}: ${spec.what}`)} });`,
    );
    alarms.push(a);
  }
  for (const e of ctx.graph.outgoing(node.id)) {
    const t = ctx.local(stack, e.target.id);
    if (t?.type === 'sns.Topic')
      for (const a of alarms) stack.line(`${a}.addAlarmAction(new cwactions.SnsAction(${t.v}));`);
  }
  if (c.dashboards > 0 && alarms.length > 0) {
    stack.construct(
      ctx.partVar(node.id, 'dashboard'),
      'cloudwatch.Dashboard',
      stack.id(`${node.id}#dashboard`, `${node.id}-dashboard`),
      {},
    );
    stack.line(
      `${ctx.partVar(node.id, 'dashboard')}.addWidgets(new cloudwatch.AlarmStatusWidget({ alarms: [${alarms.join(', ')}] }));`,
    );
  }
};
