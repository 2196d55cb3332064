import { type ArchitectureDocument, emptyDocument, insertTemplate, TEMPLATES } from '@stackdraft/patterns';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportTerraform } from '../terraform/exporter';
import type { ExportResult } from '../types';
import {
  checkReferences,
  type ParsedModule,
  type ParsedResource,
  parseModule,
  resourcesByNode,
  uncoveredNodes,
} from './terraform-hcl-check';

interface Exported {
  doc: ArchitectureDocument;
  result: ExportResult;
  module: ParsedModule;
}

const exported = new Map<string, Exported>();

beforeAll(async () => {
  for (const t of TEMPLATES) {
    const doc = insertTemplate(emptyDocument(t.name), t.id).document;
    const result = exportTerraform(doc);
    exported.set(t.id, { doc, result, module: await parseModule(result.files) });
  }
});

function template(id: string): Exported {
  const e = exported.get(id);
  if (!e) throw new Error(`template ${id} was not exported`);
  return e;
}

/** The resources of `type` tagged with the node id. */
function tagged(e: Exported, nodeId: string, type: string): ParsedResource[] {
  return (resourcesByNode(e.module).get(nodeId) ?? []).filter((r) => r.type === type);
}

function one(e: Exported, nodeId: string, type: string): ParsedResource {
  const list = tagged(e, nodeId, type);
  expect(list, `${type} of ${nodeId}`).toHaveLength(1);
  return list[0] as ParsedResource;
}

function all(e: Exported, type: string): ParsedResource[] {
  return [...e.module.resources.values()].filter((r) => r.type === type);
}

const ref = (r: ParsedResource, attr: string) => `${r.type}.${r.name}.${attr}`;
/** How hcl2json shows an argument that is a single expression: `${expression}`. */
const expr = (expression: string) => `\${${expression}}`;
const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

describe('Terraform export of every template', () => {
  it('parses, declares every reference, and has no duplicate address', () => {
    expect(exported.size).toBe(TEMPLATES.length);
    for (const [id, e] of exported) {
      expect(checkReferences(e.module), id).toEqual([]);
      expect(e.module.resources.size, id).toBeGreaterThan(5);
    }
  });

  it('gives every node of an exportable kind its resources', () => {
    for (const [id, e] of exported) expect(uncoveredNodes(e.doc, e.result, e.module), id).toEqual([]);
  });

  it('writes the module files and a README that explains what was left out', () => {
    for (const [id, e] of exported) {
      const paths = e.result.files.map((f) => f.path);
      expect(paths.slice(0, 3), id).toEqual(['versions.tf', 'providers.tf', 'variables.tf']);
      expect(paths, id).toContain('outputs.tf');
      expect(paths[paths.length - 1], id).toBe('README.md');
      const readme = e.result.files.find((f) => f.path === 'README.md')?.content ?? '';
      expect(readme, id).toContain('## Not exported, and why');
      for (const n of e.doc.nodes.filter((x) => x.kind === 'client'))
        expect(readme, id).toContain(`\`${n.id}\``);
    }
    const versions = template('queue-processing').result.files[0]?.content ?? '';
    expect(versions).toMatch(/source\s+= "hashicorp\/aws"/);
    expect(versions).toMatch(/version\s+= "~> 5.100"/);
  });

  it('is deterministic', () => {
    const doc = template('api-gateway-microservices').doc;
    expect(exportTerraform(doc)).toEqual(exportTerraform(structuredClone(doc)));
  });
});

describe('wiring by references', () => {
  it('queue + redrive: the queue redrives to the DLQ ARN, and the function consumes the queue', () => {
    const e = template('queue-processing');
    const queue = one(e, 'orders-queue', 'aws_sqs_queue');
    const dlq = one(e, 'orders-dlq', 'aws_sqs_queue');
    expect(text(queue.body.redrive_policy)).toMatch(
      new RegExp(`deadLetterTargetArn\\s*=\\s*${ref(dlq, 'arn')}`),
    );
    expect(text(queue.body.redrive_policy)).toMatch(/maxReceiveCount\s*=\s*5/);
    expect(queue.body.visibility_timeout_seconds).toBe(180);
    const fn = one(e, 'process-order', 'aws_lambda_function');
    const esm = all(e, 'aws_lambda_event_source_mapping');
    expect(esm).toHaveLength(1);
    expect(esm[0]?.body.event_source_arn).toBe(expr(ref(queue, 'arn')));
    expect(esm[0]?.body.function_name).toBe(expr(ref(fn, 'arn')));
    expect(esm[0]?.body.batch_size).toBe(10);
    // Least privilege: the function's role may read this queue, and its own log group.
    const role = text(fn.body.role).match(/aws_iam_role\.(\w+)\.arn/)?.[1];
    const policy = all(e, 'aws_iam_role_policy').find((p) =>
      text(p.body.role).includes(`aws_iam_role.${role}.id`),
    );
    expect(text(policy?.body.policy)).toContain('sqs:ReceiveMessage');
    expect(text(policy?.body.policy)).toContain(ref(queue, 'arn'));
    // The only wildcard is PutMetricData (for the metrics edge), which has no resource-level permissions.
    const wildcards = text(policy?.body.policy)
      .split('Effect')
      .filter((statement) => /Resource\s*=\s*"\*"/.test(statement));
    expect(wildcards).toHaveLength(1);
    expect(wildcards[0]).toContain('"cloudwatch:PutMetricData"');
    const allow = all(e, 'aws_sqs_queue_redrive_allow_policy');
    expect(text(allow[0]?.body.redrive_allow_policy)).toContain(ref(queue, 'arn'));
    // The DLQ alarm of the monitoring node watches the DLQ.
    expect(
      all(e, 'aws_cloudwatch_metric_alarm').some((a) => text(a.body.dimensions).includes(ref(dlq, 'name'))),
    ).toBe(true);
  });

  it('sql-database: Multi-AZ instance in a subnet group behind a security group, no password literal', () => {
    const e = template('three-tier-web-app');
    const db = one(e, 'app-db', 'aws_db_instance');
    expect(db.body).toMatchObject({
      engine: 'postgres',
      instance_class: 'db.t3.medium',
      multi_az: true,
      allocated_storage: 100,
      storage_type: 'gp3',
      backup_retention_period: 7,
      manage_master_user_password: true,
      storage_encrypted: true,
      publicly_accessible: false,
    });
    expect(db.body).not.toHaveProperty('password');
    const group = one(e, 'app-db', 'aws_db_subnet_group');
    expect(db.body.db_subnet_group_name).toBe(expr(ref(group, 'name')));
    const sg = one(e, 'app-db', 'aws_security_group');
    expect(text(db.body.vpc_security_group_ids)).toContain(ref(sg, 'id'));
    // Only the app service may connect, on the PostgreSQL port.
    const appSg = one(e, 'app-service', 'aws_security_group');
    const ingress = all(e, 'aws_vpc_security_group_ingress_rule').filter((r) =>
      text(r.body.security_group_id).includes(ref(sg, 'id')),
    );
    expect(ingress).toHaveLength(1);
    expect(ingress[0]?.body).toMatchObject({ from_port: 5432, to_port: 5432, ip_protocol: 'tcp' });
    expect(text(ingress[0]?.body.referenced_security_group_id)).toContain(ref(appSg, 'id'));
    // Private subnets of the data tier, split over two zones.
    expect(text(group.body.subnet_ids).match(/aws_subnet\.data_subnet_[ab]\.id/g)).toHaveLength(2);
  });

  it('load balancer + container service: ALB, IP target group, listener, cluster, Fargate task and service', () => {
    const e = template('three-tier-web-app');
    const lb = one(e, 'alb', 'aws_lb');
    expect(lb.body).toMatchObject({ internal: false, load_balancer_type: 'application' });
    expect(text(lb.body.subnets)).toMatch(/public_subnet_a\.id.*public_subnet_b\.id/);
    const tg = all(e, 'aws_lb_target_group');
    expect(tg).toHaveLength(1);
    expect(tg[0]?.body).toMatchObject({ target_type: 'ip', port: 8080, protocol: 'HTTP' });
    const listener = one(e, 'alb', 'aws_lb_listener');
    expect(text(listener.body.default_action)).toContain(ref(tg[0] as ParsedResource, 'arn'));
    const task = one(e, 'app-service', 'aws_ecs_task_definition');
    expect(task.body).toMatchObject({
      cpu: '1024',
      memory: '2048',
      network_mode: 'awsvpc',
      requires_compatibilities: ['FARGATE'],
    });
    const svc = one(e, 'app-service', 'aws_ecs_service');
    expect(svc.body.desired_count).toBe(3);
    expect(text(svc.body.load_balancer)).toContain(ref(tg[0] as ParsedResource, 'arn'));
    expect(text(svc.body.network_configuration)).toMatch(/app_subnet_a\.id/);
    expect(all(e, 'aws_ecs_cluster')).toHaveLength(1);
  });

  it('groups: the VPC with its subnets, internet gateway, route tables and NAT for private egress', () => {
    const e = template('three-tier-web-app');
    const vpc = one(e, 'vpc', 'aws_vpc');
    expect(vpc.body.cidr_block).toBe('10.0.0.0/16');
    expect(tagged(e, 'public-subnet', 'aws_subnet').map((s) => s.body.cidr_block)).toEqual([
      '10.0.0.0/25',
      '10.0.0.128/25',
    ]);
    expect(
      tagged(e, 'public-subnet', 'aws_subnet').every((s) => s.body.map_public_ip_on_launch === true),
    ).toBe(true);
    expect(all(e, 'aws_internet_gateway')).toHaveLength(1);
    // natGateways: 2 -> one NAT (and EIP) per zone, and a private route table each.
    expect(all(e, 'aws_nat_gateway')).toHaveLength(2);
    expect(all(e, 'aws_eip')).toHaveLength(2);
    const natRoutes = all(e, 'aws_route').filter((r) => r.body.nat_gateway_id !== undefined);
    expect(natRoutes).toHaveLength(2);
    // Four private subnets (app and data, two zones) and two public ones are associated.
    expect(all(e, 'aws_route_table_association')).toHaveLength(6);
    expect(all(e, 'aws_default_security_group')).toHaveLength(1);
    expect(all(e, 'aws_flow_log')).toHaveLength(1);
  });

  it('read replicas: same region by identifier, cross-region by ARN with its own provider and key', () => {
    const e = template('read-replicas');
    const primary = one(e, 'primary-db', 'aws_db_instance');
    const local = one(e, 'replica', 'aws_db_instance');
    const remote = one(e, 'replica-west', 'aws_db_instance');
    expect(local.body.replicate_source_db).toBe(expr(ref(primary, 'identifier')));
    expect(remote.body.replicate_source_db).toBe(expr(ref(primary, 'arn')));
    expect(remote.body.provider).toBe(expr('aws.us_west_2'));
    expect(primary.body.provider).toBe(expr('aws.us_east_1'));
    const key = one(e, 'replica-west', 'aws_kms_key');
    expect(key.body.provider).toBe(expr('aws.us_west_2'));
    expect(remote.body.kms_key_id).toBe(expr(ref(key, 'arn')));
    expect(e.module.providerAliases).toEqual(new Set(['us_east_1', 'us_west_2']));
    // The read API in us-west-2 reads the primary's managed secret (the credentials are the primary's).
    expect(
      all(e, 'aws_iam_role_policy').some((p) =>
        text(p.body.policy).includes(`${ref(primary, 'master_user_secret')}[0].secret_arn`),
      ),
    ).toBe(true);
  });

  it('nosql-table with replication: one global table with a replica block per other region', () => {
    const e = template('multi-region-active-active');
    const tables = all(e, 'aws_dynamodb_table');
    expect(tables).toHaveLength(1);
    const t = tables[0] as ParsedResource;
    expect(t.body).toMatchObject({
      billing_mode: 'PAY_PER_REQUEST',
      hash_key: 'pk',
      range_key: 'sk',
      stream_enabled: true,
      stream_view_type: 'NEW_AND_OLD_IMAGES',
      provider: expr('aws.us_east_1'),
    });
    expect(t.body.replica).toEqual([
      { region_name: 'eu-west-1', point_in_time_recovery: true, propagate_tags: true },
    ]);
    // The eu-west-1 app writes its regional replica: the table ARN with its region.
    const policies = all(e, 'aws_iam_role_policy').map((p) => text(p.body.policy));
    expect(policies.some((p) => p.includes(`replace(${ref(t, 'arn')}, ":us-east-1:", ":eu-west-1:")`))).toBe(
      true,
    );
    expect(
      all(e, 'aws_lb')
        .map((lb) => lb.body.provider)
        .sort(),
    ).toEqual([expr('aws.eu_west_1'), expr('aws.us_east_1')]);
    // Latency routing: one record per region with its region and a health check.
    const records = all(e, 'aws_route53_record');
    expect(records.map((r) => text(r.body.latency_routing_policy))).toEqual(
      expect.arrayContaining([expect.stringContaining('us-east-1'), expect.stringContaining('eu-west-1')]),
    );
    expect(all(e, 'aws_route53_health_check')).toHaveLength(2);
  });

  it('api-gateway: HTTP API with throttling, Cognito JWT authorizer, routes and private integrations', () => {
    const e = template('api-gateway-microservices');
    const api = one(e, 'api', 'aws_apigatewayv2_api');
    expect(api.body.protocol_type).toBe('HTTP');
    const stage = one(e, 'api', 'aws_apigatewayv2_stage');
    expect(stage.body.default_route_settings).toEqual([
      { throttling_rate_limit: 500, throttling_burst_limit: 1000 },
    ]);
    const routes = all(e, 'aws_apigatewayv2_route');
    expect(routes.map((r) => r.body.route_key).sort()).toEqual([
      'ANY /notifications/{proxy+}',
      'ANY /orders/{proxy+}',
      'ANY /payments/{proxy+}',
      'ANY /products/{proxy+}',
      'ANY /shipping/{proxy+}',
    ]);
    const [authorizer] = all(e, 'aws_apigatewayv2_authorizer');
    const pool = one(e, 'user-pool', 'aws_cognito_user_pool');
    expect(authorizer?.body.authorizer_type).toBe('JWT');
    expect(text(authorizer?.body.jwt_configuration)).toContain(`https://${expr(ref(pool, 'endpoint'))}`);
    expect(text(authorizer?.body.jwt_configuration)).toContain('aws_cognito_user_pool_client.');
    for (const r of routes) {
      expect(r.body.authorization_type).toBe('JWT');
      expect(r.body.authorizer_id).toBe(expr(ref(authorizer as ParsedResource, 'id')));
    }
    // Per-route limits from the edges (the seed's 1000 and 100 requests an hour).
    expect(stage.body.route_settings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ throttling_rate_limit: 0.28 }),
        expect.objectContaining({ throttling_rate_limit: 0.028 }),
      ]),
    );
    // Services behind the API are reached through a VPC link and Cloud Map.
    const integrations = all(e, 'aws_apigatewayv2_integration');
    expect(integrations).toHaveLength(5);
    for (const i of integrations) {
      expect(i.body).toMatchObject({ integration_type: 'HTTP_PROXY', connection_type: 'VPC_LINK' });
      expect(text(i.body.integration_uri)).toMatch(/aws_service_discovery_service\.\w+\.arn/);
    }
    expect(text(one(e, 'order-service', 'aws_ecs_service').body.service_registries)).toContain(
      'aws_service_discovery_service.order_service.arn',
    );
  });

  it('state machine: ASL with its own Choice state, Tasks referencing the functions, started by the API', () => {
    const e = template('step-functions-order-workflow');
    const sm = one(e, 'order-workflow', 'aws_sfn_state_machine');
    const def = text(sm.body.definition);
    expect(def).toMatch(/InventoryAvailable = \{\s*Type\s*= "Choice"/);
    expect(def).toMatch(/Default\s*= "NotifyOutOfStock"/);
    expect(def).toMatch(/Resource\s*= aws_lambda_function\.check_inventory\.arn/);
    const integration = all(e, 'aws_apigatewayv2_integration')[0];
    expect(integration?.body).toMatchObject({
      integration_type: 'AWS_PROXY',
      integration_subtype: 'StepFunctions-StartExecution',
    });
    expect(text(integration?.body.request_parameters)).toContain(ref(sm, 'arn'));
    // The workflow's role may invoke exactly its six functions.
    const role = text(sm.body.role_arn).match(/aws_iam_role\.(\w+)\.arn/)?.[1];
    const policy = text(
      all(e, 'aws_iam_role_policy').find((p) => text(p.body.role).includes(`aws_iam_role.${role}.id`))?.body
        .policy,
    );
    expect(new Set(policy.match(/aws_lambda_function\.\w+\.arn/g))).toHaveProperty('size', 6);
  });

  it('event bus: a rule per target with the edge pattern, permissions, and the DLQ', () => {
    const e = template('eventbridge-fan-out');
    const rules = all(e, 'aws_cloudwatch_event_rule');
    expect(rules).toHaveLength(2);
    expect(rules.map((r) => text(r.body.event_pattern)).join()).toContain(
      '"detail-type" = ["OrderCreated", "OrderUpdated"]',
    );
    const targets = all(e, 'aws_cloudwatch_event_target');
    const dlq = one(e, 'events-dlq', 'aws_sqs_queue');
    for (const t of targets) expect(text(t.body.dead_letter_config)).toContain(ref(dlq, 'arn'));
    expect(
      targets.some((t) => t.body.role_arn !== undefined && text(t.body.arn).includes('aws_kinesis_stream.')),
    ).toBe(true);
    expect(all(e, 'aws_lambda_permission').map((p) => p.body.principal)).toEqual(['events.amazonaws.com']);
    expect(text(one(e, 'events-dlq', 'aws_sqs_queue').body)).not.toContain('policy');
    expect(all(e, 'aws_sqs_queue_policy')).toHaveLength(1);
  });

  it('S3 trigger: a bucket notification and a permission scoped to the bucket; CloudFront reads through OAC', () => {
    const e = template('serverless-image-processing');
    const uploads = one(e, 'uploads', 'aws_s3_bucket');
    const [notification] = all(e, 'aws_s3_bucket_notification');
    expect(text(notification?.body.lambda_function)).toContain('aws_lambda_function.resize_image.arn');
    const [permission] = all(e, 'aws_lambda_permission');
    expect(permission?.body).toMatchObject({
      principal: 's3.amazonaws.com',
      source_arn: expr(ref(uploads, 'arn')),
    });
    const processed = one(e, 'processed', 'aws_s3_bucket');
    const [policy] = all(e, 'aws_s3_bucket_policy');
    expect(text(policy?.body.policy)).toContain('cloudfront.amazonaws.com');
    expect(text(policy?.body.policy)).toContain(`${expr(ref(processed, 'arn'))}/*`);
    expect(all(e, 'aws_s3_bucket_public_access_block')).toHaveLength(2);
  });
});
