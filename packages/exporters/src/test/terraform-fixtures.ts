import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '@stackdraft/patterns';

/** Labels a person could type that break naive code generators. */
export const HOSTILE_LABELS = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: HCL interpolation in user text is the point
  'Say "hi" \\ ${var.secret} %{if true}x%{endif}',
  '</script><!-- --> & <b>bold</b>',
  'line one\nline two\ttabbed',
  'naïve café 😀 日本語',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an already-escaped-looking interpolation
  '$$${nested} 100% $',
];

/**
 * A design that reaches the mappers the templates leave out: a design region outside us-east-1
 * (so the CloudFront WAF needs its own provider), DNS through a WAF to a CDN, cross-region bucket
 * replication, Memcached, Kafka with three brokers (three zones), a VM group behind a network load
 * balancer, an EKS cluster, email notifications, an Express workflow whose definition is known at
 * plan time, a scheduled bus, and labels that must survive as text.
 */
export function kitchenSinkDocument(): ArchitectureDocument {
  const label = (i: number) => HOSTILE_LABELS[i % HOSTILE_LABELS.length] as string;
  const nodes: DocumentNode[] = [
    { id: 'us-west', kind: 'region', label: 'Oregon', config: { name: 'us-west-2' } },
    { id: 'users', kind: 'client', label: 'Users' },
    { id: 'dns', kind: 'dns', label: label(0), config: { domain: 'shop.example.com', routing: 'simple' } },
    { id: 'edge-waf', kind: 'waf', label: label(1), config: { rules: 3 } },
    { id: 'cdn', kind: 'cdn', label: label(2) },
    { id: 'site', kind: 'object-storage', label: label(3), config: { storageClass: 'standard-ia' } },
    {
      id: 'site-copy',
      kind: 'object-storage',
      label: 'Site copy',
      parent: 'us-west',
      config: { versioning: false },
    },
    { id: 'sessions', kind: 'cache', label: label(4), config: { engine: 'memcached', nodes: 2 } },
    { id: 'events', kind: 'kafka', label: 'Events', config: { brokers: 3 } },
    { id: 'nlb', kind: 'load-balancer', label: 'Network LB', config: { type: 'network' } },
    { id: 'workers', kind: 'vm-group', label: label(0), config: { instanceType: 'm7g.large', instances: 2 } },
    { id: 'k8s', kind: 'kubernetes-cluster', label: 'Cluster', config: { nodes: 2, mesh: 'istio' } },
    { id: 'web', kind: 'kubernetes-service', label: 'Web', parent: 'k8s' },
    { id: 'alerts', kind: 'topic', label: label(1) },
    { id: 'ops-email', kind: 'notification', label: 'Ops email', config: { channel: 'email' } },
    { id: 'nightly', kind: 'event-bus', label: label(2), config: { schedule: 'rate(1 day)', archive: true } },
    {
      id: 'cleanup',
      kind: 'state-machine',
      label: label(3),
      config: {
        type: 'express',
        states: [
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a state name that looks like interpolation
          { name: 'Start "now" ${x}', type: 'Pass', next: 'Wait a bit' },
          { name: 'Wait a bit', type: 'Wait', seconds: 5, next: 'Done?' },
          {
            name: 'Done?',
            type: 'Choice',
            choices: [{ variable: '$.done', operator: 'BooleanEquals', value: true, next: 'Finished' }],
            default: 'Failed',
          },
          { name: 'Finished', type: 'Succeed' },
          { name: 'Failed', type: 'Fail' },
        ],
      },
    },
    { id: 'job', kind: 'function', label: label(4), config: { runtime: 'python3.13', memoryMb: 256 } },
    {
      id: 'audit',
      kind: 'nosql-table',
      label: 'Audit',
      config: { capacityMode: 'provisioned', sortKey: 'at' },
    },
    { id: 'secrets', kind: 'secrets-vault', label: label(0), config: { secrets: 2 } },
    { id: 'ops', kind: 'monitoring', label: 'Ops' },
  ];
  const edge = (
    source: string,
    target: string,
    kind: DocumentEdge['kind'],
    extra: Partial<DocumentEdge> = {},
  ): DocumentEdge => ({
    id: `e-${source}-${target}`,
    source,
    target,
    kind,
    ...extra,
  });
  const edges: DocumentEdge[] = [
    edge('users', 'dns', 'sync'),
    edge('dns', 'edge-waf', 'sync'),
    edge('edge-waf', 'cdn', 'sync'),
    edge('cdn', 'site', 'sync', { config: { access: 'read' } }),
    edge('site', 'site-copy', 'replication'),
    edge('users', 'nlb', 'sync'),
    edge('nlb', 'workers', 'sync'),
    edge('workers', 'sessions', 'sync'),
    edge('workers', 'events', 'async', { config: { topic: 'jobs' } }),
    edge('events', 'job', 'trigger', { config: { topic: 'jobs', consumerGroup: 'job-runner' } }),
    edge('job', 'audit', 'sync', { config: { access: 'write' } }),
    edge('audit', 'job', 'trigger', { label: label(1) }),
    edge('job', 'secrets', 'sync', { config: { access: 'read' } }),
    edge('nightly', 'cleanup', 'trigger', { label: label(2) }),
    edge('nightly', 'job', 'trigger'),
    edge('job', 'ops', 'async'),
    edge('ops', 'alerts', 'async'),
    edge('alerts', 'ops-email', 'async'),
    edge('nlb', 'web', 'sync'),
  ];
  return {
    stackdraft: 1,
    name: `Kitchen sink ${label(0)}`,
    provider: 'aws',
    region: 'eu-west-1',
    environment: 'staging',
    nodes,
    edges,
  };
}
