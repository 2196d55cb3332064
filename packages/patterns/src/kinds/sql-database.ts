import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, oneOf, text } from '../catalog/fields';
import { fixed, hourly, priceKey } from '../cost/helpers';

export const RDS_INSTANCE_CLASS = /^db\.[a-z0-9-]+\.[a-z0-9]+$/;

export const sqlDatabase = defineKind({
  id: 'sql-database',
  label: 'SQL database',
  category: 'data',
  icon: 'database',
  description:
    'A managed relational database (PostgreSQL or MySQL). One per service; Multi-AZ for production; scale reads with read replicas.',
  traits: ['data', 'database', 'zonal'],
  config: z
    .object({
      engine: oneOf(['postgres', 'mysql'], { default: 'postgres', description: 'Database engine' }),
      instanceClass: text({
        default: 'db.t4g.medium',
        pattern: RDS_INSTANCE_CLASS,
        patternHint: 'must be an RDS instance class such as db.r6g.large',
        description: 'RDS instance class',
      }),
      multiAz: bool({ default: false, description: 'Synchronous standby in a second availability zone' }),
      storageGb: num({
        default: 20,
        min: 20,
        max: 65_536,
        int: true,
        unit: 'GB',
        description: 'Allocated storage',
      }),
      storageType: oneOf(['gp2', 'gp3'], { default: 'gp3', description: 'General purpose SSD generation' }),
      backupRetentionDays: num({
        default: 7,
        min: 0,
        max: 35,
        int: true,
        unit: 'days',
        description: 'Automated backups kept',
      }),
    })
    .strict(),
  accepts: [
    { from: ['@compute', 'state-machine', 'client', 'load-balancer', 'external-service'], as: 'sync' },
  ],
  connectionHint:
    'A SQL database is read and written by services (sync edges, with access read, write or readwrite). Replicas are fed by connecting the database to a read replica.',
  cost: {
    aws: {
      traffic: { forwards: 'none' },
      components(ctx) {
        const { engine, instanceClass, multiAz, storageGb, storageType } = ctx.config;
        const az = multiAz ? 'multi-az' : 'single-az';
        const deployment = multiAz ? 'Multi-AZ' : 'Single-AZ';
        ctx.assume('Automated RDS backups stay within the free backup storage (up to the allocated storage)');
        return [
          hourly(
            ctx,
            `Instance (${instanceClass}, ${deployment})`,
            1,
            priceKey('rds.instance', engine, instanceClass, az),
            `${instanceClass} (${engine}, ${deployment})`,
          ),
          fixed(
            `Storage (${storageGb} GB ${storageType}, ${deployment})`,
            storageGb,
            priceKey('rds.storage', storageType, az),
          ),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon RDS',
    terraform: ['aws_db_instance', 'aws_db_subnet_group', 'aws_security_group'],
    cdk: ['aws_rds.DatabaseInstance'],
    docs: 'https://aws.amazon.com/rds/pricing/',
  },
});
