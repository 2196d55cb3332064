import type { ImportContext } from './context';
import { type NodeTable, tagOf } from './nodes';
import type { TfResource } from './parse';
import type { UnmappedResource } from './types';

/**
 * Arguments that attach a supporting resource to the resource it configures (a policy to its
 * role, a rule to its security group, a listener to its load balancer), most specific first.
 */
const ATTACH_ARGS = [
  'role',
  'bucket',
  'queue_url',
  'function_name',
  'security_group_id',
  'load_balancer_arn',
  'listener_arn',
  'topic_arn',
  'zone_id',
  'api_id',
  'rest_api_id',
  'rule',
  'event_bus_name',
  'event_source_arn',
  'cluster_identifier',
  'replication_group_id',
  'cluster_name',
  'table_name',
  'user_pool_id',
  'state_machine_arn',
  'secret_id',
  'autoscaling_group_name',
  'web_acl_arn',
  'route_table_id',
  'subnet_id',
  'arn',
];

/** Tried last: a security group is the VPC's only when no node uses it. */
const LATE_ATTACH_ARGS = ['vpc_id'];

/**
 * Which node each non-primary resource supports: by its `stackdraft:node` tag, else by the
 * argument that attaches it to an owned resource, else by being used by an owned resource;
 * repeated until nothing changes (a policy attaches to a role that a function uses).
 */
export function assignOwners(ctx: ImportContext, table: NodeTable): Map<string, string> {
  const owner = new Map<string, string>();
  for (const [address, node] of table.byAddress) owner.set(address, node.id);
  const rest = ctx.module.resources.filter((r) => !owner.has(r.address));
  for (const r of rest) {
    const tag = tagOf(r, 'stackdraft:node');
    if (tag && table.byId.has(tag)) owner.set(r.address, tag);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of rest) {
      if (owner.has(r.address)) continue;
      const via = attachedTo(ctx, r, owner, ATTACH_ARGS);
      if (via) {
        owner.set(r.address, via);
        changed = true;
      }
    }
    if (changed) continue;
    for (const r of rest) {
      if (owner.has(r.address)) continue;
      const user = (ctx.referencedBy.get(r.address) ?? []).find(({ from }) => owner.has(from.address));
      if (user) {
        owner.set(r.address, owner.get(user.from.address) as string);
        changed = true;
      }
    }
    if (changed) continue;
    for (const r of rest) {
      const via = owner.has(r.address) ? undefined : attachedTo(ctx, r, owner, LATE_ATTACH_ARGS);
      if (via) {
        owner.set(r.address, via);
        changed = true;
      }
    }
  }
  return owner;
}

function attachedTo(
  ctx: ImportContext,
  r: TfResource,
  owner: Map<string, string>,
  args: readonly string[],
): string | undefined {
  for (const arg of args) {
    if (r.body[arg] === undefined) continue;
    for (const target of ctx.refsAt(r, arg)) {
      const o = owner.get(target.address);
      if (o) return o;
    }
  }
  return undefined;
}

/** The report line of every resource that is not a node: what it supports, or why it is left out. */
export function unmappedReport(
  ctx: ImportContext,
  table: NodeTable,
  owner: Map<string, string>,
): UnmappedResource[] {
  const out: UnmappedResource[] = [];
  for (const r of ctx.module.resources) {
    if (table.byAddress.has(r.address)) continue;
    const o = owner.get(r.address);
    if (o) {
      const node = table.byId.get(o);
      out.push({
        address: r.address,
        reason: `supporting resource of ${o}${node ? ` (${node.kind})` : ''}`,
        supports: o,
      });
    } else if (!r.type.startsWith('aws_')) {
      out.push({ address: r.address, reason: `not an AWS resource (provider ${r.type.split('_')[0]})` });
    } else {
      out.push({
        address: r.address,
        reason: `no catalog kind for ${r.type}, and no mapped resource uses it`,
      });
    }
  }
  return out;
}
