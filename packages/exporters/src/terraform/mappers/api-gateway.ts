import type { DocumentNode, ResolvedEdge } from '@stackdraft/patterns';
import type { ExportContext, KindMapper, NodeExport, SecurityGroup } from '../context';
import { type Block, type Body, block, blocks, tpl, type Value } from '../hcl';
import type { Principal } from '../iam';
import type { Res } from '../module';
import type { Network } from '../network';
import { description, lambdaPermission, output, routePath, target } from './common';

interface ApiConfig {
  type: 'http' | 'rest';
  auth: 'none' | 'jwt' | 'iam' | 'cognito';
  rateLimitPerSecond?: number;
  burstLimit?: number;
}

/** A VPC link (with its security group) per API and VPC, for private integrations. */
function vpcLink(ctx: ExportContext, api: NodeExport, network: Network): { link: Res; sg: SecurityGroup } {
  return ctx.shared(`vpc-link:${api.node.id}:${network.key}`, () => {
    const sg = ctx.securityGroup(api.node, network, false);
    const link = ctx.done(
      api.node,
      'aws_apigatewayv2_vpc_link',
      `${api.node.id}-${network.nodeId ?? network.region}`,
      {
        name: ctx.names.name('apigw', `${api.node.id}-link`, '', `link:${api.node.id}:${network.key}`),
        subnet_ids: network.subnetsFor(undefined, false),
        security_group_ids: [sg.res.ref('id')],
        tags: ctx.tags(api.node.id, api.node.id),
      },
    );
    return { link, sg };
  });
}

/** The role API Gateway uses for AWS service integrations (Step Functions, SQS, EventBridge, Kinesis). */
function serviceRole(ctx: ExportContext, node: DocumentNode): Principal {
  return ctx.shared(`api-role:${node.id}`, () =>
    ctx.principal(node, 'apigateway.amazonaws.com', 'integrations'),
  );
}

/** The integration arguments for one route's target, with the permission or network path it needs. */
function integrationFor(
  ctx: ExportContext,
  self: NodeExport,
  t: NodeExport,
  e: ResolvedEdge,
): Body | undefined {
  const api = (self.api as NonNullable<NodeExport['api']>).res;
  if (t.lambda) {
    lambdaPermission(
      ctx,
      self.node,
      t,
      'apigateway.amazonaws.com',
      tpl`${api.ref('execution_arn')}/*/*`,
      `${self.node.id}-${e.edge.id}`,
    );
    return {
      integration_type: 'AWS_PROXY',
      integration_uri: t.lambda.ref('invoke_arn'),
      payload_format_version: '2.0',
    };
  }
  const proxy = { integration_type: 'HTTP_PROXY', integration_method: 'ANY' };
  if (t.lb && t.sg) {
    if (!t.lb.internal) {
      return Object.assign({}, proxy, {
        integration_uri: tpl`http://${t.lb.res.ref('dns_name')}`,
        request_parameters: { 'overwrite:path': '$request.path' },
      });
    }
    const { link, sg } = vpcLink(ctx, self, t.sg.network);
    ctx.allowTcp(sg, t.sg, t.port ?? 80);
    return Object.assign({}, proxy, {
      connection_type: 'VPC_LINK',
      connection_id: link.ref('id'),
      integration_uri: t.lb.listener.ref('arn'),
    });
  }
  if (t.ecs && t.sg) {
    const { link, sg } = vpcLink(ctx, self, t.sg.network);
    ctx.allowTcp(sg, t.sg, t.ecs.port);
    return Object.assign({}, proxy, {
      connection_type: 'VPC_LINK',
      connection_id: link.ref('id'),
      integration_uri: t.ecs.registry().ref('arn'),
    });
  }
  if (t.externalUrl) return Object.assign({}, proxy, { integration_uri: t.externalUrl.href });
  const service = (subtype: string, parameters: Record<string, Value>, access: 'write' | 'invoke'): Body => {
    const role = serviceRole(ctx, self.node);
    role.allow(...(t.grant?.(access) ?? []));
    return {
      integration_type: 'AWS_PROXY',
      integration_subtype: subtype,
      credentials_arn: role.role.ref('arn'),
      payload_format_version: '1.0',
      request_parameters: parameters,
    };
  };
  if (t.stateMachine) {
    return service(
      t.stateMachine.express ? 'StepFunctions-StartSyncExecution' : 'StepFunctions-StartExecution',
      { StateMachineArn: t.stateMachine.res.ref('arn'), Input: '$request.body' },
      'invoke',
    );
  }
  if (t.queue) {
    return service(
      'SQS-SendMessage',
      {
        QueueUrl: t.queue.res.ref('url'),
        MessageBody: '$request.body',
        MessageGroupId: t.queue.fifo ? '$request.requestId' : undefined,
      },
      'write',
    );
  }
  if (t.bus) {
    return service(
      'EventBridge-PutEvents',
      {
        EventBusName: t.bus.ref('name'),
        Source: `stackdraft.${self.node.id}`,
        DetailType: 'request',
        Detail: '$request.body',
      },
      'write',
    );
  }
  if (t.stream) {
    return service(
      'Kinesis-PutRecord',
      { StreamName: t.stream.ref('name'), Data: '$request.body', PartitionKey: '$request.requestId' },
      'write',
    );
  }
  return undefined;
}

/** The JWT authorizer: from the connected auth node's user pool, else from variables to fill in. */
function authorizer(ctx: ExportContext, self: NodeExport, c: ApiConfig): Res | undefined {
  if (c.auth !== 'jwt' && c.auth !== 'cognito') return undefined;
  const api = (self.api as NonNullable<NodeExport['api']>).res;
  const authEdge = ctx.edges(self.node.id, 'out', 'sync').find((e) => target(ctx, e)?.userPool);
  let jwt: Body;
  if (authEdge) {
    ctx.handled(authEdge);
    const pool = target(ctx, authEdge)?.userPool as NonNullable<NodeExport['userPool']>;
    jwt = { audience: [pool.client.ref('id')], issuer: tpl`https://${pool.pool.ref('endpoint')}` };
  } else {
    ctx.warn(
      'Connect an auth node to this gateway, or set the jwt_issuer and jwt_audience variables.',
      self.node.id,
    );
    jwt = {
      audience: ctx.module.variable('jwt_audience', {
        type: 'list(string)',
        description: 'Audiences (client ids) the API gateways accept in JWTs.',
        default: ['fill-in-client-id'],
        fillIn: true,
      }),
      issuer: ctx.module.variable('jwt_issuer', {
        type: 'string',
        description: 'Issuer URL of the JWTs the API gateways accept (your identity provider).',
        default: 'https://issuer.example.com',
        fillIn: true,
      }),
    };
  }
  return ctx.done(self.node, 'aws_apigatewayv2_authorizer', self.node.id, {
    api_id: api.ref('id'),
    authorizer_type: 'JWT',
    name: 'jwt',
    identity_sources: ['$request.header.Authorization'],
    jwt_configuration: block(jwt),
  });
}

/** AWS's default account-level steady-state rate per region (requests per second). */
const ACCOUNT_RATE_LIMIT = 10_000;

/**
 * The stage's default throttling, or undefined when the node sets no limit. Both values are
 * always written: the AWS provider sends an unset one as 0, and a 0 rate or burst makes the API
 * answer every request with 429. A missing burst is twice the rate (as the CDK export does); a
 * missing rate is AWS's account default.
 */
function stageThrottling(ctx: ExportContext, node: DocumentNode, c: ApiConfig): Block | undefined {
  if (c.rateLimitPerSecond === undefined && c.burstLimit === undefined) return undefined;
  if (c.rateLimitPerSecond === undefined) {
    ctx.info(
      `Only a burst limit is set: the steady rate is AWS's account default, ${ACCOUNT_RATE_LIMIT} requests per second.`,
      node.id,
    );
  }
  const rate = c.rateLimitPerSecond ?? ACCOUNT_RATE_LIMIT;
  return block({
    throttling_rate_limit: rate,
    throttling_burst_limit: c.burstLimit ?? Math.max(1, Math.ceil(rate * 2)),
  });
}

/**
 * `api-gateway` -> an HTTP API (`aws_apigatewayv2_api`) with a `$default` stage throttled at the
 * node's rate and burst limits, a JWT authorizer (Cognito when an auth node is connected) or IAM
 * authorization, and one route + integration per edge: Lambda proxy, HTTP proxy to a public load
 * balancer, VPC link to an internal one or to an ECS service (Cloud Map), or an AWS service
 * integration for state machines, queues, event buses and streams. Per-route rate limits become
 * stage route settings.
 */
export const apiGatewayMapper: KindMapper = {
  kinds: ['api-gateway'],
  map(ctx, node) {
    const c = ctx.config<ApiConfig>(node);
    if (c.type === 'rest') {
      ctx.info(
        'Exported as an HTTP API (API Gateway v2): routes, JWT authorizers and throttling map one to one.',
        node.id,
      );
    }
    const api = ctx.done(node, 'aws_apigatewayv2_api', node.id, {
      name: ctx.names.name('apigw', node.id),
      protocol_type: 'HTTP',
      description: description(node.label, 1024),
      tags: ctx.tags(node.id, node.id),
    });
    const stage = ctx.res(node, 'aws_apigatewayv2_stage', node.id, {
      api_id: api.ref('id'),
      name: '$default',
      auto_deploy: true,
      default_route_settings: stageThrottling(ctx, node, c),
      route_settings: undefined,
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'endpoints', 'API endpoint', api.ref('api_endpoint'));
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: api,
      arn: api.ref('arn'),
      api: { res: api, stage },
      grant:
        c.auth === 'iam'
          ? () => [{ actions: ['execute-api:Invoke'], resource: tpl`${api.ref('execution_arn')}/*` }]
          : undefined,
    };
  },
  wire(ctx, self) {
    const c = ctx.config<ApiConfig>(self.node);
    const api = (self.api as NonNullable<NodeExport['api']>).res;
    const auth = authorizer(ctx, self, c);
    const keys = new Set<string>();
    const settings: Body[] = [];
    const routes: Res[] = [];
    for (const e of ctx.edges(self.node.id, 'out', 'sync', 'async')) {
      const t = target(ctx, e);
      if (!t || t.userPool) continue;
      const body = integrationFor(ctx, self, t, e);
      if (!body) continue;
      ctx.handled(e);
      const path = routePath(e.edge.config?.route);
      let key = path ? `ANY ${path}` : keys.has('$default') ? `ANY /${t.node.id}/{proxy+}` : '$default';
      for (let n = 2; keys.has(key); n++) key = `ANY /${t.node.id}-${n}/{proxy+}`;
      keys.add(key);
      const integration = ctx.done(
        self.node,
        'aws_apigatewayv2_integration',
        `${self.node.id}-${t.node.id}`,
        Object.assign({ api_id: api.ref('id'), description: description(e.edge.label, 1024) }, body),
      );
      const route = ctx.done(self.node, 'aws_apigatewayv2_route', `${self.node.id}-${t.node.id}`, {
        api_id: api.ref('id'),
        route_key: key,
        target: tpl`integrations/${integration.ref('id')}`,
        authorization_type: auth ? 'JWT' : c.auth === 'iam' ? 'AWS_IAM' : undefined,
        authorizer_id: auth?.ref('id'),
      });
      routes.push(route);
      const rate = e.edge.config?.rateLimitPerSecond;
      if (rate !== undefined) {
        settings.push({
          route_key: route.ref('route_key'),
          throttling_rate_limit: rate,
          throttling_burst_limit: Math.max(1, Math.ceil(rate)),
        });
      }
    }
    if (settings.length > 0) {
      // Route settings name routes that must exist first.
      const stage = (self.api as NonNullable<NodeExport['api']>).stage;
      stage.body.route_settings = blocks(settings);
      stage.depend(...routes);
    }
  },
};
