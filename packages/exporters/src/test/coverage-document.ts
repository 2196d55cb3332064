import { type ArchitectureDocument, loadDocument } from '@stackdraft/patterns';

/**
 * A design that reaches the CDK exporter's less common paths, so synth checks them too: a VPC
 * without NAT (isolated subnets), explicit availability zones, Kafka with 3 brokers (3 zones),
 * Memcached, a VM group and a function behind one ALB, an NLB, a regional WAF, weighted DNS,
 * a scheduled event bus, SNS to email, S3 notifications, cross-region bucket replication, a JWT
 * API without an auth node, a DocumentDB with rotation, an OpenSearch domain in a VPC, a
 * provisioned table with a stream consumer, a Kinesis consumer, MSK producers and consumers.
 */
export function coverageDocument(): ArchitectureDocument {
  const r = loadDocument({
    stackdraft: 1,
    name: 'Coverage',
    region: 'us-east-1',
    environment: 'staging',
    nodes: [
      { id: 'users', kind: 'client', label: 'Users' },
      { id: 'dns', kind: 'dns', label: 'DNS', config: { routing: 'weighted', healthChecks: 1 } },
      { id: 'waf', kind: 'waf', label: 'WAF', config: { rules: 3 } },
      { id: 'net', kind: 'vpc', label: 'Isolated VPC', config: { natGateways: 0, cidr: '10.1.0.0/16' } },
      { id: 'az-a', kind: 'availability-zone', label: 'a', parent: 'net', config: { name: 'us-east-1a' } },
      { id: 'az-b', kind: 'availability-zone', label: 'b', parent: 'net', config: { name: 'us-east-1b' } },
      {
        id: 'edge-subnet',
        kind: 'subnet',
        label: 'Edge',
        parent: 'az-a',
        config: { public: true, cidr: '10.1.0.0/24' },
      },
      { id: 'alb', kind: 'load-balancer', label: 'ALB', parent: 'edge-subnet' },
      {
        id: 'nlb',
        kind: 'load-balancer',
        label: 'NLB',
        parent: 'net',
        config: { type: 'network', internal: true },
      },
      { id: 'vms', kind: 'vm-group', label: 'VMs', parent: 'net', config: { instances: 2 } },
      { id: 'lambda-web', kind: 'function', label: 'Web function', config: { runtime: 'python3.13' } },
      {
        id: 'svc',
        kind: 'container-service',
        label: 'Service',
        parent: 'net',
        config: { cpu: 0.3, memoryGb: 0.7, platform: 'app-runner' },
      },
      {
        id: 'memo',
        kind: 'cache',
        label: 'Memcached',
        parent: 'net',
        config: { engine: 'memcached', nodes: 2 },
      },
      { id: 'docs', kind: 'document-database', label: 'Docs', parent: 'net', config: { instances: 2 } },
      { id: 'vault', kind: 'secrets-vault', label: 'Vault' },
      { id: 'search', kind: 'search-index', label: 'Search', parent: 'net', config: { instances: 2 } },
      { id: 'stream-net', kind: 'vpc', label: 'Streaming VPC', config: { cidr: '10.2.0.0/16' } },
      { id: 'kafka', kind: 'kafka', label: 'Kafka', parent: 'stream-net', config: { brokers: 3 } },
      { id: 'producer', kind: 'container-service', label: 'Producer', parent: 'stream-net' },
      { id: 'consumer', kind: 'function', label: 'Consumer', config: { runtime: 'java21' } },
      { id: 'clicks', kind: 'stream', label: 'Clicks', config: { shards: 2 } },
      { id: 'click-reader', kind: 'function', label: 'Click reader', config: { runtime: 'go1.x' } },
      {
        id: 'table',
        kind: 'nosql-table',
        label: 'Table',
        config: { capacityMode: 'provisioned', readCapacityUnits: 5, writeCapacityUnits: 5 },
      },
      { id: 'table-reader', kind: 'function', label: 'Table reader', config: { runtime: 'ruby3.3' } },
      { id: 'bus', kind: 'event-bus', label: 'Bus', config: { schedule: 'rate(5 minutes)', archive: true } },
      { id: 'bus-target', kind: 'queue', label: 'Bus target', config: { fifo: true } },
      { id: 'alerts', kind: 'topic', label: 'Alerts' },
      { id: 'email', kind: 'notification', label: 'Email' },
      { id: 'sms', kind: 'notification', label: 'SMS', config: { channel: 'sms' } },
      {
        id: 'uploads',
        kind: 'object-storage',
        label: 'Uploads',
        config: { versioning: false, storageClass: 'intelligent-tiering' },
      },
      { id: 'upload-queue', kind: 'queue', label: 'Upload queue' },
      { id: 'eu', kind: 'region', label: 'EU', config: { name: 'eu-west-1' } },
      {
        id: 'backup',
        kind: 'object-storage',
        label: 'Backup',
        parent: 'eu',
        config: { storageClass: 'standard-ia' },
      },
      { id: 'api', kind: 'api-gateway', label: 'API', config: { auth: 'jwt', rateLimitPerSecond: 10 } },
      { id: 'ops', kind: 'monitoring', label: 'Ops' },
    ],
    edges: [
      { source: 'users', target: 'dns' },
      { source: 'dns', target: 'alb', config: { ratio: 0.7 } },
      { source: 'dns', target: 'nlb', config: { ratio: 0.3 } },
      { source: 'users', target: 'waf' },
      { source: 'waf', target: 'alb', kind: 'sync' },
      { source: 'alb', target: 'vms', config: { route: '/vms/*' } },
      { source: 'alb', target: 'lambda-web', config: { route: '/fn/*' } },
      { source: 'nlb', target: 'svc' },
      { source: 'svc', target: 'memo' },
      { source: 'vms', target: 'docs', config: { access: 'read' } },
      { source: 'docs', target: 'vault' },
      { source: 'svc', target: 'search', config: { access: 'write' } },
      { source: 'producer', target: 'kafka', config: { topic: 'clicks' } },
      { source: 'kafka', target: 'consumer', config: { topic: 'clicks', consumerGroup: 'consumer' } },
      { source: 'svc', target: 'clicks' },
      { source: 'clicks', target: 'click-reader', config: { batchSize: 100 } },
      { source: 'table', target: 'table-reader' },
      { source: 'lambda-web', target: 'table', config: { access: 'readwrite' } },
      { source: 'svc', target: 'bus' },
      {
        source: 'bus',
        target: 'bus-target',
        config: {
          eventPattern: {
            source: ['app'],
            'detail-type': ['Created'],
            detail: { size: [{ numeric: ['>', 0] }] },
          },
        },
      },
      { source: 'alerts', target: 'email' },
      { source: 'lambda-web', target: 'sms' },
      { source: 'uploads', target: 'upload-queue' },
      { source: 'uploads', target: 'backup', kind: 'replication' },
      { source: 'lambda-web', target: 'uploads', config: { access: 'write' } },
      { source: 'api', target: 'lambda-web', config: { route: '/web/{id}' } },
      { source: 'api', target: 'bus-target', config: { route: '/enqueue' } },
      { source: 'click-reader', target: 'ops' },
      { source: 'upload-queue', target: 'ops' },
      { source: 'ops', target: 'alerts' },
    ],
  });
  if (!r.ok)
    throw new Error(
      `the coverage document is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  return r.document;
}
