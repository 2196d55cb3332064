import { defined, lower, type ResourceMapper } from './types';

const lb: ResourceMapper = {
  types: ['aws_lb', 'aws_alb'],
  kind: () => 'load-balancer',
  config(res, ctx) {
    const r = ctx.reader(res);
    const type = lower(r.str('load_balancer_type'));
    if (type === 'gateway')
      ctx.warn('a gateway load balancer is drawn as a network load balancer', res.address);
    return defined({
      type: type === 'network' || type === 'gateway' ? 'network' : 'application',
      internal: r.bool('internal'),
    });
  },
};

const httpApi: ResourceMapper = {
  types: ['aws_apigatewayv2_api', 'aws_api_gateway_rest_api'],
  kind: () => 'api-gateway',
  config(res, ctx) {
    if (res.type === 'aws_api_gateway_rest_api') return { type: 'rest' };
    const protocol = ctx.reader(res).str('protocol_type');
    if (protocol === 'WEBSOCKET') ctx.warn('a WebSocket API is drawn as an HTTP API gateway', res.address);
    const authorizers = ctx.users(res, ['aws_apigatewayv2_authorizer'], 'api_id');
    const routes = ctx.users(res, ['aws_apigatewayv2_route'], 'api_id');
    const routeAuth = routes
      .map((r) => ctx.reader(r).str('authorization_type'))
      .filter((a) => a && a !== 'NONE');
    const jwtAuthorizers = authorizers.filter((a) => ctx.reader(a).str('authorizer_type') === 'JWT');
    // A JWT authorizer whose issuer is a Cognito user pool of the module is Cognito auth.
    const cognito = jwtAuthorizers.some((a) =>
      ctx.refTo(a, 'jwt_configuration', 'aws_cognito_user_pool', 'aws_cognito_user_pool_client'),
    );
    const jwt = jwtAuthorizers.length > 0 || routeAuth.includes('JWT');
    const auth = cognito ? 'cognito' : jwt ? 'jwt' : routeAuth.includes('AWS_IAM') ? 'iam' : undefined;
    const stages = ctx.users(res, ['aws_apigatewayv2_stage'], 'api_id');
    const limits = stages.map((s) => ctx.reader(s).num('default_route_settings', 'throttling_rate_limit'));
    const bursts = stages.map((s) => ctx.reader(s).num('default_route_settings', 'throttling_burst_limit'));
    return defined({
      type: 'http',
      auth,
      rateLimitPerSecond: limits.find((l) => l !== undefined),
      burstLimit: bursts.find((b) => b !== undefined),
    });
  },
};

const cloudfront: ResourceMapper = {
  types: ['aws_cloudfront_distribution'],
  kind: () => 'cdn',
  config: (res, ctx) => defined({ priceClass: ctx.reader(res).str('price_class') }),
};

const ROUTING: Record<string, string> = {
  latency_routing_policy: 'latency',
  weighted_routing_policy: 'weighted',
  failover_routing_policy: 'failover',
  geolocation_routing_policy: 'geo',
};

const route53: ResourceMapper = {
  types: ['aws_route53_zone'],
  kind: () => 'dns',
  config(res, ctx) {
    const records = ctx.users(res, ['aws_route53_record'], 'zone_id');
    let routing: string | undefined;
    for (const rec of records)
      for (const [block, name] of Object.entries(ROUTING))
        if (rec.body[block] !== undefined) routing ??= name;
    const checks = ctx.ofType('aws_route53_health_check').length;
    const domain = ctx.reader(res).str('name');
    return defined({
      domain: domain?.replace(/\.$/, ''),
      routing,
      healthChecks: checks > 0 ? checks : undefined,
    });
  },
};

const waf: ResourceMapper = {
  types: ['aws_wafv2_web_acl'],
  kind: () => 'waf',
  config: (res, ctx) => ({ rules: ctx.reader(res).blocks('rule').length }),
};

const cognito: ResourceMapper = {
  types: ['aws_cognito_user_pool'],
  kind: () => 'auth',
  config(res, ctx) {
    const tier = lower(ctx.reader(res).str('user_pool_tier'));
    return defined({ tier });
  },
};

const secrets: ResourceMapper = {
  types: ['aws_secretsmanager_secret'],
  kind: () => 'secrets-vault',
  config(res, ctx) {
    const rotation = ctx.users(res, ['aws_secretsmanager_secret_rotation'], 'secret_id')[0];
    return defined({
      secrets: ctx.reader(res).count(),
      rotationDays: rotation
        ? ctx.reader(rotation).num('rotation_rules', 'automatically_after_days')
        : undefined,
    });
  },
};

const vpc: ResourceMapper = {
  types: ['aws_vpc'],
  kind: () => 'vpc',
  config(res, ctx) {
    const subnets = ctx.users(res, ['aws_subnet'], 'vpc_id');
    const nats = ctx
      .ofType('aws_nat_gateway')
      .filter((n) => ctx.refsAt(n, 'subnet_id').some((s) => subnets.includes(s)));
    const natCount = nats.reduce((sum, n) => sum + (ctx.reader(n).count() ?? 1), 0);
    const flowLogs = ctx.users(res, ['aws_flow_log'], 'vpc_id').length > 0;
    // The default security group managed with no rules at all: nothing is allowed unless stated.
    const defaultDeny = ctx
      .users(res, ['aws_default_security_group'], 'vpc_id')
      .some((g) => g.body.ingress === undefined && g.body.egress === undefined);
    return defined({
      cidr: ctx.reader(res).str('cidr_block'),
      natGateways: natCount,
      flowLogs,
      defaultDeny: defaultDeny || undefined,
    });
  },
};

const subnet: ResourceMapper = {
  types: ['aws_subnet'],
  kind: () => 'subnet',
  config(res, ctx) {
    const r = ctx.reader(res);
    // Public when instances get public addresses, or when its route table routes to an internet gateway.
    const tables = ctx
      .users(res, ['aws_route_table_association'], 'subnet_id')
      .flatMap((a) => ctx.refsAt(a, 'route_table_id'));
    const viaIgw = tables.some(
      (t) =>
        ctx.refsAt(t).some((x) => x.type === 'aws_internet_gateway') ||
        ctx.users(t, ['aws_route']).some((route) => ctx.refTo(route, 'gateway_id', 'aws_internet_gateway')),
    );
    return defined({
      public: r.bool('map_public_ip_on_launch') === true || viaIgw,
      cidr: r.str('cidr_block'),
    });
  },
};

const alarms: ResourceMapper = {
  types: ['aws_cloudwatch_metric_alarm'],
  kind: () => 'monitoring',
  mergeKey: () => 'monitoring',
  config: () => ({}),
};

export const EDGE_MAPPERS: readonly ResourceMapper[] = [
  lb,
  httpApi,
  cloudfront,
  route53,
  waf,
  cognito,
  secrets,
  vpc,
  subnet,
  alarms,
];
