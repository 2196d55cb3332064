import type { DocumentNode } from '@stackdraft/patterns';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { type Body, block, blocks, type Call, call, type Raw, tpl } from '../hcl';
import type { Access, Statement } from '../iam';
import { output } from './common';

interface TableConfig {
  capacityMode: 'on-demand' | 'provisioned';
  readCapacityUnits: number;
  writeCapacityUnits: number;
  tableClass: 'standard' | 'standard-ia';
  partitionKey: string;
  sortKey?: string;
  pointInTimeRecovery: boolean;
}

/**
 * Tables joined by replication edges form one global table: connected components, each listed
 * in document order (the first member is where the table is declared).
 */
function globalTables(ctx: ExportContext): Map<string, string[]> {
  return ctx.shared('nosql-groups', () => {
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let r = x;
      while (parent.get(r) !== r) r = parent.get(r) as string;
      parent.set(x, r);
      return r;
    };
    const tables = ctx.doc.nodes.filter((n) => n.kind === 'nosql-table');
    for (const t of tables) parent.set(t.id, t.id);
    for (const e of ctx.graph.edges) {
      if (e.kind === 'replication' && e.source.kind === 'nosql-table' && e.target.kind === 'nosql-table') {
        parent.set(find(e.source.id), find(e.target.id));
      }
    }
    const groups = new Map<string, string[]>();
    for (const t of tables) {
      const root = find(t.id);
      const g = groups.get(root);
      if (g) g.push(t.id);
      else groups.set(root, [t.id]);
    }
    const byMember = new Map<string, string[]>();
    for (const g of groups.values()) for (const id of g) byMember.set(id, g);
    return byMember;
  });
}

const READ = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const WRITE = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:DescribeTable',
];
const STREAM = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];

function tableGrant(arn: Raw | Call): (access: Access) => Statement[] {
  return (access) => {
    if (access === 'consume') return [{ actions: STREAM, resource: tpl`${arn}/stream/*` }];
    const actions = access === 'read' ? READ : access === 'write' ? WRITE : [...new Set([...READ, ...WRITE])];
    return [{ actions, resource: [arn, tpl`${arn}/index/*`] }];
  };
}

/** A replica's ARN: the table's ARN with the replica's region (the same table name everywhere). */
function regionalArn(arn: Raw | Call, from: string, to: string): Raw | Call {
  return from === to ? arn : call('replace', arn, `:${from}:`, `:${to}:`);
}

/**
 * `nosql-table` -> `aws_dynamodb_table`. Tables joined by replication edges are one global table:
 * declared once, in the region of its first member, with a `replica` block per other region and
 * the stream global tables require; each member's node maps to its regional replica.
 */
export const nosqlTableMapper: KindMapper = {
  kinds: ['nosql-table'],
  map(ctx, node) {
    const members = globalTables(ctx).get(node.id) ?? [node.id];
    const region = ctx.graph.regionOf(node.id);
    const primaryId = members[0] as string;
    if (primaryId !== node.id) {
      const primary = ctx.exports.get(primaryId) as NodeExport;
      const arn = regionalArn(primary.arn as Raw, primary.region, region);
      return {
        node,
        region: ctx.graph.regionOf(node.id),
        main: primary.main,
        arn,
        grant: tableGrant(arn),
        table: { ...(primary.table as NonNullable<NodeExport['table']>), isPrimary: false },
      };
    }
    const c = ctx.config<TableConfig>(node);
    const replicas: Body[] = [];
    const seen = new Set([region]);
    for (const id of members.slice(1)) {
      const m = ctx.graph.nodes.get(id) as DocumentNode;
      const r = ctx.graph.regionOf(id);
      const mc = ctx.config<TableConfig>(m);
      if (mc.partitionKey !== c.partitionKey || mc.sortKey !== c.sortKey) {
        ctx.warn(`Replicas of a global table share its keys: ${id} uses the keys of ${node.id}.`, id);
      }
      if (seen.has(r)) {
        ctx.warn(
          `A global table has one replica per region; ${id} is in ${r} like another member and maps to that replica.`,
          id,
        );
        continue;
      }
      seen.add(r);
      replicas.push({ region_name: r, point_in_time_recovery: mc.pointInTimeRecovery, propagate_tags: true });
    }
    if (replicas.length > 0 && c.capacityMode === 'provisioned') {
      ctx.warn('Provisioned global tables need auto scaling on write capacity; consider on-demand.', node.id);
    }
    const attributes = [{ name: c.partitionKey, type: 'S' }];
    if (c.sortKey !== undefined) attributes.push({ name: c.sortKey, type: 'S' });
    const global = replicas.length > 0;
    const table = ctx.res(node, 'aws_dynamodb_table', node.id, {
      name: ctx.names.name('dynamodb', node.id),
      billing_mode: c.capacityMode === 'on-demand' ? 'PAY_PER_REQUEST' : 'PROVISIONED',
      read_capacity: c.capacityMode === 'provisioned' ? c.readCapacityUnits : undefined,
      write_capacity: c.capacityMode === 'provisioned' ? c.writeCapacityUnits : undefined,
      hash_key: c.partitionKey,
      range_key: c.sortKey,
      table_class: c.tableClass === 'standard-ia' ? 'STANDARD_INFREQUENT_ACCESS' : 'STANDARD',
      deletion_protection_enabled: ctx.production,
      stream_enabled: global ? true : undefined,
      stream_view_type: global ? 'NEW_AND_OLD_IMAGES' : undefined,
      attribute: blocks(attributes),
      point_in_time_recovery: block({ enabled: c.pointInTimeRecovery }),
      server_side_encryption: block({ enabled: true }),
      replica: blocks(replicas),
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'names', 'DynamoDB table name', table.ref('name'));
    const arn = table.ref('arn');
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: table,
      arn,
      grant: tableGrant(arn),
      table: {
        res: table,
        isPrimary: true,
        streamArn: table.ref('stream_arn'),
        enableStream: () => {
          table.body.stream_enabled = true;
          table.body.stream_view_type = 'NEW_AND_OLD_IMAGES';
        },
      },
    };
  },
  wire(ctx, self) {
    for (const e of ctx.edges(self.node.id, 'out', 'replication')) {
      if (e.target.kind === 'nosql-table') ctx.handled(e);
    }
  },
};
