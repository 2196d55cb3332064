import { canContain, getKind } from '@stackdraft/patterns';
import type { ImportContext } from './context';
import type { EdgeSet } from './edges/edge-set';
import type { ImportNode, NodeTable } from './nodes';

/** The region of the default provider, else of the first aliased one, else us-east-1. */
export function defaultRegion(ctx: ImportContext): string {
  const regions = ctx.module.regions;
  const region = regions.get('') ?? [...regions.values()].find((r) => r !== undefined);
  if (!region) ctx.warn('no provider "aws" block states a literal region: us-east-1 is assumed');
  return region ?? 'us-east-1';
}

/**
 * A DynamoDB global table is drawn as deployed: one `nosql-table` per region (from its `replica`
 * blocks or `aws_dynamodb_table_replica` resources), joined by replication edges both ways.
 */
export function addTableReplicas(ctx: ImportContext, table: NodeTable, set: EdgeSet, region: string): void {
  const replicas = new Map<string, Map<string, ImportNode>>();
  const record = (primary: ImportNode, home: string, node: ImportNode) => {
    let byRegion = replicas.get(primary.id);
    if (!byRegion) {
      byRegion = new Map([[home, primary]]);
      replicas.set(primary.id, byRegion);
    }
    // Every replica of a global table replicates into every other one, not only the first.
    for (const other of byRegion.values()) {
      if (other === primary) continue;
      set.explicit(other, node, `${primary.id} global table`, 'replication');
      set.explicit(node, other, `${primary.id} global table`, 'replication');
    }
    byRegion.set(node.region ?? home, node);
  };
  set.retarget = (source, target) => replicas.get(target.id)?.get(regionOf(ctx, source, region)) ?? target;
  for (const node of [...table.nodes]) {
    if (node.kind !== 'nosql-table') continue;
    const main = node.resources[0];
    if (main?.type !== 'aws_dynamodb_table') continue;
    const home = regionOf(ctx, node, region);
    for (const block of ctx.reader(main).blocks('replica')) {
      const r =
        typeof block.region_name === 'string' && !block.region_name.includes('${')
          ? block.region_name
          : undefined;
      if (!r) {
        ctx.warn('a replica block without a literal region_name is left out', main.address);
        continue;
      }
      record(node, home, replica(table, set, node, home, r, `${main.address} replica ${r}`));
    }
  }
  for (const res of ctx.ofType('aws_dynamodb_table_replica')) {
    const primary = set.nodeOf(ctx.refTo(res, 'global_table_arn')?.address);
    if (!primary) continue;
    const r = ctx.module.regions.get(res.alias ?? '') ?? region;
    const home = regionOf(ctx, primary, region);
    const node = replica(table, set, primary, home, r, res.address);
    record(primary, home, node);
    table.byAddress.set(res.address, node);
    set.owner.set(res.address, node.id);
  }
}

function replica(
  table: NodeTable,
  set: EdgeSet,
  primary: ImportNode,
  home: string,
  region: string,
  via: string,
) {
  const base = primary.id.includes(home) ? primary.id.replace(home, region) : `${primary.id}-${region}`;
  const node = table.add({
    id: table.freshId(base),
    kind: 'nosql-table',
    label: primary.label.includes(home)
      ? primary.label.replace(home, region)
      : `${primary.label} (${region})`,
    config: { ...primary.config },
    resources: [],
    alias: undefined,
    region,
  });
  set.explicit(primary, node, via, 'replication');
  set.explicit(node, primary, via, 'replication');
  return node;
}

function regionOf(ctx: ImportContext, node: ImportNode, fallback: string): string {
  return node.region ?? ctx.module.regions.get(node.alias ?? '') ?? fallback;
}

/**
 * Sets each node's parent: the subnet or VPC its resources are placed in (by their subnet and
 * security group references), and, when the design spans 2+ regions, a region group per region
 * (from provider aliases).
 */
export function placeNodes(
  ctx: ImportContext,
  table: NodeTable,
  owner: Map<string, string>,
  region: string,
): ImportNode[] {
  const ownedBy = new Map<string, string[]>();
  for (const [address, id] of owner) {
    const list = ownedBy.get(id);
    if (list) list.push(address);
    else ownedBy.set(id, [address]);
  }
  const kindOf = (id: string) => table.byId.get(id)?.kind;
  for (const node of table.nodes) {
    if (node.kind === 'vpc') continue;
    const subnets = new Set<string>();
    const vpcs = new Set<string>();
    for (const address of ownedBy.get(node.id) ?? []) {
      for (const ref of ctx.refs.get(address) ?? []) {
        const target = owner.get(ref.address);
        if (!target || target === node.id) continue;
        if (kindOf(target) === 'subnet' && node.kind !== 'subnet') subnets.add(target);
        if (kindOf(target) === 'vpc') vpcs.add(target);
        // One hop further for the VPC only: a security group shared with another node names it.
        if (table.byAddress.has(ref.address)) continue;
        for (const hop of ctx.refs.get(ref.address) ?? []) {
          const via = owner.get(hop.address);
          if (via && via !== node.id && kindOf(via) === 'vpc' && hop.arg === 'vpc_id') vpcs.add(via);
        }
      }
    }
    const [only] = subnets;
    if (subnets.size === 1 && only && canContain('subnet', node.kind)) {
      node.parent = only;
      continue;
    }
    for (const s of subnets) {
      const vpc = table.byId.get(s)?.parent;
      if (vpc) vpcs.add(vpc);
    }
    const [vpc] = vpcs;
    if (vpcs.size === 1 && vpc && canContain('vpc', node.kind)) node.parent = vpc;
    else if (vpcs.size > 1) ctx.warn(`${node.id} uses subnets of several VPCs: placed in none`);
  }
  // Subnets took their VPC above; a node whose subnet ended up without a VPC keeps the subnet.
  const regional = table.nodes.filter((n) => canContain('region', n.kind));
  const regions = [...new Set(regional.map((n) => regionOf(ctx, n, region)))].sort();
  const groups: ImportNode[] = [];
  if (regions.length < 2) return groups;
  const groupOf = new Map<string, ImportNode>();
  for (const r of regions) {
    const g: ImportNode = {
      id: table.freshId(r),
      kind: 'region',
      label: r,
      config: { name: r },
      resources: [],
      alias: undefined,
    };
    groupOf.set(r, g);
    groups.push(g);
  }
  for (const n of table.nodes) {
    if (n.parent || !canContain('region', n.kind) || getKind(n.kind).id === 'region') continue;
    n.parent = groupOf.get(regionOf(ctx, n, region))?.id;
  }
  for (const g of groups) table.add(g);
  return groups;
}
