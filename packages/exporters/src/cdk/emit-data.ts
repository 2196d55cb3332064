import type { DocumentNode } from '@stackdraft/patterns';
import { resolveConfig } from '@stackdraft/patterns';
import { designSlug } from '../document/index';
import { type Emitter, type Env, instanceType, physicalName, placementProps } from './env';
import { code, str } from './ts';

interface SqlConfig {
  engine: 'postgres' | 'mysql';
  instanceClass: string;
  multiAz: boolean;
  storageGb: number;
  storageType: 'gp2' | 'gp3';
  backupRetentionDays: number;
}

const ENGINES = {
  postgres: {
    engine: 'rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17 })',
    user: 'postgres',
    port: 5432,
  },
  mysql: {
    engine: 'rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_4_10 })',
    user: 'admin',
    port: 3306,
  },
};

/** RDS instance: Multi-AZ as configured, credentials in a generated Secrets Manager secret, never a literal. */
export const sqlDatabase: Emitter = ({ ctx, net }, node) => {
  const c = resolveConfig<SqlConfig>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  let backups = c.backupRetentionDays;
  const replicated = ctx.graph
    .outgoing(node.id)
    .some((e) => e.kind === 'replication' && e.target.kind === 'read-replica');
  if (replicated && backups === 0) {
    backups = 1;
    ctx.note(
      'warning',
      `${node.id} has read replicas, which need automated backups: the CDK app keeps them 1 day`,
      node.id,
    );
  }
  const engine = ENGINES[c.engine];
  stack.construct(
    v,
    'rds.DatabaseInstance',
    stack.id(node.id),
    {
      engine: code(engine.engine),
      instanceType: instanceType(c.instanceClass),
      ...placementProps({ ctx, net }, node),
      multiAz: c.multiAz,
      allocatedStorage: c.storageGb,
      storageType: code(`rds.StorageType.${c.storageType.toUpperCase()}`),
      storageEncrypted: true,
      backupRetention: code(`cdk.Duration.days(${backups})`),
      credentials: code(`rds.Credentials.fromGeneratedSecret(${str(engine.user)})`),
      deletionProtection: ctx.doc.environment === 'production',
    },
    `SQL database ${node.id}: ${node.label}`,
  );
  ctx.register({
    node,
    stack,
    v,
    type: 'rds.DatabaseInstance',
    connections: v,
    vpc: net.placementOf(node.id)?.vpc.v,
  });
};

/** RDS read replica of the primary its replication edge comes from (in another region: by ARN, with its own KMS key). */
export const readReplica: Emitter = (env, node) => {
  const { ctx } = env;
  const c = resolveConfig<{ instanceClass: string; storageGb: number }>(node);
  const stack = ctx.stackOf(node);
  const source = ctx.graph
    .incoming(node.id)
    .find((e) => e.kind === 'replication' && e.source.kind === 'sql-database');
  const primary = source && ctx.ref(stack, source.source.id);
  if (!primary) {
    ctx.note(
      'error',
      source
        ? `read replica ${node.id} and its primary ${source.source.id} cannot reference each other's stacks; it was not exported`
        : `read replica ${node.id} has no replication edge from a SQL database, so there is nothing to replicate; it was not exported`,
      node.id,
    );
    return;
  }
  const v = ctx.varOf(node.id);
  const crossRegion = primary.startsWith('props.');
  const props: Record<string, unknown> = {
    sourceDatabaseInstance: code(primary),
    instanceType: instanceType(c.instanceClass),
    ...placementProps(env, node),
    allocatedStorage: c.storageGb,
  };
  // A replica inherits its primary's encryption; in another region it must name a KMS key there.
  if (crossRegion) {
    const key = ctx.partVar(node.id, 'key');
    stack.construct(key, 'kms.Key', stack.id(`${node.id}#key`, `${node.id}-key`), {
      enableKeyRotation: true,
    });
    props.storageEncryptionKey = code(key);
  }
  stack.construct(
    v,
    'rds.DatabaseInstanceReadReplica',
    stack.id(node.id),
    props,
    `RDS read replica ${node.id}: ${node.label}`,
  );
  // The key implies encryption; RDS refuses StorageEncrypted on a replica (it follows the primary).
  if (crossRegion)
    stack.line(
      `(${v}.node.defaultChild as rds.CfnDBInstance).addPropertyDeletionOverride('StorageEncrypted');`,
    );
  ctx.register({
    node,
    stack,
    v,
    type: 'rds.DatabaseInstanceReadReplica',
    connections: v,
    vpc: env.net.placementOf(node.id)?.vpc.v,
  });
};

interface TableConfig {
  capacityMode: 'on-demand' | 'provisioned';
  readCapacityUnits: number;
  writeCapacityUnits: number;
  tableClass: 'standard' | 'standard-ia';
  partitionKey: string;
  sortKey?: string;
  pointInTimeRecovery: boolean;
}

/** The nosql-table nodes joined to `node` by replication edges (a global table), in document order. */
export function globalTableOf(env: Env, node: DocumentNode): DocumentNode[] {
  const { graph, doc } = env.ctx;
  const members = new Set<string>([node.id]);
  const stack = [node.id];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const e of [...graph.outgoing(id), ...graph.incoming(id)]) {
      if (e.kind !== 'replication') continue;
      for (const other of [e.source, e.target]) {
        if (other.kind === 'nosql-table' && !members.has(other.id)) {
          members.add(other.id);
          stack.push(other.id);
        }
      }
    }
  }
  return doc.nodes.filter((n) => members.has(n.id));
}

/**
 * DynamoDB TableV2. A global table (tables in several regions joined by replication edges) is one
 * TableV2 in the first table's region with a replica per other region, named explicitly so that
 * the other regions' stacks can reference their replica by name.
 */
export const nosqlTable: Emitter = (env, node) => {
  const { ctx } = env;
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  const members = globalTableOf(env, node);
  const owner = members[0] as DocumentNode;
  const ownerRegion = ctx.graph.regionOf(owner.id);
  const region = ctx.graph.regionOf(node.id);
  const tableName = physicalName(designSlug(ctx.doc), owner.id, 255, /[^A-Za-z0-9_.-]/g);
  // The first table per other region is that region's replica; any further one stays a table of its own.
  const replicas = new Map<string, DocumentNode>();
  for (const m of members.slice(1)) {
    const r = ctx.graph.regionOf(m.id);
    if (r !== ownerRegion && !replicas.has(r)) replicas.set(r, m);
    else if (m === node)
      ctx.note(
        'warning',
        `global table ${owner.id} already has a table in ${r}; ${m.id} is exported as a separate table`,
        m.id,
      );
  }

  if (owner !== node && replicas.get(region) === node) {
    const ownerStack = ctx.stack(ownerRegion);
    if (!ctx.addDependency(stack, ownerStack)) {
      ctx.note(
        'error',
        `global table replica ${node.id} cannot deploy after ${owner.id}'s stack without a cycle; it was not exported`,
        node.id,
      );
      return;
    }
    stack.comment(
      `${node.label}: the ${region} replica of global table ${owner.id}, created by the ${ownerRegion} stack`,
    );
    stack.line(
      `const ${v} = dynamodb.TableV2.fromTableName(this, ${str(stack.id(node.id))}, ${str(tableName)});`,
    );
    ctx.register({ node, stack, v, type: 'dynamodb.ITableV2', parts: { replicaOf: owner.id } });
    return;
  }

  const c = resolveConfig<TableConfig>(node);
  const replicaRegions = owner === node ? [...replicas.keys()] : [];
  const streamed = ctx.graph
    .outgoing(node.id)
    .some((e) => e.kind === 'trigger' && e.target.kind === 'function');
  const props: Record<string, unknown> = {
    partitionKey: code(`{ name: ${str(c.partitionKey)}, type: dynamodb.AttributeType.STRING }`),
    sortKey: c.sortKey ? code(`{ name: ${str(c.sortKey)}, type: dynamodb.AttributeType.STRING }`) : undefined,
    billing: code(
      c.capacityMode === 'on-demand'
        ? 'dynamodb.Billing.onDemand()'
        : `dynamodb.Billing.provisioned({ readCapacity: dynamodb.Capacity.fixed(${c.readCapacityUnits}), writeCapacity: dynamodb.Capacity.autoscaled({ minCapacity: ${c.writeCapacityUnits}, maxCapacity: ${c.writeCapacityUnits} }) })`,
    ),
    tableClass:
      c.tableClass === 'standard-ia' ? code('dynamodb.TableClass.STANDARD_INFREQUENT_ACCESS') : undefined,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: c.pointInTimeRecovery },
    dynamoStream:
      streamed || replicaRegions.length > 0 ? code('dynamodb.StreamViewType.NEW_AND_OLD_IMAGES') : undefined,
    tableName: replicaRegions.length > 0 ? tableName : undefined,
    replicas: replicaRegions.length > 0 ? replicaRegions.map((r) => ({ region: r })) : undefined,
  };
  stack.construct(
    v,
    'dynamodb.TableV2',
    stack.id(node.id),
    props,
    `DynamoDB table ${node.id}: ${node.label}`,
  );
  ctx.register({ node, stack, v, type: 'dynamodb.TableV2' });
};

/** DocumentDB cluster with a generated master password in Secrets Manager. */
export const documentDatabase: Emitter = (env, node) => {
  const { ctx } = env;
  const c = resolveConfig<{ instanceClass: string; instances: number }>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  stack.construct(
    v,
    'docdb.DatabaseCluster',
    stack.id(node.id),
    {
      masterUser: { username: 'docdbadmin' },
      instanceType: instanceType(c.instanceClass),
      instances: c.instances,
      ...placementProps(env, node),
      storageEncrypted: true,
      deletionProtection: ctx.doc.environment === 'production',
    },
    `DocumentDB cluster ${node.id}: ${node.label}`,
  );
  ctx.register({
    node,
    stack,
    v,
    type: 'docdb.DatabaseCluster',
    connections: v,
    vpc: env.net.placementOf(node.id)?.vpc.v,
  });
};
