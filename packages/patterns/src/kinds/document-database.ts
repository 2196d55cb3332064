import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, text, volume } from '../catalog/fields';
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
  aws: {
    service: 'Amazon DocumentDB',
    terraform: ['aws_docdb_cluster', 'aws_docdb_cluster_instance', 'aws_docdb_subnet_group'],
    cdk: ['aws_docdb.DatabaseCluster'],
    docs: 'https://aws.amazon.com/documentdb/pricing/',
  },
});
