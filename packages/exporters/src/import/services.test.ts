import { readFileSync } from 'node:fs';
import { loadDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { importTerraform } from './import';

// Hand-written: an HTTP API with Cognito, Step Functions, EventBridge, S3, CloudFront + WAF,
// Route 53, ElastiCache, Aurora, MSK and Kinesis in one module.
const content = readFileSync(
  new URL('../../test-fixtures/terraform-import/services.tf', import.meta.url),
  'utf8',
);

describe('importTerraform: serverless and managed services', async () => {
  const { document: doc, report } = await importTerraform([{ path: 'services.tf', content }]);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));

  it('maps each service to its kind with the config Terraform states', () => {
    expect(loadDocument(doc).ok).toBe(true);
    expect(byId.get('store')).toMatchObject({
      kind: 'api-gateway',
      config: { type: 'http', auth: 'cognito', rateLimitPerSecond: 250, burstLimit: 500 },
    });
    expect(byId.get('checkout')).toMatchObject({ kind: 'state-machine', config: { type: 'express' } });
    expect(byId.get('orders')?.kind).toBe('event-bus');
    expect(byId.get('default-event-bus')).toMatchObject({
      kind: 'event-bus',
      label: 'Default event bus',
      config: { schedule: 'cron(0 2 * * ? *)' },
    });
    expect(byId.get('uploads')).toMatchObject({ kind: 'object-storage', config: { versioning: true } });
    expect(byId.get('assets')).toMatchObject({ kind: 'cdn', config: { priceClass: 'PriceClass_200' } });
    expect(byId.get('edge')).toMatchObject({ kind: 'waf', config: { rules: 2 } });
    expect(byId.get('store-dns')).toMatchObject({ kind: 'dns', config: { domain: 'store.example.com' } });
    expect(byId.get('sessions')).toMatchObject({
      kind: 'cache',
      config: { engine: 'redis', nodeType: 'cache.r7g.large', nodes: 3 },
    });
    expect(byId.get('ledger')).toMatchObject({
      kind: 'sql-database',
      config: { engine: 'postgres', instanceClass: 'db.r6g.xlarge', multiAz: true },
    });
    expect(byId.get('events')).toMatchObject({
      kind: 'kafka',
      config: { brokers: 3, brokerInstance: 'kafka.m7g.large', storageGb: 1500, kafkaVersion: '3.6.0' },
    });
    expect(byId.get('clicks')).toMatchObject({ kind: 'stream', config: { shards: 4, retentionHours: 48 } });
    expect(byId.get('charge')).toMatchObject({
      kind: 'function',
      config: { runtime: 'java21', memoryMb: 1769 },
    });
  });

  it('infers integrations, targets, notifications, origins, aliases and definitions as edges', () => {
    const edges = doc.edges.map((e) => `${e.source} -${e.kind}-> ${e.target}`).sort();
    expect(edges).toEqual([
      'assets -sync-> uploads',
      'catalog -sync-> sessions',
      'checkout -sync-> charge',
      'default-event-bus -trigger-> nightly',
      'edge -sync-> assets',
      'orders -trigger-> checkout',
      'store -sync-> catalog',
      'store -sync-> customers',
      'store-dns -sync-> assets',
      'uploads -trigger-> thumbnail',
    ]);
    expect(doc.edges.find((e) => e.source === 'store' && e.target === 'catalog')?.config).toEqual({
      route: '/products/{id}',
    });
  });

  it('keeps the default for values the catalog refuses, and says so', () => {
    expect(byId.get('nightly')?.config).toBeUndefined();
    const messages = report.warnings
      .filter((w) => w.address === 'aws_lambda_function.nightly')
      .map((w) => w.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(
      /^runtime "ruby2\.7" is not accepted for a function \(.*\): the default is used$/,
    );
    expect(messages[1]).toMatch(/^memoryMb 99999 is not accepted for a function/);
    expect(report.warnings.find((w) => w.address === 'aws_rds_cluster.ledger')?.message).toMatch(
      /^Aurora clusters/,
    );
  });

  it('reports non-AWS resources and supporting ones', () => {
    const reasons = Object.fromEntries(report.unmapped.map((u) => [u.address, u.reason]));
    expect(reasons['random_password.unused']).toBe('not an AWS resource (provider random)');
    expect(reasons['aws_rds_cluster_instance.ledger']).toBe('supporting resource of ledger (sql-database)');
    expect(reasons['aws_route53_record.assets']).toBe('supporting resource of store-dns (dns)');
  });
});
