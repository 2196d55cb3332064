import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, oneOf, text, volume } from '../catalog/fields';
import { hourly, MILLION, priceKey, sizedLine, usageLine } from '../cost/helpers';

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
  cost: {
    aws: {
      traffic: { forwards: 'writes', writesField: 'writesPerMonth' },
      components(ctx) {
        const { capacityMode, tableClass, readCapacityUnits, writeCapacityUnits, pointInTimeRecovery } =
          ctx.config;
        const global = ctx.graph
          .incoming(ctx.node.id)
          .concat(ctx.outgoing())
          .some(
            (e) =>
              e.kind === 'replication' && e.source.kind === 'nosql-table' && e.target.kind === 'nosql-table',
          );
        const replicated = ctx.incoming().some((e) => e.kind === 'replication');
        const storage = ctx.volume({
          field: 'storageGb',
          label: 'GB stored',
          document: 'storageGb',
          default: ctx.config.storageGb,
          defaultWhy: 'the kind default',
        });
        const lines = [];
        if (capacityMode === 'provisioned') {
          const w = global ? 'rwcu' : 'wcu';
          lines.push(
            hourly(
              ctx,
              `Write capacity (${writeCapacityUnits} ${global ? 'replicated ' : ''}WCU)`,
              writeCapacityUnits,
              `dynamodb.${w}[${tableClass}]`,
            ),
            hourly(
              ctx,
              `Read capacity (${readCapacityUnits} RCU)`,
              readCapacityUnits,
              priceKey('dynamodb.rcu', tableClass),
            ),
          );
        } else {
          const payloadKb = ctx.payloadKb().value;
          const wru = Math.max(1, Math.ceil(payloadKb));
          const rru = Math.max(1, Math.ceil(payloadKb / 4));
          const writes = ctx.volume({
            field: 'writesPerMonth',
            label: 'writes a month',
            traffic: 'writes',
            default: 1_000_000,
            defaultWhy: 'a light workload, about 0.4 writes/s',
          });
          const reads = ctx.volume({
            field: 'readsPerMonth',
            label: 'reads a month',
            traffic: 'reads',
            default: 5_000_000,
            defaultWhy: 'a light workload, about 2 reads/s',
          });
          lines.push(
            usageLine(
              'Write request units',
              writes,
              (writes.value * wru) / MILLION,
              priceKey('dynamodb.writes', tableClass),
            ),
            usageLine(
              'Read request units (strongly consistent)',
              reads,
              (reads.value * rru) / MILLION,
              priceKey('dynamodb.reads', tableClass),
            ),
          );
          if (replicated) {
            const rw = ctx.volume({
              field: 'replicatedWrites',
              label: 'replicated writes a month',
              traffic: 'replicatedWrites',
              default: 1_000_000,
              defaultWhy: 'the other replicas write as lightly as the default',
            });
            lines.push(
              usageLine(
                'Replicated write request units (global table)',
                rw,
                (rw.value * wru) / MILLION,
                priceKey('dynamodb.replicated-writes', tableClass),
              ),
            );
          }
        }
        lines.push(sizedLine('Storage', storage, storage.value, priceKey('dynamodb.storage', tableClass)));
        if (pointInTimeRecovery)
          lines.push(sizedLine('Point-in-time recovery backups', storage, storage.value, 'dynamodb.pitr'));
        return lines;
      },
    },
  },
  aws: {
    service: 'Amazon DynamoDB',
    terraform: ['aws_dynamodb_table', 'aws_dynamodb_table_replica'],
    cdk: ['aws_dynamodb.TableV2'],
    docs: 'https://aws.amazon.com/dynamodb/pricing/',
  },
});
