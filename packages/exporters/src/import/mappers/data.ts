import { defined, lower, type ResourceMapper } from './types';

/** RDS engines the catalog models; MariaDB is MySQL-compatible (priced and exported as MySQL). */
function sqlEngine(engine: string | undefined): string | undefined {
  const e = lower(engine);
  if (!e) return undefined;
  if (e.includes('postgres')) return 'postgres';
  if (e.includes('mysql') || e === 'mariadb') return 'mysql';
  return undefined;
}

const dbInstance: ResourceMapper = {
  types: ['aws_db_instance'],
  kind: (res) => (res.body.replicate_source_db !== undefined ? 'read-replica' : 'sql-database'),
  config(res, ctx) {
    const r = ctx.reader(res);
    const storage = r.num('allocated_storage');
    if (res.body.replicate_source_db !== undefined)
      return defined({ instanceClass: r.str('instance_class'), storageGb: storage });
    const engine = r.str('engine');
    if (engine && !sqlEngine(engine))
      ctx.warn(
        `engine "${engine}" is not one the catalog models (postgres, mysql): kept the default`,
        res.address,
      );
    return defined({
      engine: sqlEngine(engine),
      instanceClass: r.str('instance_class'),
      multiAz: r.bool('multi_az'),
      storageGb: storage,
      storageType: r.str('storage_type'),
      backupRetentionDays: r.num('backup_retention_period'),
    });
  },
};

/** Aurora has no kind of its own: drawn as a SQL database (Multi-AZ when it has 2+ instances). */
const rdsCluster: ResourceMapper = {
  types: ['aws_rds_cluster'],
  kind: () => 'sql-database',
  config(res, ctx) {
    const r = ctx.reader(res);
    const instances = ctx.users(res, ['aws_rds_cluster_instance'], 'cluster_identifier');
    const counted = instances.reduce((n, i) => n + (ctx.reader(i).count() ?? 1), 0);
    const cls = instances.map((i) => ctx.reader(i).str('instance_class')).find((c) => c !== undefined);
    ctx.warn(
      'Aurora clusters have no kind of their own: drawn as a SQL database; cost and export assume RDS, not Aurora',
      res.address,
    );
    return defined({
      engine: sqlEngine(r.str('engine')),
      instanceClass: cls ?? r.str('db_cluster_instance_class'),
      multiAz: counted >= 2 ? true : undefined,
      storageGb: r.num('allocated_storage'),
      backupRetentionDays: r.num('backup_retention_period'),
    });
  },
};

const dynamodb: ResourceMapper = {
  types: ['aws_dynamodb_table'],
  kind: () => 'nosql-table',
  config(res, ctx) {
    const r = ctx.reader(res);
    const billing = lower(r.str('billing_mode'));
    const tableClass = lower(r.str('table_class'));
    return defined({
      capacityMode:
        billing === 'provisioned' ? 'provisioned' : billing === 'pay_per_request' ? 'on-demand' : undefined,
      readCapacityUnits: r.num('read_capacity'),
      writeCapacityUnits: r.num('write_capacity'),
      tableClass:
        tableClass === 'standard'
          ? 'standard'
          : tableClass === 'standard_infrequent_access'
            ? 'standard-ia'
            : undefined,
      partitionKey: r.str('hash_key'),
      sortKey: r.str('range_key'),
      pointInTimeRecovery: r.bool('point_in_time_recovery', 'enabled'),
    });
  },
};

const elasticache: ResourceMapper = {
  types: ['aws_elasticache_replication_group', 'aws_elasticache_cluster'],
  kind: () => 'cache',
  config(res, ctx) {
    const r = ctx.reader(res);
    const shards = r.num('num_node_groups');
    const replicas = r.num('replicas_per_node_group');
    const nodes =
      r.num('num_cache_clusters') ??
      r.num('num_cache_nodes') ??
      (shards !== undefined ? shards * ((replicas ?? 0) + 1) : undefined);
    return defined({ engine: lower(r.str('engine')), nodeType: r.str('node_type'), nodes });
  },
};

const s3: ResourceMapper = {
  types: ['aws_s3_bucket'],
  kind: () => 'object-storage',
  config(res, ctx) {
    const inline = ctx.reader(res).bool('versioning', 'enabled');
    const separate = ctx
      .users(res, ['aws_s3_bucket_versioning'], 'bucket')
      .map((v) => ctx.reader(v).str('versioning_configuration', 'status'))
      .find((s) => s !== undefined);
    return defined({ versioning: separate !== undefined ? separate === 'Enabled' : inline });
  },
};

const opensearch: ResourceMapper = {
  types: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  kind: () => 'search-index',
  config(res, ctx) {
    const r = ctx.reader(res);
    const instances = r.num('cluster_config', 'instance_count');
    const volume = r.num('ebs_options', 'volume_size');
    return defined({
      instanceType: r.str('cluster_config', 'instance_type'),
      instances,
      storageGb: volume !== undefined ? volume * (instances ?? 1) : undefined,
    });
  },
};

const docdb: ResourceMapper = {
  types: ['aws_docdb_cluster'],
  kind: () => 'document-database',
  config(res, ctx) {
    const instances = ctx.users(res, ['aws_docdb_cluster_instance'], 'cluster_identifier');
    const count = instances.reduce((n, i) => n + (ctx.reader(i).count() ?? 1), 0);
    const cls = instances.map((i) => ctx.reader(i).str('instance_class')).find((c) => c !== undefined);
    return defined({ instanceClass: cls, instances: count > 0 ? count : undefined });
  },
};

export const DATA_MAPPERS: readonly ResourceMapper[] = [
  dbInstance,
  rdsCluster,
  dynamodb,
  elasticache,
  s3,
  opensearch,
  docdb,
];
