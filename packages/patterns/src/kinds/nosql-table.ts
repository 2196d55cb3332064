import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, oneOf, text, volume } from '../catalog/fields';

/** Key attribute names kept to the characters every expression and SDK handles without escaping. */
export const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ATTRIBUTE_HINT = 'must start with a letter or "_" and contain only letters, digits, "_", "-" and "."';

export const nosqlTable = defineKind({
  id: 'nosql-table',
  label: 'NoSQL table',
  category: 'data',
  icon: 'table',
  description:
    'A serverless key-value / wide-column table with single-digit-millisecond access by key. One table per service; a global table is one table per region joined by replication edges.',
  traits: ['data', 'database'],
  config: z
    .object({
      capacityMode: oneOf(['on-demand', 'provisioned'], {
        default: 'on-demand',
        description: 'On-demand (billed per request) or provisioned read/write capacity units',
      }),
      writesPerMonth: volume({
        unit: 'writes/month',
        description: 'Write requests (1 KB units); derived from traffic when absent',
      }),
      readsPerMonth: volume({
        unit: 'reads/month',
        description: 'Read requests (4 KB units); derived from traffic when absent',
      }),
      storageGb: num({ default: 10, min: 0, unit: 'GB', description: 'Table storage, including indexes' }),
      readCapacityUnits: num({
        default: 5,
        min: 1,
        max: 40_000,
        int: true,
        unit: 'count',
        description: 'Provisioned read capacity units (used only in provisioned mode)',
      }),
      writeCapacityUnits: num({
        default: 5,
        min: 1,
        max: 40_000,
        int: true,
        unit: 'count',
        description: 'Provisioned write capacity units (used only in provisioned mode)',
      }),
      tableClass: oneOf(['standard', 'standard-ia'], {
        default: 'standard',
        description: 'Table class: Standard-IA cuts storage cost for rarely read data',
      }),
      partitionKey: text({
        default: 'pk',
        pattern: ATTRIBUTE_NAME,
        patternHint: ATTRIBUTE_HINT,
        max: 255,
        description: 'Partition key attribute name',
      }),
      sortKey: z
        .string()
        .min(1)
        .max(255)
        .regex(ATTRIBUTE_NAME, ATTRIBUTE_HINT)
        .optional()
        .meta({ description: 'Sort key attribute name; absent for a table with a partition key only' }),
      pointInTimeRecovery: bool({
        default: true,
        description: 'Continuous backups: restore to any second of the last 35 days',
      }),
    })
    .strict(),
  accepts: [
    { from: ['@compute', 'api-gateway', 'state-machine', 'client', 'external-service'], as: 'sync' },
    { from: ['nosql-table'], as: 'replication' },
  ],
  connectionHint:
    'A NoSQL table is read and written by services, an API gateway, a state machine, clients or an external system (sync), and receives replication from the same table in another region (global table).',
  aws: {
    service: 'Amazon DynamoDB',
    terraform: ['aws_dynamodb_table', 'aws_dynamodb_table_replica'],
    cdk: ['aws_dynamodb.TableV2'],
    docs: 'https://aws.amazon.com/dynamodb/pricing/',
  },
});
