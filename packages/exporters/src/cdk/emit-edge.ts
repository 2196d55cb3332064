import type { ResolvedEdge } from '@stackdraft/patterns';
import { resolveConfig } from '@stackdraft/patterns';
import { apportion } from '../k8s/names';
import type { Emitter } from './env';
import { defaultPathPattern, pathPattern } from './paths';
import { code, lit, str, type TsCode } from './ts';

const DYNAMIC = {
  viewerProtocolPolicy: code('cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS'),
  allowedMethods: code('cloudfront.AllowedMethods.ALLOW_ALL'),
  cachePolicy: code('cloudfront.CachePolicy.CACHING_DISABLED'),
  originRequestPolicy: code('cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER'),
};
const STATIC = {
  viewerProtocolPolicy: code('cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS'),
  cachePolicy: code('cloudfront.CachePolicy.CACHING_OPTIMIZED'),
};
const PRICE_CLASSES: Record<string, string> = {
  PriceClass_100: 'PRICE_CLASS_100',
  PriceClass_200: 'PRICE_CLASS_200',
  PriceClass_All: 'PRICE_CLASS_ALL',
};

/**
 * CloudFront distribution: the first target is the default origin (S3 with origin access
 * control, a load balancer, an API, a function URL), the others are behaviours by path.
 */
export const cdn: Emitter = ({ ctx }, node) => {
  const c = resolveConfig<{ priceClass: string }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  const behaviours: { edge: ResolvedEdge; behaviour: Record<string, unknown> }[] = [];
  for (const e of ctx.graph.outgoing(node.id)) {
    if (e.kind !== 'sync') continue;
    const local = ctx.local(stack, e.target.id);
    let origin: TsCode | undefined;
    let dynamic = true;
    if (e.target.kind === 'object-storage' && local) {
      origin = code(`origins.S3BucketOrigin.withOriginAccessControl(${local.v})`);
      dynamic = false;
    } else if (e.target.kind === 'function' && local) {
      origin = code(
        `origins.FunctionUrlOrigin.withOriginAccessControl(${local.v}.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM }))`,
      );
    } else if (e.target.kind === 'load-balancer') {
      const lb = ctx.ref(stack, e.target.id);
      if (lb)
        origin = code(
          `new origins.LoadBalancerV2Origin(${lb}, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY })`,
        );
    } else if (e.target.kind === 'api-gateway') {
      const api = ctx.ref(stack, e.target.id);
      if (api)
        origin = code(`new origins.HttpOrigin(cdk.Fn.select(2, cdk.Fn.split('/', ${api}.apiEndpoint)))`);
    }
    if (!origin) {
      ctx.note(
        'warning',
        `CDN ${node.id} cannot use ${e.target.id} (${e.target.kind}) as an origin in the CDK app; put a load balancer, an API or a bucket in front of it`,
        node.id,
        e.edge.id,
      );
      continue;
    }
    behaviours.push({ edge: e, behaviour: { origin, ...(dynamic ? DYNAMIC : STATIC) } });
  }
  const first = behaviours[0];
  let defaultBehavior: Record<string, unknown>;
  if (first) defaultBehavior = first.behaviour;
  else {
    const param = ctx.partVar(node.id, 'origin');
    stack.construct(param, 'cdk.CfnParameter', stack.id(`${node.id}#origin`, `${node.id}-origin-domain`), {
      type: 'String',
      description: `Origin domain of ${node.id}`,
    });
    ctx.note(
      'warning',
      `CDN ${node.id} has no origin in the design; the CDK app takes its domain as a stack parameter`,
      node.id,
    );
    defaultBehavior = { origin: code(`new origins.HttpOrigin(${param}.valueAsString)`), ...DYNAMIC };
  }
  const additional: Record<string, unknown> = {};
  for (const b of behaviours.slice(1)) {
    const route = b.edge.edge.config?.route;
    let pattern = pathPattern(route) ?? defaultPathPattern(b.edge.target.id);
    if (route !== undefined && pattern !== route)
      ctx.note(
        'warning',
        `route ${JSON.stringify(route)} is not a valid CloudFront path pattern; ${pattern} is used`,
        node.id,
        b.edge.edge.id,
      );
    while (pattern in additional) pattern = `${pattern.replace(/\*$/, '')}${b.edge.target.id}/*`;
    additional[pattern] = b.behaviour;
  }
  stack.construct(
    v,
    'cloudfront.Distribution',
    stack.id(node.id),
    {
      defaultBehavior,
      additionalBehaviors: Object.keys(additional).length > 0 ? additional : undefined,
      priceClass: code(`cloudfront.PriceClass.${PRICE_CLASSES[c.priceClass] ?? 'PRICE_CLASS_100'}`),
    },
    `CloudFront distribution ${node.id}: ${node.label}`,
  );
  stack.line(
    `new cdk.CfnOutput(this, ${str(stack.id(`${node.id}#domain`, `${node.id}-domain`))}, { value: ${v}.distributionDomainName });`,
  );
  ctx.register({ node, stack, v, type: 'cloudfront.Distribution' });
};

/** AWS managed rule groups, in the order the WAF's rule count takes them. */
const MANAGED_RULES = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesAnonymousIpList',
  'AWSManagedRulesSQLiRuleSet',
  'AWSManagedRulesLinuxRuleSet',
  'AWSManagedRulesUnixRuleSet',
];

/**
 * WAF web ACL: a per-IP rate-based rule, then AWS managed rule groups, as many rules as the node
 * counts. CLOUDFRONT scope when it protects a CDN (attached to the distribution), else REGIONAL,
 * associated with each load balancer it fronts.
 */
export const waf: Emitter = ({ ctx }, node) => {
  const c = resolveConfig<{ rules: number }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  const targets = ctx.graph.outgoing(node.id).filter((e) => e.kind === 'sync');
  const cloudfront = targets.some((e) => e.target.kind === 'cdn');
  if (cloudfront && stack.region !== 'us-east-1')
    ctx.note(
      'warning',
      `WAF ${node.id} protects a CloudFront distribution, which needs the web ACL in us-east-1; its stack is ${stack.region}`,
      node.id,
    );
  const metric = (name: string) => ({
    cloudWatchMetricsEnabled: true,
    metricName: name,
    sampledRequestsEnabled: true,
  });
  const rules: Record<string, unknown>[] = [];
  if (c.rules > 0)
    rules.push({
      name: 'RateLimitPerIp',
      priority: 0,
      action: { block: {} },
      statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } },
      visibilityConfig: metric('RateLimitPerIp'),
    });
  for (const [i, name] of MANAGED_RULES.slice(0, Math.max(0, c.rules - 1)).entries())
    rules.push({
      name,
      priority: i + 1,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: metric(name),
    });
  if (c.rules > MANAGED_RULES.length + 1)
    ctx.note(
      'info',
      `WAF ${node.id} counts ${c.rules} rules; the CDK app writes ${rules.length} (a rate limit and the AWS managed groups)`,
      node.id,
    );
  const id = stack.id(node.id);
  stack.construct(
    v,
    'wafv2.CfnWebACL',
    id,
    {
      scope: cloudfront ? 'CLOUDFRONT' : 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: metric(id.replace(/[^\w]/g, '')),
      rules,
    },
    `WAF web ACL ${node.id}: ${node.label}`,
  );
  for (const e of targets) {
    const t = ctx.local(stack, e.target.id);
    if (cloudfront && e.target.kind === 'cdn' && t) {
      stack.line(`${t.v}.attachWebAclId(${v}.attrArn);`);
    } else if (
      !cloudfront &&
      e.target.kind === 'load-balancer' &&
      t?.type === 'elbv2.ApplicationLoadBalancer'
    ) {
      stack.construct(
        ctx.partVar(e.edge.id, 'association'),
        'wafv2.CfnWebACLAssociation',
        stack.id(`${e.edge.id}#waf`, `${node.id}-on-${e.target.id}`),
        {
          resourceArn: code(`${t.v}.loadBalancerArn`),
          webAclArn: code(`${v}.attrArn`),
        },
      );
    } else {
      ctx.note(
        'warning',
        `WAF ${node.id} cannot be attached to ${e.target.id} (${e.target.kind}) in the CDK app`,
        node.id,
        e.edge.id,
      );
    }
  }
  ctx.register({ node, stack, v, type: 'wafv2.CfnWebACL' });
};

/**
 * Route 53 public hosted zone with alias records to its targets (load balancers in any region,
 * CloudFront), using the node's routing policy (latency by the target's region, weighted by the
 * edges' ratios, failover primary/secondary) and health checks on the first targets.
 */
export const dns: Emitter = ({ ctx }, node) => {
  const c = resolveConfig<{ domain: string; routing: string; healthChecks: number }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  stack.construct(
    v,
    'route53.PublicHostedZone',
    stack.id(node.id),
    { zoneName: c.domain },
    `Route 53 hosted zone ${node.id}: ${node.label}`,
  );
  const candidates: ResolvedEdge[] = [];
  for (const e of ctx.graph.outgoing(node.id)) {
    if (e.kind !== 'sync') continue;
    if ((e.target.kind === 'load-balancer' || e.target.kind === 'cdn') && ctx.emitted.has(e.target.id))
      candidates.push(e);
    else
      ctx.note(
        'warning',
        `DNS ${node.id} cannot alias ${e.target.id} (${e.target.kind}) in the CDK app`,
        node.id,
        e.edge.id,
      );
  }
  const routing = c.routing;
  const limit =
    routing === 'simple' || routing === 'geo' ? 1 : routing === 'failover' ? 2 : candidates.length;
  if (candidates.length > limit)
    ctx.note(
      'warning',
      `DNS ${node.id} uses ${routing} routing, which the CDK app writes as ${limit === 1 ? 'one record' : 'a primary and a secondary'}: ${candidates
        .slice(limit)
        .map((e) => e.target.id)
        .join(', ')} not aliased`,
      node.id,
    );
  const kept: { edge: ResolvedEdge; target: string; fqdn: string; https: boolean }[] = [];
  for (const e of candidates.slice(0, limit)) {
    const ref = ctx.ref(stack, e.target.id);
    if (!ref) {
      ctx.note(
        'warning',
        `DNS ${node.id} cannot reference ${e.target.id}'s stack without a cycle`,
        node.id,
        e.edge.id,
      );
      continue;
    }
    kept.push(
      e.target.kind === 'cdn'
        ? {
            edge: e,
            target: `new r53targets.CloudFrontTarget(${ref})`,
            fqdn: `${ref}.distributionDomainName`,
            https: true,
          }
        : {
            edge: e,
            target: `new r53targets.LoadBalancerTarget(${ref})`,
            fqdn: `${ref}.loadBalancerDnsName`,
            https: false,
          },
    );
  }
  const weights = apportion(
    100,
    kept.map((r) => r.edge.edge.config?.ratio ?? 1),
  );
  kept.forEach((r, i) => {
    const props: Record<string, unknown> = {
      zone: code(v),
      target: code(`route53.RecordTarget.fromAlias(${r.target})`),
    };
    if (routing !== 'simple') props.setIdentifier = r.edge.target.id;
    if (routing === 'latency') props.region = ctx.graph.regionOf(r.edge.target.id);
    if (routing === 'weighted') props.weight = weights[i];
    if (routing === 'failover')
      props.failover = code(`route53.Failover.${i === 0 ? 'PRIMARY' : 'SECONDARY'}`);
    if (routing === 'geo') props.geoLocation = code('route53.GeoLocation.default()');
    if (routing !== 'simple' && i < c.healthChecks) {
      const hc = ctx.partVar(r.edge.edge.id, 'health-check');
      stack.construct(
        hc,
        'route53.HealthCheck',
        stack.id(`${r.edge.edge.id}#hc`, `${node.id}-check-${r.edge.target.id}`),
        {
          type: code(r.https ? 'route53.HealthCheckType.HTTPS' : 'route53.HealthCheckType.HTTP'),
          fqdn: code(r.fqdn),
          port: r.https ? 443 : 80,
          resourcePath: '/',
        },
      );
      props.healthCheck = code(hc);
    }
    stack.line(
      `new route53.ARecord(this, ${str(stack.id(`${r.edge.edge.id}#record`, `${node.id}-to-${r.edge.target.id}`))}, ${lit(props, '    ')});`,
    );
  });
  ctx.register({ node, stack, v, type: 'route53.PublicHostedZone' });
};
