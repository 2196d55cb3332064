import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, text } from '../catalog/fields';
import { fixed, hourly, priceKey } from '../cost/helpers';

export const OPENSEARCH_INSTANCE_TYPE = /^[a-z0-9]+\.[a-z0-9]+\.search$/;

export const searchIndex = defineKind({
  id: 'search-index',
  label: 'Search index',
  category: 'data',
  icon: 'search',
  description:
    'A full-text and analytics search cluster. In CQRS it is the read model, fed by replication from the write-side database; use 2 or more instances across availability zones.',
  traits: ['data', 'zonal'],
  config: z
    .object({
      instanceType: text({
        default: 'r6g.large.search',
        pattern: OPENSEARCH_INSTANCE_TYPE,
        patternHint: 'must be an OpenSearch instance type such as r6g.large.search',
        description: 'Data node instance type',
      }),
      instances: num({
        default: 2,
        min: 1,
        int: true,
        unit: 'count',
        description: 'Data nodes; 2 or more are spread across availability zones',
      }),
      storageGb: num({
        default: 100,
        min: 10,
        int: true,
        unit: 'GB',
        description: 'EBS storage in total across all data nodes (each node gets an equal share)',
      }),
    })
    .strict(),
  accepts: [
    { from: ['@compute', 'api-gateway'], as: 'sync' },
    { from: ['sql-database', 'nosql-table', 'document-database'], as: 'replication' },
  ],
  connectionHint:
    'A search index is queried and written by services or an API gateway (sync), and receives replication from a SQL, NoSQL or document database (a CQRS read model).',
  cost: {
    aws: {
      traffic: { forwards: 'none' },
      components(ctx) {
        const { instanceType, instances, storageGb } = ctx.config;
        return [
          hourly(
            ctx,
            `Data nodes (${instances} x ${instanceType})`,
            instances,
            priceKey('opensearch.instance', instanceType),
            instanceType,
          ),
          fixed(`EBS storage (${storageGb} GB gp3 in total)`, storageGb, 'opensearch.storage[gp3]'),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon OpenSearch Service',
    terraform: ['aws_opensearch_domain'],
    cdk: ['aws_opensearchservice.Domain'],
    docs: 'https://aws.amazon.com/opensearch-service/pricing/',
  },
});
