import type { ResolvedEdge } from '@stackdraft/patterns';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { block } from '../hcl';
import type { Res } from '../module';
import { lambdaPermission, output, placeInVpc, routePath, target } from './common';

interface LbConfig {
  type: 'application' | 'network';
  internal: boolean;
}

const LISTENER_PORT = 80;

/** A target group for one edge, attached the way its target needs; undefined when it cannot be a target. */
function targetGroup(ctx: ExportContext, self: NodeExport, e: ResolvedEdge, listener: Res): Res | undefined {
  const lb = self.lb as NonNullable<NodeExport['lb']>;
  const t = target(ctx, e);
  if (!t) return undefined;
  const alb = lb.type === 'application';
  const hint = `${self.node.id}-${t.node.id}`;
  const vpcId = self.sg?.network.vpc.ref('id');
  const health = alb
    ? block({ path: '/', matcher: '200-399', healthy_threshold: 3, unhealthy_threshold: 3 })
    : block({ protocol: 'TCP' });
  const name = ctx.names.name('elb', hint);
  const tags = ctx.tags(self.node.id, hint);
  if (t.ecs) {
    const tg = ctx.done(self.node, 'aws_lb_target_group', hint, {
      name,
      port: t.ecs.port,
      protocol: alb ? 'HTTP' : 'TCP',
      target_type: 'ip',
      vpc_id: vpcId,
      health_check: health,
      tags,
    });
    t.ecs.loadBalancers.push({
      target_group_arn: tg.ref('arn'),
      container_name: t.ecs.containerName,
      container_port: t.ecs.port,
    });
    // ECS only accepts a target group that is already attached to a load balancer.
    t.ecs.service.depend(listener);
    return tg;
  }
  if (t.asg) {
    const tg = ctx.done(self.node, 'aws_lb_target_group', hint, {
      name,
      port: t.port ?? 80,
      protocol: alb ? 'HTTP' : 'TCP',
      target_type: 'instance',
      vpc_id: vpcId,
      health_check: health,
      tags,
    });
    t.asg.targetGroups.push(tg.ref('arn'));
    return tg;
  }
  if (t.lambda && alb) {
    const tg = ctx.done(self.node, 'aws_lb_target_group', hint, { name, target_type: 'lambda', tags });
    const permission = lambdaPermission(
      ctx,
      self.node,
      t,
      'elasticloadbalancing.amazonaws.com',
      tg.ref('arn'),
      hint,
    );
    ctx.done(
      self.node,
      'aws_lb_target_group_attachment',
      hint,
      { target_group_arn: tg.ref('arn'), target_id: t.lambda.ref('arn') },
      { dependsOn: [permission] },
    );
    return tg;
  }
  return undefined;
}

/**
 * `load-balancer` -> `aws_lb` (application or network; internet-facing in public subnets, or
 * internal) with its security group and an HTTP (or TCP) listener on port 80. Each edge to a
 * service becomes an `aws_lb_target_group` the service registers with: ECS tasks by IP, VM groups
 * by instance, functions through a permission and an attachment. The first target is the default
 * action; others get a path rule (the edge's `route`, else `/<target id>/*`) or, on a network load
 * balancer, a listener on their own port.
 */
export const loadBalancerMapper: KindMapper = {
  kinds: ['load-balancer'],
  map(ctx, node) {
    const c = ctx.config<LbConfig>(node);
    const alb = c.type === 'application';
    const place = placeInVpc(ctx, node, { isPublic: !c.internal });
    const lb = ctx.done(node, 'aws_lb', node.id, {
      name: ctx.names.name('elb', node.id),
      internal: c.internal,
      load_balancer_type: c.type,
      subnets: place.subnets,
      security_groups: [place.sg.res.ref('id')],
      drop_invalid_header_fields: alb ? true : undefined,
      enable_deletion_protection: ctx.production,
      tags: ctx.tags(node.id, node.id),
    });
    if (!c.internal) ctx.allowCidr(place.sg, '0.0.0.0/0', LISTENER_PORT);
    const listener = ctx.res(node, 'aws_lb_listener', node.id, {
      load_balancer_arn: lb.ref('arn'),
      port: LISTENER_PORT,
      protocol: alb ? 'HTTP' : 'TCP',
      default_action: alb
        ? block({
            type: 'fixed-response',
            fixed_response: block({
              content_type: 'text/plain',
              message_body: 'Not found',
              status_code: '404',
            }),
          })
        : undefined,
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'dns_names', 'load balancer DNS name', lb.ref('dns_name'));
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: lb,
      arn: lb.ref('arn'),
      sg: place.sg,
      port: LISTENER_PORT,
      lb: { res: lb, listener, type: c.type, internal: c.internal },
    };
  },
  wire(ctx, self) {
    const lb = self.lb as NonNullable<NodeExport['lb']>;
    const alb = lb.type === 'application';
    const usedPorts = new Set([LISTENER_PORT]);
    let first = true;
    let priority = 0;
    for (const e of ctx.edges(self.node.id, 'out', 'sync')) {
      const tg = targetGroup(ctx, self, e, lb.listener);
      if (!tg) continue;
      ctx.handled(e);
      const forward = block({ type: 'forward', target_group_arn: tg.ref('arn') });
      if (first) {
        lb.listener.body.default_action = forward;
        first = false;
      } else if (alb) {
        const pattern = (routePath(e.edge.config?.route) ?? `/${e.target.id}/{proxy+}`).replace(
          /\{[^}]*\}/g,
          '*',
        );
        ctx.done(self.node, 'aws_lb_listener_rule', `${self.node.id}-${e.target.id}`, {
          listener_arn: lb.listener.ref('arn'),
          priority: ++priority,
          action: forward,
          condition: block({ path_pattern: block({ values: [pattern] }) }),
        });
      } else {
        let port = target(ctx, e)?.port ?? LISTENER_PORT;
        while (usedPorts.has(port)) port++;
        usedPorts.add(port);
        ctx.done(self.node, 'aws_lb_listener', `${self.node.id}-${port}`, {
          load_balancer_arn: lb.res.ref('arn'),
          port,
          protocol: 'TCP',
          default_action: forward,
        });
        if (!lb.internal && self.sg) ctx.allowCidr(self.sg, '0.0.0.0/0', port);
      }
    }
    if (first && !alb) {
      ctx.warn(
        'A network load balancer needs a target; a target group without targets was exported.',
        self.node.id,
      );
      const tg = ctx.done(self.node, 'aws_lb_target_group', `${self.node.id}-default`, {
        name: ctx.names.name('elb', `${self.node.id}-default`),
        port: LISTENER_PORT,
        protocol: 'TCP',
        target_type: 'ip',
        vpc_id: self.sg?.network.vpc.ref('id'),
      });
      lb.listener.body.default_action = block({ type: 'forward', target_group_arn: tg.ref('arn') });
    }
  },
};
