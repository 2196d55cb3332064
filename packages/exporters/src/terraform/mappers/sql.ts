import type { DocumentNode } from '@stackdraft/patterns';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { Raw, tpl, type Value } from '../hcl';
import type { Statement } from '../iam';
import type { Res } from '../module';
import { output, placeInVpc, subnetGroup } from './common';

interface SqlConfig {
  engine: 'postgres' | 'mysql';
  instanceClass: string;
  multiAz: boolean;
  storageGb: number;
  storageType: 'gp2' | 'gp3';
  backupRetentionDays: number;
}

const PORTS: Record<string, number> = { postgres: 5432, mysql: 3306 };

/** The master user name: not a secret, but a variable so that it is set in one place. */
export function masterUsername(ctx: ExportContext): Raw {
  return ctx.module.variable('db_master_username', {
    type: 'string',
    description:
      'Master user name of the SQL and document databases. Their passwords are generated and kept in Secrets Manager by the database service, never in this configuration.',
    default: 'dbadmin',
  });
}

/**
 * The master password secret a database service manages for `db` (`manage_master_user_password`:
 * RDS and DocumentDB generate it into Secrets Manager), and what reading it takes.
 */
export function managedSecret(db: Res): { arn: Raw; grant: () => Statement[] } {
  const arn = new Raw(`${db.address}.master_user_secret[0].secret_arn`);
  return { arn, grant: secretGrant(arn) };
}

/** Reading a database's credentials: the secret the database service manages for it. */
function secretGrant(secretArn: Value): () => Statement[] {
  return () => [
    { actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], resource: secretArn },
  ];
}

/** The final snapshot a production database keeps when it is deleted (none elsewhere: quick teardown). */
export function finalSnapshot(ctx: ExportContext, node: DocumentNode, family: 'rds' | 'docdb') {
  return ctx.production ? tpl`${ctx.names.prefix}-${ctx.names.suffix(family, node.id)}-final` : undefined;
}

/**
 * `sql-database` -> `aws_db_instance` (engine, class, storage, Multi-AZ, backups, encrypted) in an
 * `aws_db_subnet_group` of private subnets behind its own security group. The master password is
 * never a literal: `manage_master_user_password` has RDS generate it into Secrets Manager, and
 * services that use the database may read exactly that secret.
 */
export const sqlDatabaseMapper: KindMapper = {
  kinds: ['sql-database'],
  map(ctx, node) {
    const c = ctx.config<SqlConfig>(node);
    const place = placeInVpc(ctx, node);
    const subnets = subnetGroup(ctx, node, 'aws_db_subnet_group', place.subnets);
    let backups = c.backupRetentionDays;
    if (
      backups === 0 &&
      ctx.edges(node.id, 'out', 'replication').some((e) => e.target.kind === 'read-replica')
    ) {
      ctx.warn(
        'Read replicas need automated backups on their primary: exported with 1 day of backup retention.',
        node.id,
      );
      backups = 1;
    }
    const db = ctx.done(node, 'aws_db_instance', node.id, {
      identifier: ctx.names.name('rds', node.id),
      engine: c.engine,
      instance_class: c.instanceClass,
      allocated_storage: c.storageGb,
      storage_type: c.storageType,
      storage_encrypted: true,
      multi_az: c.multiAz,
      backup_retention_period: backups,
      username: masterUsername(ctx),
      manage_master_user_password: true,
      db_subnet_group_name: subnets.ref('name'),
      vpc_security_group_ids: [place.sg.res.ref('id')],
      publicly_accessible: false,
      copy_tags_to_snapshot: true,
      deletion_protection: ctx.production,
      skip_final_snapshot: !ctx.production,
      final_snapshot_identifier: finalSnapshot(ctx, node, 'rds'),
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'addresses', 'database host name', db.ref('address'));
    const secret = managedSecret(db);
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: db,
      arn: db.ref('arn'),
      sg: place.sg,
      port: PORTS[c.engine] ?? 5432,
      db: { res: db, engine: c.engine, secretArn: secret.arn },
      grant: secret.grant,
    };
  },
  wire(ctx, self) {
    for (const e of ctx.edges(self.node.id, 'out', 'sync')) {
      // RDS rotates the password it manages in Secrets Manager itself.
      if (e.target.kind === 'secrets-vault') ctx.handled(e);
    }
  },
};

interface ReplicaConfig {
  instanceClass: string;
  storageGb: number;
}

/**
 * `read-replica` -> `aws_db_instance` with `replicate_source_db`: the primary's identifier in the
 * same region, or its ARN across regions (with the replica's provider, its own subnet group and a
 * KMS key in its region, which encrypted cross-region replicas need).
 */
export const readReplicaMapper: KindMapper = {
  kinds: ['read-replica'],
  order: 1,
  map(ctx, node) {
    const edges = ctx.edges(node.id, 'in', 'replication').filter((e) => ctx.exports.get(e.source.id)?.db);
    const edge = edges[0];
    if (!edge) {
      ctx.warn(
        'A read replica needs a replication edge from its primary SQL database; the replica was not exported.',
        node.id,
      );
      return undefined;
    }
    ctx.handled(edge);
    for (const extra of edges.slice(1)) {
      ctx.warn(
        'A read replica has one primary; only the first replication edge was exported.',
        node.id,
        extra.edge.id,
      );
    }
    const primary = ctx.exports.get(edge.source.id) as NodeExport;
    const primaryDb = primary.db as NonNullable<NodeExport['db']>;
    const c = ctx.config<ReplicaConfig>(node);
    const region = ctx.graph.regionOf(node.id);
    const crossRegion = region !== primary.region;
    // A same-region replica runs in its primary's VPC (RDS places it in the primary's subnet group).
    const sameVpc = crossRegion ? undefined : primary.sg?.network;
    if (sameVpc && sameVpc !== ctx.networkFor(node.id)) {
      ctx.warn('A same-region read replica runs in the VPC of its primary; it was exported there.', node.id);
    }
    const place = placeInVpc(ctx, node, sameVpc ? { network: sameVpc } : {});
    // A same-region replica inherits its primary's subnet group (RDS refuses one by name there).
    let subnets: Res | undefined;
    let kms: Res | undefined;
    if (crossRegion) {
      subnets = subnetGroup(ctx, node, 'aws_db_subnet_group', place.subnets);
      kms = ctx.done(node, 'aws_kms_key', node.id, {
        description: `Encryption key of the ${node.id} read replica`,
        enable_key_rotation: true,
        deletion_window_in_days: 30,
        tags: ctx.tags(node.id, node.id),
      });
    }
    const db = ctx.done(node, 'aws_db_instance', node.id, {
      identifier: ctx.names.name('rds', node.id),
      replicate_source_db: crossRegion ? primaryDb.res.ref('arn') : primaryDb.res.ref('identifier'),
      instance_class: c.instanceClass,
      allocated_storage: c.storageGb,
      storage_encrypted: true,
      kms_key_id: kms?.ref('arn'),
      db_subnet_group_name: subnets?.ref('name'),
      vpc_security_group_ids: [place.sg.res.ref('id')],
      publicly_accessible: false,
      skip_final_snapshot: true,
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'addresses', 'replica host name', db.ref('address'));
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: db,
      arn: db.ref('arn'),
      sg: place.sg,
      port: PORTS[primaryDb.engine] ?? 5432,
      grant: secretGrant(primaryDb.secretArn),
    };
  },
};
