import { readdirSync, readFileSync } from 'node:fs';
import { type ArchitectureDocument, loadDocument, validate } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { importTerraform } from './import';
import { type ImportResult, TerraformImportError } from './types';

// Hand-written modules, not produced by Stackdraft.
const FIXTURES = new URL('../../test-fixtures/terraform-import/', import.meta.url);

function read(name: string): { path: string; content: string }[] {
  const url = new URL(name, FIXTURES);
  if (!name.endsWith('/')) return [{ path: name, content: readFileSync(url, 'utf8') }];
  return readdirSync(url)
    .filter((f) => f.endsWith('.tf'))
    .map((f) => ({ path: `${name}${f}`, content: readFileSync(new URL(f, url), 'utf8') }));
}

const edges = (doc: ArchitectureDocument) =>
  doc.edges.map((e) => `${e.source} -${e.kind}-> ${e.target}`).sort();
const node = (doc: ArchitectureDocument, id: string) => doc.nodes.find((n) => n.id === id);
const unmapped = (r: ImportResult) => Object.fromEntries(r.report.unmapped.map((u) => [u.address, u.reason]));

function expectValid(doc: ArchitectureDocument): void {
  expect(loadDocument(doc).ok).toBe(true);
  // The rules run on it (an imported design is reviewed like any other).
  expect(Array.isArray(validate(doc).findings)).toBe(true);
}

describe('importTerraform: a three-tier app in a VPC (a directory of several files)', async () => {
  const result = await importTerraform(read('three-tier/'));
  const doc = result.document;

  it('maps the load balancer, the ECS service, the Multi-AZ database and its replica', () => {
    expectValid(doc);
    expect(doc.region).toBe('eu-central-1'); // provider region = var.region's default
    expect(node(doc, 'web')).toMatchObject({
      kind: 'load-balancer',
      label: 'Shop load balancer',
      config: { type: 'application' },
    });
    expect(node(doc, 'app')).toMatchObject({
      kind: 'container-service',
      label: 'Shop app',
      config: {
        platform: 'fargate',
        tasks: 4,
        cpu: 2,
        memoryGb: 4,
        port: 8080,
        image: '123456789012.dkr.ecr.eu-central-1.amazonaws.com/shop:1.4.2',
      },
    });
    expect(node(doc, 'primary')).toMatchObject({
      kind: 'sql-database',
      config: {
        engine: 'postgres',
        instanceClass: 'db.r6g.large',
        multiAz: true,
        storageGb: 200,
        storageType: 'gp3',
        backupRetentionDays: 14,
      },
    });
    expect(node(doc, 'replica')).toMatchObject({
      kind: 'read-replica',
      config: { instanceClass: 'db.r6g.large' },
    });
  });

  it('groups nodes by VPC and subnet', () => {
    expect(node(doc, 'main')).toMatchObject({ kind: 'vpc', config: { cidr: '10.20.0.0/16' } });
    expect(node(doc, 'public')).toMatchObject({ kind: 'subnet', parent: 'main', config: { public: true } });
    expect(node(doc, 'app-subnet')).toMatchObject({
      kind: 'subnet',
      parent: 'main',
      config: { public: false },
    });
    expect(node(doc, 'web')?.parent).toBe('public');
    expect(node(doc, 'app')?.parent).toBe('app-subnet');
    expect(node(doc, 'primary')?.parent).toBe('db');
    expect(node(doc, 'replica')?.parent).toBe('main');
  });

  it('infers the edges: target group, replication, and the database calls', () => {
    expect(edges(doc)).toEqual([
      'app -sync-> primary',
      'app -sync-> replica',
      'primary -replication-> replica',
      'web -sync-> app',
    ]);
  });

  it('reports every resource that is not a node, with the reason', () => {
    const u = unmapped(result);
    expect(u['aws_iam_role.task_execution']).toBe('supporting resource of app (container-service)');
    expect(u['aws_security_group.db']).toMatch(/^supporting resource of /);
    expect(u['aws_lb_listener.https']).toBe('supporting resource of web (load-balancer)');
    expect(u['aws_cloudwatch_log_group.app']).toBe(
      'no catalog kind for aws_cloudwatch_log_group, and no mapped resource uses it',
    );
    const all = [...result.report.mapped, ...result.report.unmapped].map((r) => r.address);
    expect(all).toHaveLength(21);
    expect(new Set(all).size).toBe(21);
  });
});

describe('importTerraform: a queue/lambda pipeline', async () => {
  const result = await importTerraform(read('queue-pipeline.tf'));
  const doc = result.document;

  it('finds the dead-letter queue from the redrive policy and carries queue and function config', () => {
    expectValid(doc);
    expect(node(doc, 'orders-dlq')).toMatchObject({
      kind: 'dead-letter-queue',
      config: { messageRetentionS: 1209600 },
    });
    expect(node(doc, 'orders-queue')).toMatchObject({
      kind: 'queue',
      label: 'Orders queue',
      config: { visibilityTimeoutS: 180, maxReceiveCount: 3 },
    });
    expect(node(doc, 'worker')).toMatchObject({
      kind: 'function',
      config: { runtime: 'python3.12', memoryMb: 2048, timeoutS: 120 },
    });
    expect(node(doc, 'api')).toMatchObject({ config: { architecture: 'arm64', memoryMb: 1024 } });
    expect(node(doc, 'orders')?.kind).toBe('topic');
    expect(node(doc, 'monitoring')).toMatchObject({ kind: 'monitoring', config: { alarms: 1 } });
  });

  it('infers redrive, trigger (with batch size), subscription, publish and alarm edges', () => {
    expect(edges(doc)).toEqual([
      'api -async-> orders',
      'orders -async-> orders-queue',
      'orders-dlq -async-> monitoring',
      'orders-queue -redrive-> orders-dlq',
      'orders-queue -trigger-> worker',
      'worker -async-> orders',
    ]);
    expect(doc.edges.find((e) => e.kind === 'trigger')?.config).toEqual({ batchSize: 10 });
  });

  it('lists the IAM user and the wiring resources in the report', () => {
    const u = unmapped(result);
    expect(u['aws_iam_user.ci']).toBe('no catalog kind for aws_iam_user, and no mapped resource uses it');
    expect(u['aws_lambda_event_source_mapping.worker_orders']).toBe(
      'supporting resource of worker (function)',
    );
    expect(u['aws_sns_topic_subscription.orders_to_queue']).toBe('supporting resource of orders (topic)');
    expect(u['aws_sqs_queue_policy.orders']).toBe('supporting resource of orders-queue (queue)');
    expect(result.report.mapped.map((m) => m.address).sort()).toEqual([
      'aws_cloudwatch_metric_alarm.dlq_depth',
      'aws_lambda_function.api',
      'aws_lambda_function.worker',
      'aws_sns_topic.orders',
      'aws_sqs_queue.orders',
      'aws_sqs_queue.orders_dlq',
    ]);
  });
});

describe('importTerraform: a DynamoDB global table', async () => {
  const result = await importTerraform(read('dynamodb-global.tf'));
  const doc = result.document;

  it('draws one table per region in region groups, joined by replication both ways', () => {
    expectValid(doc);
    const tables = doc.nodes.filter((n) => n.kind === 'nosql-table');
    expect(tables.map((t) => [t.id, t.parent])).toEqual([
      ['sessions', 'us-east-1'],
      ['sessions-us-west-2', 'us-west-2'],
      ['sessions-eu-west-1', 'eu-west-1'],
    ]);
    for (const t of tables)
      expect(t.config).toMatchObject({
        capacityMode: 'provisioned',
        readCapacityUnits: 50,
        writeCapacityUnits: 20,
        partitionKey: 'session_id',
      });
    const replication = edges(doc).filter((e) => e.includes('-replication->'));
    expect(replication).toHaveLength(6);
    expect(doc.nodes.filter((n) => n.kind === 'region').map((r) => r.config)).toEqual([
      { name: 'eu-west-1' },
      { name: 'us-east-1' },
      { name: 'us-west-2' },
    ]);
  });

  it('connects the function to the replica in its own region, read-only', () => {
    expect(node(doc, 'sessions-west')?.parent).toBe('us-west-2');
    const e = doc.edges.find((x) => x.source === 'sessions-west');
    expect(e).toMatchObject({ target: 'sessions-us-west-2', kind: 'sync', config: { access: 'read' } });
  });
});

describe('importTerraform: bad input', () => {
  it('names the file, line and column of a syntax error', async () => {
    const err = await importTerraform(read('malformed/')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TerraformImportError);
    expect((err as Error).message).toBe(
      'malformed/main.tf:7:32: Invalid expression; Expected the start of an expression, but found an invalid expression token',
    );
    expect((err as TerraformImportError).location).toEqual({
      file: 'malformed/main.tf',
      line: 7,
      column: 32,
    });
  });

  it('refuses an empty file list', async () => {
    await expect(importTerraform([])).rejects.toThrow('no .tf files to import');
  });

  it('says which module blocks it does not follow', async () => {
    const r = await importTerraform([
      { path: 'main.tf', content: 'module "network" {\n  source = "./network"\n}\n' },
    ]);
    expect(r.report.warnings.map((w) => w.message)).toContain(
      'module "network" is not read (its resources are in its own source): import that directory too',
    );
  });

  it('imports a module with no resources as an empty design, with a warning', async () => {
    const r = await importTerraform([{ path: 'vars.tf', content: 'variable "x" {}\n' }]);
    expect(r.document.nodes).toEqual([]);
    expect(r.report.warnings.map((w) => w.message)).toContain(
      'the module declares no resources: the design is empty',
    );
  });
});
