import { resolveConfig } from '@stackdraft/patterns';
import type { Emitter } from './env';
import { code } from './ts';

/** ElastiCache: a replication group (Valkey/Redis, automatic failover from 2 nodes) or a Memcached cluster, in its own security group. */
export const cache: Emitter = (env, node) => {
  const { ctx, net } = env;
  const c = resolveConfig<{ engine: 'valkey' | 'redis' | 'memcached'; nodeType: string; nodes: number }>(
    node,
  );
  const stack = ctx.stackOf(node);
  const p = net.placementOf(node.id);
  if (!p) return;
  const v = ctx.varOf(node.id);
  const sg = ctx.partVar(node.id, 'security-group');
  const subnets = ctx.partVar(node.id, 'subnets');
  stack.comment(`ElastiCache ${c.engine} ${node.id}: ${node.label}`);
  stack.construct(sg, 'ec2.SecurityGroup', stack.id(`${node.id}#sg`, `${node.id}-security-group`), {
    vpc: code(p.vpc.v),
    description: `ElastiCache ${node.id}`,
    allowAllOutbound: false,
  });
  stack.construct(
    subnets,
    'elasticache.CfnSubnetGroup',
    stack.id(`${node.id}#subnets`, `${node.id}-subnets`),
    {
      description: `Subnets of ElastiCache ${node.id}`,
      subnetIds: code(`${p.vpc.v}.selectSubnets(${net.selection(p).code}).subnetIds`),
    },
  );
  const port = c.engine === 'memcached' ? 11211 : 6379;
  if (c.engine !== 'memcached' && c.nodes > 6)
    ctx.note(
      'warning',
      `cache ${node.id} asks for ${c.nodes} nodes; a replication group holds at most 6 (a primary and 5 replicas): use cluster mode for more`,
      node.id,
    );
  if (c.engine === 'memcached') {
    stack.construct(v, 'elasticache.CfnCacheCluster', stack.id(node.id), {
      engine: 'memcached',
      cacheNodeType: c.nodeType,
      numCacheNodes: c.nodes,
      azMode: c.nodes > 1 ? 'cross-az' : 'single-az',
      cacheSubnetGroupName: code(`${subnets}.ref`),
      vpcSecurityGroupIds: code(`[${sg}.securityGroupId]`),
    });
  } else {
    stack.construct(v, 'elasticache.CfnReplicationGroup', stack.id(node.id), {
      replicationGroupDescription: `ElastiCache ${node.id}`,
      engine: c.engine,
      cacheNodeType: c.nodeType,
      numCacheClusters: c.nodes,
      automaticFailoverEnabled: c.nodes > 1,
      multiAzEnabled: c.nodes > 1,
      cacheSubnetGroupName: code(`${subnets}.ref`),
      securityGroupIds: code(`[${sg}.securityGroupId]`),
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
    });
  }
  const type = c.engine === 'memcached' ? 'elasticache.CfnCacheCluster' : 'elasticache.CfnReplicationGroup';
  ctx.register({ node, stack, v, type, connections: sg, port, vpc: p.vpc.v });
};

const STORAGE_TRANSITIONS: Record<string, { cls: string; days: number } | undefined> = {
  'intelligent-tiering': { cls: 'INTELLIGENT_TIERING', days: 0 },
  'standard-ia': { cls: 'INFREQUENT_ACCESS', days: 30 },
  'glacier-instant-retrieval': { cls: 'GLACIER_INSTANT_RETRIEVAL', days: 90 },
};

/** S3 bucket: private, encrypted, TLS only; versioning and the storage class as configured. */
export const objectStorage: Emitter = (env, node) => {
  const { ctx } = env;
  const c = resolveConfig<{ versioning: boolean; storageClass: string }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  const replicates = ctx.graph
    .outgoing(node.id)
    .some((e) => e.kind === 'replication' && e.target.kind === 'object-storage');
  const replicated = ctx.graph
    .incoming(node.id)
    .some((e) => e.kind === 'replication' && e.source.kind === 'object-storage');
  let versioned = c.versioning;
  if (!versioned && (replicates || replicated)) {
    versioned = true;
    ctx.note(
      'warning',
      `bucket ${node.id} takes part in replication, which needs versioning: the CDK app turns it on`,
      node.id,
    );
  }
  const transition = STORAGE_TRANSITIONS[c.storageClass];
  // Replication targets are declared first (see the emission order), so they can be referenced here.
  const rules: Record<string, unknown>[] = [];
  for (const e of ctx.graph.outgoing(node.id)) {
    if (e.kind !== 'replication' || e.target.kind !== 'object-storage') continue;
    const destination = ctx.ref(stack, e.target.id);
    if (destination) rules.push({ destination: code(destination), priority: rules.length });
    else
      ctx.note(
        'warning',
        `bucket ${node.id} cannot replicate to ${e.target.id}: their stacks would depend on each other`,
        node.id,
        e.edge.id,
      );
  }
  stack.construct(
    v,
    's3.Bucket',
    stack.id(node.id),
    {
      versioned,
      encryption: code('s3.BucketEncryption.S3_MANAGED'),
      blockPublicAccess: code('s3.BlockPublicAccess.BLOCK_ALL'),
      enforceSSL: true,
      removalPolicy: code('cdk.RemovalPolicy.RETAIN'),
      lifecycleRules: transition
        ? [
            {
              transitions: [
                {
                  storageClass: code(`s3.StorageClass.${transition.cls}`),
                  transitionAfter: code(`cdk.Duration.days(${transition.days})`),
                },
              ],
            },
          ]
        : undefined,
      replicationRules: rules.length > 0 ? rules : undefined,
    },
    `S3 bucket ${node.id}: ${node.label}`,
  );
  ctx.register({ node, stack, v, type: 's3.Bucket' });
};

/** OpenSearch domain: zone-aware across 2 zones with an even instance count, encrypted, HTTPS only. */
export const searchIndex: Emitter = (env, node) => {
  const { ctx, net } = env;
  const c = resolveConfig<{ instanceType: string; instances: number; storageGb: number }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  const p = net.placementOf(node.id);
  const zoneAware = c.instances >= 2 && c.instances % 2 === 0;
  const props: Record<string, unknown> = {
    version: code('opensearch.EngineVersion.OPENSEARCH_2_19'),
    capacity: {
      dataNodes: c.instances,
      dataNodeInstanceType: c.instanceType,
      multiAzWithStandbyEnabled: false,
    },
    ebs: { volumeSize: c.storageGb, volumeType: code('ec2.EbsDeviceVolumeType.GP3') },
    zoneAwareness: zoneAware ? { enabled: true, availabilityZoneCount: 2 } : { enabled: false },
    enforceHttps: true,
    nodeToNodeEncryption: true,
    encryptionAtRest: { enabled: true },
  };
  if (p) {
    props.vpc = code(p.vpc.v);
    const sel = net.selection(p).code;
    props.vpcSubnets = code(
      zoneAware
        ? `[{ subnets: ${p.vpc.v}.selectSubnets(${sel}).subnets.slice(0, 2) }]`
        : `[{ subnets: ${p.vpc.v}.selectSubnets(${sel}).subnets.slice(0, 1) }]`,
    );
  }
  stack.construct(
    v,
    'opensearch.Domain',
    stack.id(node.id),
    props,
    `OpenSearch domain ${node.id}: ${node.label}`,
  );
  ctx.register({
    node,
    stack,
    v,
    type: 'opensearch.Domain',
    connections: p ? v : undefined,
    port: 443,
    vpc: p?.vpc.v,
  });
};

/** A Secrets Manager secret (the design's vault; database credentials get their own generated secrets). */
export const secretsVault: Emitter = ({ ctx }, node) => {
  const c = resolveConfig<{ secrets: number }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  stack.construct(
    v,
    'secretsmanager.Secret',
    stack.id(node.id),
    {
      description: `Application secret of ${node.id} (the design counts ${c.secrets} secrets; add the others alike)`,
    },
    `Secrets Manager ${node.id}: ${node.label}`,
  );
  ctx.register({ node, stack, v, type: 'secretsmanager.Secret' });
};
