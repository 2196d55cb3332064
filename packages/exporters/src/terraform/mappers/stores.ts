import type { KindMapper } from '../context';
import { block, Raw, tpl } from '../hcl';
import { description, grantBy, output, placeInVpc, subnetGroup } from './common';
import { finalSnapshot, managedSecret, masterUsername } from './sql';

interface DocDbConfig {
  instanceClass: string;
  instances: number;
}

/**
 * `document-database` -> `aws_docdb_cluster` (password managed in Secrets Manager by the service,
 * encrypted) with `instances` `aws_docdb_cluster_instance`s, in an `aws_docdb_subnet_group` of
 * private subnets behind its own security group.
 */
export const documentDatabaseMapper: KindMapper = {
  kinds: ['document-database'],
  map(ctx, node) {
    const c = ctx.config<DocDbConfig>(node);
    const place = placeInVpc(ctx, node);
    const subnets = subnetGroup(ctx, node, 'aws_docdb_subnet_group', place.subnets);
    const cluster = ctx.done(node, 'aws_docdb_cluster', node.id, {
      cluster_identifier: ctx.names.name('docdb', node.id),
      engine: 'docdb',
      master_username: masterUsername(ctx),
      manage_master_user_password: true,
      db_subnet_group_name: subnets.ref('name'),
      vpc_security_group_ids: [place.sg.res.ref('id')],
      storage_encrypted: true,
      backup_retention_period: 7,
      deletion_protection: ctx.production,
      skip_final_snapshot: !ctx.production,
      final_snapshot_identifier: finalSnapshot(ctx, node, 'docdb'),
      tags: ctx.tags(node.id, node.id),
    });
    ctx.done(
      node,
      'aws_docdb_cluster_instance',
      node.id,
      {
        identifier: tpl`${ctx.names.prefix}-${ctx.names.suffix('docdb', node.id)}-${new Raw('count.index + 1')}`,
        cluster_identifier: cluster.ref('id'),
        instance_class: c.instanceClass,
        tags: ctx.tags(node.id, node.id),
      },
      { count: c.instances },
    );
    for (const e of ctx.edges(node.id, 'out', 'replication')) {
      ctx.handled(e);
      ctx.warn(
        'DocumentDB global clusters are not exported: add aws_docdb_global_cluster to replicate across regions.',
        node.id,
        e.edge.id,
      );
    }
    output(ctx, node, 'endpoints', 'cluster endpoint', cluster.ref('endpoint'));
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: cluster,
      arn: cluster.ref('arn'),
      sg: place.sg,
      port: 27017,
      grant: managedSecret(cluster).grant,
    };
  },
};

interface CacheConfig {
  engine: 'valkey' | 'redis' | 'memcached';
  nodeType: string;
  nodes: number;
}

/**
 * `cache` -> an ElastiCache `aws_elasticache_replication_group` (Valkey or Redis OSS: a primary
 * and replicas with automatic failover across zones, encrypted at rest and in transit), or an
 * `aws_elasticache_cluster` for Memcached; in private subnets behind its own security group.
 */
export const cacheMapper: KindMapper = {
  kinds: ['cache'],
  alsoEmits: ['aws_elasticache_cluster'],
  map(ctx, node) {
    const c = ctx.config<CacheConfig>(node);
    const place = placeInVpc(ctx, node);
    const subnets = subnetGroup(ctx, node, 'aws_elasticache_subnet_group', place.subnets);
    const id = ctx.names.name('elasticache', node.id);
    const memcached = c.engine === 'memcached';
    const res = memcached
      ? ctx.done(node, 'aws_elasticache_cluster', node.id, {
          cluster_id: id,
          engine: 'memcached',
          node_type: c.nodeType,
          num_cache_nodes: c.nodes,
          az_mode: c.nodes > 1 ? 'cross-az' : 'single-az',
          port: 11211,
          subnet_group_name: subnets.ref('name'),
          security_group_ids: [place.sg.res.ref('id')],
          tags: ctx.tags(node.id, node.id),
        })
      : ctx.done(node, 'aws_elasticache_replication_group', node.id, {
          replication_group_id: id,
          description: description(node.label, 255) ?? `Cache ${node.id}`,
          engine: c.engine,
          node_type: c.nodeType,
          num_cache_clusters: c.nodes,
          automatic_failover_enabled: c.nodes > 1,
          multi_az_enabled: c.nodes > 1,
          port: 6379,
          subnet_group_name: subnets.ref('name'),
          security_group_ids: [place.sg.res.ref('id')],
          at_rest_encryption_enabled: true,
          transit_encryption_enabled: true,
          tags: ctx.tags(node.id, node.id),
        });
    for (const e of ctx.edges(node.id, 'out', 'replication')) {
      ctx.handled(e);
      ctx.warn(
        'ElastiCache global datastores are not exported: add aws_elasticache_global_replication_group.',
        node.id,
        e.edge.id,
      );
    }
    output(
      ctx,
      node,
      'endpoint',
      'cache endpoint',
      memcached ? res.ref('configuration_endpoint') : res.ref('primary_endpoint_address'),
    );
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: res,
      arn: res.ref('arn'),
      sg: place.sg,
      port: memcached ? 11211 : 6379,
    };
  },
};

interface SearchConfig {
  instanceType: string;
  instances: number;
  storageGb: number;
}

/**
 * `search-index` -> `aws_opensearch_domain` in private subnets (zone-aware over two zones when it
 * has two or more data nodes), encrypted at rest and between nodes, HTTPS only; services get
 * `es:ESHttp*` actions on it.
 */
export const searchIndexMapper: KindMapper = {
  kinds: ['search-index'],
  map(ctx, node) {
    const c = ctx.config<SearchConfig>(node);
    const zoned = c.instances > 1;
    if (zoned && c.instances % 2 !== 0) {
      ctx.warn('A zone-aware OpenSearch domain over two zones needs an even number of data nodes.', node.id);
    }
    const place = placeInVpc(ctx, node);
    const domain = ctx.done(node, 'aws_opensearch_domain', node.id, {
      domain_name: ctx.names.name('opensearch', node.id),
      engine_version: 'OpenSearch_2.19',
      cluster_config: block({
        instance_type: c.instanceType,
        instance_count: c.instances,
        zone_awareness_enabled: zoned,
        zone_awareness_config: zoned ? block({ availability_zone_count: 2 }) : undefined,
      }),
      ebs_options: block({
        ebs_enabled: true,
        volume_size: Math.max(10, Math.ceil(c.storageGb / c.instances)),
        volume_type: 'gp3',
      }),
      vpc_options: block({
        subnet_ids: place.subnets.slice(0, zoned ? 2 : 1),
        security_group_ids: [place.sg.res.ref('id')],
      }),
      encrypt_at_rest: block({ enabled: true }),
      node_to_node_encryption: block({ enabled: true }),
      domain_endpoint_options: block({
        enforce_https: true,
        tls_security_policy: 'Policy-Min-TLS-1-2-2019-07',
      }),
      tags: ctx.tags(node.id, node.id),
    });
    for (const e of ctx.edges(node.id, 'in', 'replication')) {
      ctx.handled(e);
      ctx.info(
        `Indexing changes from ${e.source.id} needs a pipeline (OpenSearch Ingestion or a stream consumer), which is not exported.`,
        node.id,
        e.edge.id,
      );
    }
    output(ctx, node, 'endpoints', 'search endpoint', domain.ref('endpoint'));
    const read = ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost'];
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: domain,
      arn: domain.ref('arn'),
      sg: place.sg,
      port: 443,
      grant: grantBy(
        {
          read,
          consume: read,
          write: ['es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete', 'es:ESHttpPatch'],
        },
        tpl`${domain.ref('arn')}/*`,
      ),
    };
  },
};
