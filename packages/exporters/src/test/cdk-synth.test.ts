import { type ArchitectureDocument, graphOf, resolveConfig, TEMPLATES } from '@stackdraft/patterns';
import { arbitraryDocument } from '@stackdraft/patterns/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCdk } from '../cdk/index';
import { pascalIdentifier } from '../shared/names';
import {
  type CdkWorkspace,
  cdkWorkspace,
  type Resource,
  refersTo,
  resourceOf,
  resources,
  type SynthResult,
  synthesize,
  typeCheck,
} from './cdk-harness';
import { coverageDocument } from './coverage-document';
import { HOSTILE_LABELS, templateDocument, withHostileLabels } from './hostile';

/** The CloudFormation type of each kind's main resource (construct id = the node id in PascalCase). */
function mainType(doc: ArchitectureDocument, nodeId: string): string | undefined {
  const node = graphOf(doc).nodes.get(nodeId);
  if (!node) return undefined;
  const types: Record<string, string> = {
    queue: 'AWS::SQS::Queue',
    'dead-letter-queue': 'AWS::SQS::Queue',
    topic: 'AWS::SNS::Topic',
    'event-bus': 'AWS::Events::EventBus',
    stream: 'AWS::Kinesis::Stream',
    kafka: 'AWS::MSK::Cluster',
    'state-machine': 'AWS::StepFunctions::StateMachine',
    function: 'AWS::Lambda::Function',
    'container-service': 'AWS::ECS::Service',
    'vm-group': 'AWS::AutoScaling::AutoScalingGroup',
    'kubernetes-cluster': 'AWS::EKS::Cluster',
    'sql-database': 'AWS::RDS::DBInstance',
    'read-replica': 'AWS::RDS::DBInstance',
    'document-database': 'AWS::DocDB::DBCluster',
    'object-storage': 'AWS::S3::Bucket',
    'search-index': 'AWS::OpenSearchService::Domain',
    'secrets-vault': 'AWS::SecretsManager::Secret',
    'load-balancer': 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    'api-gateway': 'AWS::ApiGatewayV2::Api',
    cdn: 'AWS::CloudFront::Distribution',
    waf: 'AWS::WAFv2::WebACL',
    dns: 'AWS::Route53::HostedZone',
    auth: 'AWS::Cognito::UserPool',
    vpc: 'AWS::EC2::VPC',
  };
  if (node.kind === 'cache')
    return resolveConfig<{ engine: string }>(node).engine === 'memcached'
      ? 'AWS::ElastiCache::CacheCluster'
      : 'AWS::ElastiCache::ReplicationGroup';
  if (node.kind === 'notification')
    return resolveConfig<{ channel: string }>(node).channel === 'email'
      ? 'AWS::SES::EmailIdentity'
      : 'AWS::SNS::Topic';
  if (node.kind === 'nosql-table') {
    // A global table is one resource, owned by its first table; the other regions reference it.
    const replicated = graphOf(doc)
      .incoming(nodeId)
      .concat(graphOf(doc).outgoing(nodeId))
      .some((e) => e.kind === 'replication');
    const first = doc.nodes.find(
      (n) =>
        n.kind === 'nosql-table' &&
        graphOf(doc)
          .outgoing(n.id)
          .concat(graphOf(doc).incoming(n.id))
          .some((e) => e.kind === 'replication'),
    );
    return replicated && first?.id !== nodeId ? undefined : 'AWS::DynamoDB::GlobalTable';
  }
  return types[node.kind];
}

const byId = (all: Resource[], doc: ArchitectureDocument, id: string) => {
  const type = mainType(doc, id);
  return type ? resourceOf(all, pascalIdentifier(id), type) : undefined;
};

/** Checks the links one edge implies in the synthesized templates; returns what is missing. */
function missingLinks(doc: ArchitectureDocument, all: Resource[]): string[] {
  const missing: string[] = [];
  const g = graphOf(doc);
  for (const e of g.edges) {
    const s = byId(all, doc, e.source.id);
    const t = byId(all, doc, e.target.id);
    const what = `${e.edge.id} (${e.source.id} -${e.kind}-> ${e.target.id})`;
    const need = (ok: boolean, expected: string) => {
      if (!ok) missing.push(`${what}: ${expected}`);
    };
    if (e.kind === 'redrive' && e.source.kind === 'queue' && s && t) {
      const policy = s.Properties?.RedrivePolicy as { deadLetterTargetArn?: unknown } | undefined;
      need(
        refersTo(policy?.deadLetterTargetArn, t.logicalId),
        "the queue's RedrivePolicy targets the DLQ's ARN",
      );
    }
    if (
      e.kind === 'trigger' &&
      ['queue', 'stream', 'kafka', 'nosql-table'].includes(e.source.kind) &&
      e.target.kind === 'function' &&
      s &&
      t
    ) {
      need(
        all.some(
          (r) =>
            r.Type === 'AWS::Lambda::EventSourceMapping' &&
            refersTo(r.Properties?.EventSourceArn, s.logicalId) &&
            refersTo(r.Properties?.FunctionName, t.logicalId),
        ),
        `an event source mapping from the ${e.source.kind} to the function`,
      );
    }
    if (e.kind === 'replication' && e.target.kind === 'read-replica' && t) {
      const source = t.Properties?.SourceDBInstanceIdentifier;
      need(
        s && t.stack === s.stack ? refersTo(source, s.logicalId) : JSON.stringify(source ?? '').length > 2,
        'the replica names its primary',
      );
    }
    if (e.kind === 'sync' && e.source.kind === 'state-machine' && e.target.kind === 'function' && s && t) {
      need(
        refersTo(s.Properties?.DefinitionString, t.logicalId),
        "the definition invokes the function's ARN",
      );
    }
    if ((e.kind === 'trigger' || e.kind === 'async') && e.source.kind === 'event-bus' && s && t) {
      need(
        all.some(
          (r) =>
            r.Type === 'AWS::Events::Rule' &&
            refersTo(r.Properties?.EventBusName, s.logicalId) &&
            refersTo(r.Properties?.Targets, t.logicalId),
        ),
        'an EventBridge rule on the bus targeting the function',
      );
    }
    if (
      e.kind === 'sync' &&
      e.source.kind === 'load-balancer' &&
      e.target.kind === 'container-service' &&
      t
    ) {
      const lbs = t.Properties?.LoadBalancers as { TargetGroupArn?: unknown }[] | undefined;
      need((lbs ?? []).length > 0, 'the service is registered in a target group of the load balancer');
    }
    if (
      e.kind === 'sync' &&
      e.source.kind === 'container-service' &&
      e.target.kind === 'sql-database' &&
      s &&
      t
    ) {
      need(
        all.some(
          (r) =>
            r.Type === 'AWS::EC2::SecurityGroupIngress' &&
            String(r.Metadata?.['aws:cdk:path']).includes(`/${pascalIdentifier(e.target.id)}/`) &&
            r.Properties?.FromPort !== undefined,
        ),
        "a security group rule admits the service to the database's port",
      );
    }
    if (e.kind === 'async' && e.source.kind === 'topic' && e.target.kind === 'queue' && s && t) {
      need(
        all.some(
          (r) =>
            r.Type === 'AWS::SNS::Subscription' &&
            refersTo(r.Properties?.TopicArn, s.logicalId) &&
            refersTo(r.Properties?.Endpoint, t.logicalId),
        ),
        'an SNS subscription of the queue',
      );
    }
    if (e.kind === 'sync' && e.source.kind === 'api-gateway' && s) {
      if (['function', 'state-machine', 'container-service', 'load-balancer'].includes(e.target.kind))
        need(
          all.some(
            (r) =>
              r.Type === 'AWS::ApiGatewayV2::Integration' &&
              refersTo(r.Properties?.ApiId, s.logicalId) &&
              (t === undefined ||
                refersTo(r.Properties, t.logicalId) ||
                e.target.kind === 'container-service'),
          ),
          'an API integration for the route',
        );
    }
    if (e.kind === 'sync' && e.source.kind === 'dns' && s && t) {
      need(
        all.some(
          (r) => r.Type === 'AWS::Route53::RecordSet' && refersTo(r.Properties?.HostedZoneId, s.logicalId),
        ),
        'an alias record in the hosted zone',
      );
    }
    if (e.kind === 'replication' && e.source.kind === 'object-storage' && s) {
      const rules =
        (s.Properties?.ReplicationConfiguration as { Rules?: unknown[] } | undefined)?.Rules ?? [];
      need(rules.length > 0, 'the bucket replicates to the other bucket');
    }
    if (e.kind === 'sync' && e.source.kind === 'waf' && e.target.kind === 'load-balancer' && s && t) {
      need(
        all.some(
          (r) =>
            r.Type === 'AWS::WAFv2::WebACLAssociation' &&
            refersTo(r.Properties?.WebACLArn, s.logicalId) &&
            refersTo(r.Properties?.ResourceArn, t.logicalId),
        ),
        'the web ACL is associated with the load balancer',
      );
    }
    if (e.kind === 'async' && e.source.kind === 'object-storage' && e.target.kind === 'queue' && s && t) {
      need(
        all.some(
          (r) =>
            r.Type === 'Custom::S3BucketNotifications' &&
            refersTo(r.Properties, s.logicalId) &&
            refersTo(r.Properties, t.logicalId),
        ),
        'the bucket notifies the queue',
      );
    }
  }
  for (const group of globalTables(doc)) {
    const owner = byId(all, doc, group[0] as string);
    const regions =
      (owner?.Properties?.Replicas as { Region?: string }[] | undefined)?.map((r) => r.Region) ?? [];
    for (const id of group)
      if (!regions.includes(g.regionOf(id)))
        missing.push(`global table ${group[0]} has no replica in ${g.regionOf(id)} for ${id}`);
  }
  return missing;
}

function globalTables(doc: ArchitectureDocument): string[][] {
  const g = graphOf(doc);
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const n of doc.nodes) {
    if (n.kind !== 'nosql-table' || seen.has(n.id)) continue;
    const group: string[] = [];
    const stack = [n.id];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      group.push(id);
      for (const e of [...g.outgoing(id), ...g.incoming(id)])
        if (e.kind === 'replication')
          for (const x of [e.source, e.target]) if (x.kind === 'nosql-table') stack.push(x.id);
    }
    if (group.length > 1) groups.push(doc.nodes.filter((x) => group.includes(x.id)).map((x) => x.id));
  }
  return groups;
}

interface App {
  name: string;
  doc: ArchitectureDocument;
}

const templates: App[] = [
  ...TEMPLATES.map((t) => ({ name: t.id, doc: templateDocument(t.id) })),
  { name: 'coverage', doc: coverageDocument() },
];
// Hostile labels in every label-bearing position: the design name (stack descriptions), ASL comments, multi-region
// props. Three templates keep the suite fast; the property test checks the structure of every template's code.
const hostile: App[] = [
  'step-functions-order-workflow',
  'multi-region-active-active',
  'api-gateway-microservices',
].map((id, i) => ({ name: `hostile-${id}`, doc: withHostileLabels(templateDocument(id), i * 5) }));
const generated: App[] = fc
  .sample(arbitraryDocument, { seed: 20261122, numRuns: 5 })
  .map((doc, i) => ({ name: `generated-${i}`, doc }));
const apps = [...templates, ...hostile, ...generated];

let ws: CdkWorkspace;
let compileErrors: string[];
let synth: Map<string, SynthResult>;

beforeAll(() => {
  ws = cdkWorkspace();
  for (const a of apps) ws.write(a.name, exportCdk(a.doc).files);
  compileErrors = typeCheck(
    ws,
    apps.map((a) => a.name),
  );
  synth = new Map(
    synthesize(
      ws,
      apps.map((a) => a.name),
    ).map((r) => [r.app, r]),
  );
}, 240_000);

afterAll(() => ws?.dispose());

describe('the generated CDK app', () => {
  it('type-checks against aws-cdk-lib for every template, with hostile labels and for generated documents', () => {
    expect(compileErrors).toEqual([]);
  });

  it.each(apps.map((a) => [a.name, a] as const))(
    '%s synthesizes with app.synth() and no CDK validation finding',
    (_name, app) => {
      const r = synth.get(app.name) as SynthResult;
      expect(r.error).toBeUndefined();
      const exportable = app.doc.nodes.some((n) => mainType(app.doc, n.id) !== undefined);
      expect(Object.keys(r.templates).length > 0).toBe(exportable);
      // E1029 flags `${...}` text outside Fn::Sub; CloudFormation substitutes only inside Fn::Sub, so a label holding it is harmless.
      expect(r.validation.filter((v) => !v.includes(' E1029 '))).toEqual([]);
    },
  );

  it.each(templates.map((a) => [a.name, a] as const))(
    '%s: every exportable node has its resource, and the edges their links',
    (_name, app) => {
      const all = resources(synth.get(app.name) as SynthResult);
      const absent = app.doc.nodes
        .filter((n) => mainType(app.doc, n.id) !== undefined && byId(all, app.doc, n.id) === undefined)
        .map((n) => `${n.id} (${mainType(app.doc, n.id)})`);
      expect(absent).toEqual([]);
      expect(missingLinks(app.doc, all)).toEqual([]);
    },
  );

  it('puts a lone surrogate and control characters in at least one synthesized description', () => {
    expect(hostile.some((h) => /[\uD800-\uDFFF]/.test(h.doc.name))).toBe(true);
    expect(HOSTILE_LABELS.length).toBeGreaterThan(hostile.length);
  });

  it.each(hostile.map((a) => [a.name, a] as const))(
    '%s: hostile labels keep every resource and link',
    (_name, app) => {
      const all = resources(synth.get(app.name) as SynthResult);
      const absent = app.doc.nodes.filter(
        (n) => mainType(app.doc, n.id) !== undefined && byId(all, app.doc, n.id) === undefined,
      );
      expect(absent.map((n) => n.id)).toEqual([]);
      expect(missingLinks(app.doc, all)).toEqual([]);
      const plain = resources(synth.get(app.name.replace(/^hostile-/, '')) as SynthResult);
      expect(all.length).toBe(plain.length);
    },
  );

  it.each(generated.map((a) => [a.name, a] as const))(
    '%s: each exportable node has a resource of its type',
    (_name, app) => {
      const all = resources(synth.get(app.name) as SynthResult);
      const skipped = new Set(
        exportCdk(app.doc)
          .diagnostics.filter((d) => d.severity === 'error')
          .map((d) => d.nodeId),
      );
      const expected = new Map<string, number>();
      for (const n of app.doc.nodes) {
        const type = mainType(app.doc, n.id);
        if (type && !skipped.has(n.id)) expected.set(type, (expected.get(type) ?? 0) + 1);
      }
      for (const [type, count] of expected)
        expect(all.filter((r) => r.Type === type).length, type).toBeGreaterThanOrEqual(count);
    },
  );
});
