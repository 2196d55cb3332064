import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, text } from '../catalog/fields';
import { fixed, hourly, priceKey } from '../cost/helpers';
import { RDS_INSTANCE_CLASS } from './sql-database';

export const readReplica = defineKind({
  id: 'read-replica',
  label: 'Read replica',
  category: 'data',
  icon: 'copy',
  description:
    'An asynchronously replicated, read-only copy of a SQL database: scales reads, and in another region serves local reads and disaster recovery.',
  traits: ['data', 'zonal'],
  config: z
    .object({
      instanceClass: text({
        default: 'db.t4g.medium',
        pattern: RDS_INSTANCE_CLASS,
        patternHint: 'must be an RDS instance class such as db.r6g.large',
        description: 'RDS instance class of the replica',
      }),
      storageGb: num({
        default: 20,
        min: 20,
        max: 65_536,
        int: true,
        unit: 'GB',
        description: 'Allocated storage',
      }),
    })
    .strict(),
  accepts: [
    { from: ['sql-database'], as: 'replication' },
    { from: ['@compute', 'state-machine', 'client', 'load-balancer', 'external-service'], as: 'sync' },
  ],
  connectionHint:
    'A read replica only receives replication from a SQL database (its primary), and is read by services.',
  cost: {
    aws: {
      traffic: { forwards: 'none' },
      components(ctx) {
        const { instanceClass, storageGb } = ctx.config;
        // A replica runs the engine and storage type of its primary (the SQL database replicating into it).
        const primary = ctx.incoming().find((e) => e.kind === 'replication')?.source;
        const engine = primary?.config?.engine === 'mysql' ? 'mysql' : 'postgres';
        const storageType = primary?.config?.storageType === 'gp2' ? 'gp2' : 'gp3';
        if (!primary) ctx.assume('A read replica without a primary is priced as PostgreSQL on gp3');
        return [
          hourly(
            ctx,
            `Replica instance (${instanceClass}, ${engine})`,
            1,
            priceKey('rds.instance', engine, instanceClass, 'single-az'),
            instanceClass,
          ),
          fixed(
            `Storage (${storageGb} GB ${storageType})`,
            storageGb,
            priceKey('rds.storage', storageType, 'single-az'),
          ),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon RDS',
    terraform: ['aws_db_instance'],
    cdk: ['aws_rds.DatabaseInstanceReadReplica'],
    docs: 'https://aws.amazon.com/rds/pricing/',
  },
});
