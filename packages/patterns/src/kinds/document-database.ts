import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, text, volume } from '../catalog/fields';
import { hourly, MILLION, priceKey, sizedLine, usageLine } from '../cost/helpers';
import { RDS_INSTANCE_CLASS } from './sql-database';

export const documentDatabase = defineKind({
  id: 'document-database',
  label: 'Document database',
  category: 'data',
  icon: 'file-json',
  description:
    'A managed, MongoDB-compatible document database for JSON documents with flexible schemas. Run 2 or more instances so that a replica in another availability zone can take over.',
  traits: ['data', 'database', 'zonal'],
  config: z
    .object({
      instanceClass: text({
        default: 'db.t4g.medium',
        pattern: RDS_INSTANCE_CLASS,
        patternHint: 'must be a DocumentDB instance class such as db.r6g.large',
        description: 'Instance class of every instance in the cluster',
      }),
      instances: num({
        default: 1,
        min: 1,
        max: 16,
        int: true,
        unit: 'count',
        description:
          'Instances: one primary plus up to 15 replicas; 2 or more are spread across availability zones (Multi-AZ)',
      }),
      storageGb: num({
        default: 20,
        min: 0,
        max: 131_072,
        unit: 'GB',
        description: 'Data stored (the cluster volume grows automatically, up to 128 TiB)',
      }),
      ioRequestsPerMonth: volume({
        unit: 'requests/month',
        description: 'I/O requests on the cluster volume; derived from traffic when absent',
      }),
    })
    .strict(),
  accepts: [
    { from: ['@compute', 'state-machine', 'client', 'load-balancer'], as: 'sync' },
    { from: ['document-database'], as: 'replication' },
  ],
  connectionHint:
    'A document database is read and written by services, a state machine, clients or a load balancer (sync), and receives replication from another document database (a global cluster in another region).',
  cost: {
    aws: {
      traffic: { forwards: 'none' },
      components(ctx) {
        const { instanceClass, instances } = ctx.config;
        const storage = ctx.volume({
          field: 'storageGb',
          label: 'GB stored',
          document: 'storageGb',
          default: ctx.config.storageGb,
          defaultWhy: 'the kind default',
        });
        const io = ctx.volume({
          field: 'ioRequestsPerMonth',
          label: 'I/O requests a month',
          traffic: 'requests',
          trafficFactor: { factor: 1, why: 'one storage I/O per request that reaches the database' },
          document: 'requestsPerMonth',
          default: 10_000_000,
          defaultWhy: 'a light workload, about 4 I/Os per second',
        });
        return [
          hourly(
            ctx,
            `Instances (${instances} x ${instanceClass})`,
            instances,
            priceKey('docdb.instance', instanceClass),
            instanceClass,
          ),
          sizedLine('Storage', storage, storage.value, 'docdb.storage'),
          usageLine('I/O requests', io, io.value / MILLION, 'docdb.io'),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon DocumentDB',
    terraform: ['aws_docdb_cluster', 'aws_docdb_cluster_instance', 'aws_docdb_subnet_group'],
    cdk: ['aws_docdb.DatabaseCluster'],
    docs: 'https://aws.amazon.com/documentdb/pricing/',
  },
});
