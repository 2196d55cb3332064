import type { ResolvedEdge } from '@stackdraft/patterns';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { type Body, block, jsonencode, type Value, type ValueMap } from '../hcl';
import { type Principal, sourceArn } from '../iam';
import type { Res } from '../module';
import { description, grantBy, lambdaPermission, output, requireSameRegion, target } from './common';

interface BusConfig {
  schedule?: string;
  archive: boolean;
}

/** Matches every event: EventBridge needs a pattern, and an edge without one means "all of them". */
const MATCH_ALL: ValueMap = { source: [{ prefix: '' }] };

/** The bus's delivery role (for targets that need one: streams, state machines, other buses). */
function deliveryRole(ctx: ExportContext, self: NodeExport): Principal {
  return ctx.shared(`bus-role:${self.node.id}`, () =>
    ctx.principal(self.node, 'events.amazonaws.com', 'delivery'),
  );
}

/** Can a rule on this bus deliver to the edge's target? Warns when the regions rule it out. */
function canTarget(ctx: ExportContext, e: ResolvedEdge): boolean {
  const t = target(ctx, e);
  if (!t) return false;
  if (t.lambda || t.queue) return requireSameRegion(ctx, e, `An event rule delivering to a ${t.node.kind}`);
  return Boolean(t.topic || t.stream || t.stateMachine || t.bus);
}

/** The target arguments for one edge, with the permission the target needs. */
function targetFor(ctx: ExportContext, self: NodeExport, t: NodeExport, rule: Res): Body {
  const ruleArn = rule.ref('arn');
  if (t.lambda) {
    lambdaPermission(ctx, self.node, t, 'events.amazonaws.com', ruleArn, rule.name);
    return { arn: t.lambda.ref('arn') };
  }
  if (t.queue) {
    t.queue.policy.allow({
      service: 'events.amazonaws.com',
      actions: ['sqs:SendMessage'],
      resource: t.queue.res.ref('arn'),
      condition: sourceArn(ruleArn),
    });
    return {
      arn: t.queue.res.ref('arn'),
      sqs_target: t.queue.fifo ? block({ message_group_id: self.node.id }) : undefined,
    };
  }
  if (t.topic) {
    t.topic.policy.allow({
      service: 'events.amazonaws.com',
      actions: ['sns:Publish'],
      resource: t.topic.res.ref('arn'),
      condition: sourceArn(ruleArn),
    });
    return { arn: t.topic.res.ref('arn') };
  }
  // Streams, state machines and other buses are reached through the bus's delivery role.
  const role = deliveryRole(ctx, self);
  role.allow(...(t.grant?.(t.stateMachine ? 'invoke' : 'write') ?? []));
  return { arn: t.arn as Value, role_arn: role.role.ref('arn') };
}

/**
 * `event-bus` -> `aws_cloudwatch_event_bus` (plus an archive when asked). Each edge to a target
 * becomes an `aws_cloudwatch_event_rule` with the edge's `eventPattern` and an
 * `aws_cloudwatch_event_target`, with the permission that target needs (function permission,
 * queue or topic policy, or a delivery role); a redrive edge gives every target a dead-letter queue.
 * A schedule becomes a rule on the default bus (the only bus schedules run on) with the same targets.
 */
export const eventBusMapper: KindMapper = {
  kinds: ['event-bus'],
  map(ctx, node) {
    const c = ctx.config<BusConfig>(node);
    const res = ctx.done(node, 'aws_cloudwatch_event_bus', node.id, {
      name: ctx.names.name('eventBus', node.id),
      description: description(node.label, 512),
      tags: ctx.tags(node.id, node.id),
    });
    if (c.archive) {
      ctx.done(node, 'aws_cloudwatch_event_archive', node.id, {
        name: ctx.names.name('eventRule', `${node.id}-archive`),
        event_source_arn: res.ref('arn'),
        retention_days: 0,
      });
    }
    output(ctx, node, 'names', 'event bus name', res.ref('name'));
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: res,
      arn: res.ref('arn'),
      bus: res,
      grant: grantBy({ write: ['events:PutEvents'], invoke: ['events:PutEvents'] }, res.ref('arn')),
    };
  },
  wire(ctx, self) {
    const bus = self.bus as Res;
    const c = ctx.config<BusConfig>(self.node);
    const dlqEdge = ctx.edges(self.node.id, 'out', 'redrive').find((e) => target(ctx, e)?.queue);
    const dlq = dlqEdge ? target(ctx, dlqEdge)?.queue : undefined;
    if (dlqEdge) ctx.handled(dlqEdge);

    const targetEdges = ctx.edges(self.node.id, 'out', 'async', 'trigger').filter((e) => canTarget(ctx, e));
    const addTarget = (rule: Res, e: ResolvedEdge, onDefaultBus: boolean) => {
      const body = targetFor(ctx, self, target(ctx, e) as NodeExport, rule);
      // Delivery to the DLQ needs its queue policy first.
      const dlqPolicy = dlq?.policy.allow({
        service: 'events.amazonaws.com',
        actions: ['sqs:SendMessage'],
        resource: dlq.res.ref('arn'),
        condition: sourceArn(rule.ref('arn')),
      });
      ctx.done(
        self.node,
        'aws_cloudwatch_event_target',
        `${rule.name}-target`,
        Object.assign(
          { rule: rule.ref('name'), event_bus_name: onDefaultBus ? undefined : bus.ref('name') },
          body,
          {
            dead_letter_config: dlq ? block({ arn: dlq.res.ref('arn') }) : undefined,
          },
        ),
        { dependsOn: dlqPolicy ? [dlqPolicy] : [] },
      );
    };

    for (const e of targetEdges) {
      ctx.handled(e);
      const rule = ctx.done(self.node, 'aws_cloudwatch_event_rule', `${self.node.id}-to-${e.target.id}`, {
        name: ctx.names.name('eventRule', `${self.node.id}-to-${e.target.id}`),
        description: description(e.edge.label, 512),
        event_bus_name: bus.ref('name'),
        event_pattern: jsonencode((e.edge.config?.eventPattern as ValueMap | undefined) ?? MATCH_ALL),
        tags: ctx.tags(self.node.id, `${self.node.id}-to-${e.target.id}`),
      });
      addTarget(rule, e, false);
    }

    if (c.schedule && targetEdges.length > 0) {
      const rule = ctx.done(self.node, 'aws_cloudwatch_event_rule', `${self.node.id}-schedule`, {
        name: ctx.names.name('eventRule', `${self.node.id}-schedule`),
        description: 'Schedule of the event bus (schedules run on the default bus)',
        schedule_expression: c.schedule,
        tags: ctx.tags(self.node.id, `${self.node.id}-schedule`),
      });
      for (const e of targetEdges) addTarget(rule, e, true);
    }
  },
};
