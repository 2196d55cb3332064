import type { KindMapper, NodeExport } from '../context';
import { type Body, block, blocks } from '../hcl';
import type { Res } from '../module';
import { description, output, target } from './common';

/** AWS managed rule groups, most broadly useful first; `rules` takes that many. */
const MANAGED_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesSQLiRuleSet',
  'AWSManagedRulesAnonymousIpList',
  'AWSManagedRulesLinuxRuleSet',
  'AWSManagedRulesBotControlRuleSet',
];

/** Requests per 5 minutes from one IP before the rate-based rule blocks it. */
const RATE_LIMIT = 2000;

function visibility(metric: string): Body {
  return { cloudwatch_metrics_enabled: true, metric_name: metric, sampled_requests_enabled: true };
}

/**
 * `waf` -> `aws_wafv2_web_acl` with AWS managed rule groups (as many as `rules`, counting a
 * per-IP rate limit) and an association per protected load balancer; in front of a CDN it is a
 * CLOUDFRONT-scope ACL in us-east-1, set on the distribution.
 */
export const wafMapper: KindMapper = {
  kinds: ['waf'],
  map(ctx, node) {
    const { rules } = ctx.config<{ rules: number }>(node);
    const targets = ctx.edges(node.id, 'out', 'sync').map((e) => e.target.kind);
    const cloudfront = targets.includes('cdn');
    const groups = MANAGED_GROUPS.slice(0, Math.max(0, rules - 1));
    const metric = ctx.names.suffix('wafMetric', node.id);
    const ruleBodies: Body[] = groups.map((name, i) => ({
      name,
      priority: i + 1,
      override_action: block({ none: block({}) }),
      statement: block({ managed_rule_group_statement: block({ name, vendor_name: 'AWS' }) }),
      visibility_config: block(visibility(`${metric}-${name}`.slice(0, 128))),
    }));
    if (rules > 0) {
      ruleBodies.push({
        name: 'rate-limit-per-ip',
        priority: groups.length + 1,
        action: block({ block: block({}) }),
        statement: block({ rate_based_statement: block({ limit: RATE_LIMIT, aggregate_key_type: 'IP' }) }),
        visibility_config: block(visibility(`${metric}-rate`.slice(0, 128))),
      });
    }
    const acl = ctx.res(
      node,
      'aws_wafv2_web_acl',
      node.id,
      {
        name: ctx.names.name('waf', node.id),
        description: wafDescription(node.label),
        scope: cloudfront ? 'CLOUDFRONT' : 'REGIONAL',
        default_action: block({ allow: block({}) }),
        rule: blocks(ruleBodies),
        visibility_config: block(visibility(metric)),
        tags: ctx.tags(node.id, node.id),
      },
      // CloudFront web ACLs live in us-east-1, whatever the region of the design.
      cloudfront ? { provider: ctx.providerForRegion('us-east-1', true) } : {},
    );
    output(ctx, node, 'arns', 'web ACL ARN', acl.ref('arn'));
    return { node, region: ctx.graph.regionOf(node.id), main: acl, arn: acl.ref('arn'), waf: acl };
  },
  wire(ctx, self) {
    const acl = self.waf as Res;
    const scope = acl.body.scope;
    for (const e of ctx.edges(self.node.id, 'out', 'sync')) {
      const t = target(ctx, e);
      if (!t) continue;
      if (t.cdn && scope === 'CLOUDFRONT') {
        ctx.handled(e);
        t.cdn.body.web_acl_id = acl.ref('arn');
      } else if (t.lb?.type === 'application' && scope === 'REGIONAL') {
        ctx.handled(e);
        ctx.done(self.node, 'aws_wafv2_web_acl_association', `${self.node.id}-${t.node.id}`, {
          resource_arn: t.lb.res.ref('arn'),
          web_acl_arn: acl.ref('arn'),
        });
      } else {
        ctx.handled(e);
        ctx.warn(whyNot(t, scope === 'CLOUDFRONT'), self.node.id, e.edge.id);
      }
    }
  },
};

function whyNot(t: NodeExport, cloudfront: boolean): string {
  if (t.api)
    return 'AWS WAF protects REST APIs, not HTTP APIs: put a CDN with this WAF in front of the API, or throttle at the gateway.';
  if (t.lb?.type === 'network') return 'AWS WAF cannot be associated with a network load balancer.';
  if (cloudfront)
    return 'A web ACL that protects a CDN (CLOUDFRONT scope) cannot also protect regional resources; draw a second WAF for them.';
  return `AWS WAF cannot be associated with a ${t.node.kind}; not exported.`;
}

/** WAF descriptions allow only `\w + = : # @ / - , .` and inner spaces, at least 3 characters. */
function wafDescription(label: string): string | undefined {
  const d = description(label.replace(/[^\w+=:#@/\-,. ]/g, ' ').replace(/ {2,}/g, ' '), 256);
  return d !== undefined && d.length >= 3 ? d : undefined;
}
