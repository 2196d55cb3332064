import type { DocumentNode, ResolvedEdge } from '@stackdraft/patterns';
import { resolveConfig } from '@stackdraft/patterns';
import { type Emitter, type Env, placementProps } from './env';
import { defaultHttpApiPath, defaultPathPattern, httpApiPath, pathPattern } from './paths';
import { code, lit, str } from './ts';

const TIERS = { lite: 'LITE', essentials: 'ESSENTIALS', plus: 'PLUS' } as const;

/** Cognito user pool and an app client. */
export const auth: Emitter = ({ ctx }, node) => {
  const c = resolveConfig<{ tier: keyof typeof TIERS }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  const client = ctx.partVar(node.id, 'client');
  stack.construct(
    v,
    'cognito.UserPool',
    stack.id(node.id),
    {
      featurePlan: code(`cognito.FeaturePlan.${TIERS[c.tier]}`),
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: code('cognito.Mfa.OPTIONAL'),
      mfaSecondFactor: { sms: false, otp: true },
    },
    `Cognito user pool ${node.id}: ${node.label}`,
  );
  stack.line(`const ${client} = ${v}.addClient(${str(stack.id(`${node.id}#client`, `${node.id}-client`))});`);
  ctx.register({ node, stack, v, type: 'cognito.UserPool', parts: { client } });
};

/** Sync edges out of `node` in document order. */
const syncTargets = (env: Env, node: DocumentNode): ResolvedEdge[] =>
  env.ctx.graph.outgoing(node.id).filter((e) => e.kind === 'sync' || e.kind === 'async');

/**
 * Application or network load balancer with an HTTP (or TCP) listener on port 80. An ALB
 * forwards to its first target by default and to the others by path (the edge's `route`, else
 * `/<target-id>/*`); an NLB gets one listener per target.
 */
export const loadBalancer: Emitter = (env, node) => {
  const { ctx, net } = env;
  const c = resolveConfig<{ type: 'application' | 'network'; internal: boolean }>(node);
  const stack = ctx.stackOf(node);
  const p = net.placementOf(node.id);
  if (!p) return;
  const v = ctx.varOf(node.id);
  let internetFacing = !c.internal;
  if (internetFacing && p.group.type !== 'PUBLIC') {
    internetFacing = false;
    ctx.note(
      'warning',
      `load balancer ${node.id} is internet-facing but sits in a private subnet; the CDK app makes it internal`,
      node.id,
    );
  }
  const alb = c.type === 'application';
  stack.construct(
    v,
    alb ? 'elbv2.ApplicationLoadBalancer' : 'elbv2.NetworkLoadBalancer',
    stack.id(node.id),
    { ...placementProps(env, node), internetFacing },
    `${alb ? 'Application' : 'Network'} Load Balancer ${node.id}: ${node.label}`,
  );
  const targets: { edge: ResolvedEdge; spec: string; port?: number }[] = [];
  for (const e of syncTargets(env, node)) {
    const t = ctx.local(stack, e.target.id);
    const spec =
      t && (e.target.kind === 'container-service' || e.target.kind === 'vm-group')
        ? t.v
        : t && alb && e.target.kind === 'function'
          ? `new elbv2targets.LambdaTarget(${t.v})`
          : undefined;
    if (!spec) {
      ctx.note(
        'warning',
        `load balancer ${node.id} cannot forward to ${e.target.id} (${e.target.kind}${t ? '' : ', not in this region'}) in the CDK app`,
        node.id,
        e.edge.id,
      );
      continue;
    }
    targets.push({ edge: e, spec, port: e.target.kind === 'function' ? undefined : (t?.port ?? 80) });
  }
  const parts: Record<string, string> = {};
  if (alb) {
    const listener = ctx.partVar(node.id, 'listener');
    stack.line(
      `const ${listener} = ${v}.addListener(${str(stack.id(`${node.id}#http`, `${node.id}-http`))}, { port: 80, open: ${internetFacing} });`,
    );
    parts.listener = listener;
    if (targets.length === 0)
      stack.line(
        `${listener}.addAction('Default', { action: elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not found' }) });`,
      );
    targets.forEach((t, i) => {
      const props: Record<string, unknown> = { targets: code(`[${t.spec}]`) };
      if (t.port !== undefined) {
        props.port = t.port;
        props.protocol = code('elbv2.ApplicationProtocol.HTTP');
        props.healthCheck = { path: '/' };
      }
      if (i > 0) {
        let pattern = pathPattern(t.edge.edge.config?.route);
        if (!pattern) {
          pattern = defaultPathPattern(t.edge.target.id);
          if (t.edge.edge.config?.route !== undefined)
            ctx.note(
              'warning',
              `route ${JSON.stringify(t.edge.edge.config.route)} is not a valid ALB path pattern; ${pattern} is used`,
              node.id,
              t.edge.edge.id,
            );
        }
        props.priority = i * 10;
        props.conditions = code(`[elbv2.ListenerCondition.pathPatterns([${str(pattern)}])]`);
      }
      stack.line(
        `${listener}.addTargets(${str(stack.id(`${t.edge.edge.id}#target`, `${node.id}-to-${t.edge.target.id}`))}, ${lit(props, '    ')});`,
      );
    });
  } else {
    targets.forEach((t, i) => {
      const listener = ctx.partVar(node.id, i === 0 ? 'listener' : `listener-${i + 1}`);
      if (i === 0) parts.listener = listener;
      else
        ctx.note(
          'info',
          `network load balancer ${node.id} listens on port ${80 + i} for ${t.edge.target.id}`,
          node.id,
        );
      stack.line(
        `const ${listener} = ${v}.addListener(${str(stack.id(`${t.edge.edge.id}#tcp`, `${node.id}-tcp-${80 + i}`))}, { port: ${80 + i} });`,
      );
      stack.line(
        `${listener}.addTargets(${str(stack.id(`${t.edge.edge.id}#target`, `${node.id}-to-${t.edge.target.id}`))}, { port: ${t.port ?? 80}, targets: [${t.spec}] });`,
      );
      // An NLB keeps client addresses: the target admits the VPC range on its port.
      const target = ctx.local(stack, t.edge.target.id);
      if (target?.connections)
        stack.line(
          `${target.connections}.connections.allowFrom(ec2.Peer.ipv4(${p.vpc.v}.vpcCidrBlock), ec2.Port.tcp(${t.port ?? 80}));`,
        );
    });
  }
  ctx.register({
    node,
    stack,
    v,
    type: alb ? 'elbv2.ApplicationLoadBalancer' : 'elbv2.NetworkLoadBalancer',
    connections: v,
    port: 80,
    vpc: p.vpc.v,
    parts,
  });
};

/** The authorizer of an API, as code, or undefined for `auth: none`. */
function authorizer(env: Env, node: DocumentNode, mode: string): string | undefined {
  const { ctx } = env;
  const stack = ctx.stackOf(node);
  if (mode === 'none') return undefined;
  if (mode === 'iam') return 'new authorizers.HttpIamAuthorizer()';
  const name = str(stack.id(`${node.id}#authorizer`, `${node.id}-authorizer`));
  const pool = ctx.graph.outgoing(node.id).find((e) => e.target.kind === 'auth');
  const p = pool && ctx.local(stack, pool.target.id);
  if (p)
    return `new authorizers.HttpUserPoolAuthorizer(${name}, ${p.v}, { userPoolClients: [${p.parts.client}] })`;
  if (mode === 'cognito')
    ctx.note(
      'warning',
      `API ${node.id} uses Cognito but is connected to no auth node in its region; the CDK app asks for a JWT issuer instead`,
      node.id,
    );
  const issuer = ctx.partVar(node.id, 'jwt-issuer');
  const audience = ctx.partVar(node.id, 'jwt-audience');
  stack.construct(issuer, 'cdk.CfnParameter', stack.id(`${node.id}#issuer`, `${node.id}-jwt-issuer`), {
    type: 'String',
    description: `JWT issuer URL of ${node.id}`,
  });
  stack.construct(audience, 'cdk.CfnParameter', stack.id(`${node.id}#audience`, `${node.id}-jwt-audience`), {
    type: 'String',
    description: `JWT audience of ${node.id}`,
  });
  return `new authorizers.HttpJwtAuthorizer(${name}, ${issuer}.valueAsString, { jwtAudience: [${audience}.valueAsString] })`;
}

/**
 * HTTP API with a `$default` stage carrying the rate limits, an authorizer for the configured
 * auth, and one route per edge: Lambda, Step Functions, SQS and EventBridge integrations, load
 * balancers, container services through Cloud Map and a VPC link, external URLs.
 */
export const apiGateway: Emitter = (env, node) => {
  const { ctx, net } = env;
  const c = resolveConfig<{
    type: 'http' | 'rest';
    auth: string;
    rateLimitPerSecond?: number;
    burstLimit?: number;
  }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  if (c.type === 'rest')
    ctx.note(
      'info',
      `API ${node.id} is a REST API in the design; the CDK app builds an HTTP API (aws-apigatewayv2), as the catalog maps it`,
      node.id,
    );
  // Routes first: the authorizer (and its parameters) only exists when some route uses it.
  const routes: string[] = [];
  const links = new Map<string, string>();
  const vpcLink = (vpcVar: string): string => {
    let link = links.get(vpcVar);
    if (!link) {
      link = ctx.partVar(node.id, `link-${links.size + 1}`);
      stack.construct(link, 'apigwv2.VpcLink', stack.id(`${node.id}#link-${vpcVar}`, `${node.id}-link`), {
        vpc: code(vpcVar),
      });
      links.set(vpcVar, link);
    }
    return link;
  };
  const routeLimits: Record<string, unknown> = {};
  const used = new Set<string>();
  for (const e of syncTargets(env, node)) {
    if (e.target.kind === 'auth') continue;
    const t = ctx.local(stack, e.target.id);
    const name = str(stack.id(`${e.edge.id}#integration`, `${node.id}-to-${e.target.id}`));
    let integration: string | undefined;
    let method = 'ANY';
    if (t) {
      switch (e.target.kind) {
        case 'function':
          integration = `new integrations.HttpLambdaIntegration(${name}, ${t.v})`;
          break;
        case 'state-machine':
          integration = `new integrations.HttpStepFunctionsIntegration(${name}, { stateMachine: ${t.v} })`;
          method = 'POST';
          break;
        case 'queue':
        case 'dead-letter-queue':
          integration = `new integrations.HttpSqsIntegration(${name}, { queue: ${t.v} })`;
          method = 'POST';
          break;
        case 'event-bus':
          integration = `new integrations.HttpEventBridgeIntegration(${name}, { eventBusRef: ${t.v}.eventBusRef })`;
          method = 'POST';
          break;
        case 'load-balancer':
          if (t.parts.listener)
            integration = `new integrations.${t.type.endsWith('ApplicationLoadBalancer') ? 'HttpAlbIntegration' : 'HttpNlbIntegration'}(${name}, ${t.parts.listener})`;
          break;
        case 'container-service': {
          const p = net.placementOf(e.target.id);
          if (p) {
            integration = `new integrations.HttpServiceDiscoveryIntegration(${name}, ${t.v}.cloudMapService!, { vpcLink: ${vpcLink(p.vpc.v)} })`;
            stack.line(
              `${t.v}.connections.allowFrom(ec2.Peer.ipv4(${p.vpc.v}.vpcCidrBlock), ec2.Port.tcp(${t.port ?? 80}));`,
            );
          }
          break;
        }
      }
    } else if (e.target.kind === 'external-service') {
      const url = resolveConfig<{ url?: string }>(e.target).url;
      if (url) integration = `new integrations.HttpUrlIntegration(${name}, ${str(url)})`;
    }
    if (!integration) {
      ctx.note(
        'warning',
        `API ${node.id} has no integration for ${e.target.id} (${e.target.kind}${t ? '' : ', not in this region'}) in the CDK app; route it through a load balancer or a function`,
        node.id,
        e.edge.id,
      );
      continue;
    }
    const route = e.edge.config?.route;
    let path = httpApiPath(route);
    if (!path) {
      path = defaultHttpApiPath(e.target.id);
      if (route !== undefined)
        ctx.note(
          'warning',
          `route ${JSON.stringify(route)} is not a valid HTTP API path; ${path} is used`,
          node.id,
          e.edge.id,
        );
    }
    const key = `${method} ${path}`;
    if (used.has(key)) {
      ctx.note(
        'warning',
        `API ${node.id} already has route ${key}; the edge to ${e.target.id} was not wired`,
        node.id,
        e.edge.id,
      );
      continue;
    }
    used.add(key);
    routes.push(
      `${v}.addRoutes({ path: ${str(path)}, methods: [apigwv2.HttpMethod.${method}], integration: ${integration} });`,
    );
    const limit = e.edge.config?.rateLimitPerSecond;
    if (limit !== undefined)
      routeLimits[key] = {
        ThrottlingRateLimit: limit,
        ThrottlingBurstLimit: Math.max(1, Math.ceil(limit * 2)),
      };
  }
  const auth = routes.length > 0 ? authorizer(env, node, c.auth) : undefined;
  stack.construct(
    v,
    'apigwv2.HttpApi',
    stack.id(node.id),
    { createDefaultStage: false, defaultAuthorizer: auth ? code(auth) : undefined },
    `API Gateway HTTP API ${node.id}: ${node.label}`,
  );
  const stage = ctx.partVar(node.id, 'stage');
  const throttle =
    c.rateLimitPerSecond !== undefined || c.burstLimit !== undefined
      ? {
          rateLimit: c.rateLimitPerSecond,
          burstLimit:
            c.burstLimit ??
            (c.rateLimitPerSecond !== undefined ? Math.ceil(c.rateLimitPerSecond * 2) : undefined),
        }
      : undefined;
  stack.construct(stage, 'apigwv2.HttpStage', stack.id(`${node.id}#stage`, `${node.id}-stage`), {
    httpApi: code(v),
    stageName: '$default',
    autoDeploy: true,
    throttle,
  });

  for (const r of routes) stack.line(r);
  if (Object.keys(routeLimits).length > 0)
    stack.line(
      `(${stage}.node.defaultChild as apigwv2.CfnStage).addPropertyOverride('RouteSettings', ${lit(routeLimits, '    ')});`,
    );
  stack.line(
    `new cdk.CfnOutput(this, ${str(stack.id(`${node.id}#url`, `${node.id}-url`))}, { value: ${v}.apiEndpoint });`,
  );
  ctx.register({ node, stack, v, type: 'apigwv2.HttpApi', parts: { stage } });
};
