import type { EdgeConfig } from '@stackdraft/patterns';
import type { ImportContext } from '../context';
import type { ImportNode } from '../nodes';
import type { TfResource } from '../parse';
import type { EdgeSet } from './edge-set';
import type { DeadLetterLink } from './redrive';

/** Edges the Terraform states outright: mappings, subscriptions, redrives, replicas, targets. */
export function explicitEdges(ctx: ImportContext, set: EdgeSet, links: readonly DeadLetterLink[]): void {
  const node = (r: TfResource | undefined) => set.nodeOf(r?.address);

  for (const l of links) set.explicit(node(l.from), node(l.dlq), l.via, 'redrive');

  for (const m of ctx.ofType('aws_lambda_event_source_mapping')) {
    const source = ctx.refsAt(m, 'event_source_arn')[0];
    const batch = ctx.reader(m).num('batch_size');
    const config: EdgeConfig =
      batch !== undefined && Number.isInteger(batch) && batch >= 1 ? { batchSize: batch } : {};
    set.explicit(node(source), node(ctx.refTo(m, 'function_name')), m.address, 'trigger', config);
  }

  for (const db of ctx.ofType('aws_db_instance')) {
    if (db.body.replicate_source_db === undefined) continue;
    const primary = ctx.refTo(db, 'replicate_source_db', 'aws_db_instance') ?? byIdentifier(ctx, db);
    if (!primary) ctx.warn('the primary of this replica is not in the module: drawn without one', db.address);
    set.explicit(node(primary), node(db), db.address, 'replication');
  }

  loadBalancerEdges(ctx, set);
  apiEdges(ctx, set);

  for (const s of ctx.ofType('aws_sns_topic_subscription')) {
    const target = ctx.refsAt(s, 'endpoint')[0];
    if (!target) {
      ctx.warn('the subscription endpoint is not a resource of the module: no edge drawn', s.address);
      continue;
    }
    set.explicit(node(ctx.refTo(s, 'topic_arn')), node(target), s.address);
  }

  for (const t of ctx.ofType('aws_cloudwatch_event_target')) {
    const rule = ctx.refTo(t, 'rule', 'aws_cloudwatch_event_rule');
    const bus = ctx.refTo(t, 'event_bus_name', 'aws_cloudwatch_event_bus') ?? rule;
    set.explicit(node(bus), node(ctx.refsAt(t, 'arn')[0]), t.address);
  }

  for (const n of ctx.ofType('aws_s3_bucket_notification')) {
    const bucket = node(ctx.refTo(n, 'bucket'));
    for (const arg of ['lambda_function', 'queue', 'topic'])
      for (const target of ctx.refsAt(n, arg)) set.explicit(bucket, node(target), n.address);
  }

  for (const a of ctx.ofType('aws_wafv2_web_acl_association'))
    set.explicit(node(ctx.refTo(a, 'web_acl_arn')), node(ctx.refsAt(a, 'resource_arn')[0]), a.address);
  for (const cdn of ctx.ofType('aws_cloudfront_distribution'))
    set.explicit(node(ctx.refsAt(cdn, 'web_acl_id')[0]), node(cdn), cdn.address);

  // An alarm watches the resources in its dimensions and notifies the topics in its actions.
  for (const alarm of ctx.ofType('aws_cloudwatch_metric_alarm')) {
    const monitoring = node(alarm);
    for (const watched of ctx.refsAt(alarm, 'dimensions'))
      set.explicit(node(watched), monitoring, alarm.address, 'async');
    for (const arg of ['alarm_actions', 'ok_actions'])
      for (const topic of ctx.refsAt(alarm, arg))
        set.explicit(monitoring, node(topic), alarm.address, 'async');
  }
}

/** A replica naming its primary by a literal identifier. */
function byIdentifier(ctx: ImportContext, replica: TfResource): TfResource | undefined {
  const id = ctx.reader(replica).str('replicate_source_db');
  if (!id) return undefined;
  return ctx.ofType('aws_db_instance').find((d) => d !== replica && ctx.reader(d).str('identifier') === id);
}

/** load balancer -> what its target groups route to (ECS services, functions, VM groups). */
function loadBalancerEdges(ctx: ImportContext, set: EdgeSet): void {
  for (const tg of ctx.ofType('aws_lb_target_group', 'aws_alb_target_group')) {
    const lbs = new Set<ImportNode>();
    for (const l of ctx.users(tg, ['aws_lb_listener', 'aws_alb_listener'])) {
      const lb = set.nodeOf(ctx.refTo(l, 'load_balancer_arn')?.address);
      if (lb) lbs.add(lb);
    }
    for (const rule of ctx.users(tg, ['aws_lb_listener_rule', 'aws_alb_listener_rule'])) {
      const listener = ctx.refTo(rule, 'listener_arn');
      const lb = listener ? set.nodeOf(ctx.refTo(listener, 'load_balancer_arn')?.address) : undefined;
      if (lb) lbs.add(lb);
    }
    const targets: TfResource[] = [
      ...ctx.users(tg, ['aws_ecs_service', 'aws_autoscaling_group']),
      ...ctx
        .users(tg, ['aws_lb_target_group_attachment'], 'target_group_arn')
        .flatMap((a) => ctx.refsAt(a, 'target_id')),
      ...ctx
        .users(tg, ['aws_autoscaling_attachment'])
        .flatMap((a) => ctx.refsAt(a, 'autoscaling_group_name')),
    ];
    for (const lb of lbs)
      for (const t of targets) set.explicit(lb, set.nodeOf(t.address), tg.address, 'sync');
  }
}

/** API gateway -> what its integrations call, with the route of the integration when it has one. */
function apiEdges(ctx: ImportContext, set: EdgeSet): void {
  for (const i of ctx.ofType('aws_apigatewayv2_integration', 'aws_api_gateway_integration')) {
    const api = set.nodeOf(
      ctx.refsAt(i, i.type === 'aws_api_gateway_integration' ? 'rest_api_id' : 'api_id')[0]?.address,
    );
    const uri = i.type === 'aws_api_gateway_integration' ? 'uri' : 'integration_uri';
    let target = ctx.refsAt(i, uri)[0] ?? ctx.refsAt(i, 'request_parameters')[0];
    // A listener stands for its load balancer.
    if (target && /_listener$/.test(target.type)) target = ctx.refTo(target, 'load_balancer_arn') ?? target;
    const routes = ctx
      .users(i, ['aws_apigatewayv2_route'], 'target')
      .map((r) => ctx.reader(r).str('route_key'))
      .filter((k): k is string => !!k && k !== '$default');
    const path = routes.length === 1 ? (routes[0] as string).replace(/^[A-Z]+\s+/, '') : undefined;
    const config: EdgeConfig = path && path.length <= 200 ? { route: path } : {};
    set.explicit(api, set.nodeOf(target?.address), i.address, undefined, config);
  }
}
