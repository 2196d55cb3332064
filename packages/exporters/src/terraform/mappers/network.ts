import type { DocumentNode } from '@stackdraft/patterns';
import type { ExportContext, KindMapper } from '../context';
import { Network } from '../network';
import { output } from './common';

interface VpcConfig {
  cidr: string;
  natGateways: number;
  flowLogs: boolean;
  defaultDeny: boolean;
}

/**
 * Builds the networks before any node is mapped: one per VPC group (its range, NAT gateways, flow
 * logs, default deny) with the subnets drawn in it, split over the zones the network spans
 * (three when an MSK cluster in it needs them). Subnets drawn outside a VPC join their region's
 * default network.
 */
export function prepareNetworks(ctx: ExportContext): void {
  for (const n of ctx.doc.nodes) {
    if (n.kind !== 'kafka') continue;
    const { brokers } = ctx.config<{ brokers: number }>(n);
    if (brokers % 2 !== 0) ctx.zoneWants.set(ctx.networkKeyOf(n.id), 3);
  }
  for (const n of ctx.doc.nodes) {
    if (n.kind !== 'vpc') continue;
    const c = ctx.config<VpcConfig>(n);
    const owner = ctx.owner(n);
    const net = new Network(ctx, n.id, n.id, ctx.graph.regionOf(n.id), owner, {
      ...c,
      azCount: ctx.zoneWants.get(n.id) ?? 2,
    });
    ctx.networks.set(n.id, net);
  }
  for (const n of ctx.doc.nodes) {
    if (n.kind !== 'subnet') continue;
    const vpc = ctx.graph.enclosing(n.id, 'vpc');
    const net = (vpc && ctx.networks.get(vpc.id)) || ctx.defaultNetwork(ctx.graph.regionOf(n.id));
    const c = ctx.config<{ public: boolean; cidr: string }>(n);
    const zone = ctx.graph.enclosing(n.id, 'availability-zone');
    net.addDesignSubnet(n.id, c.public, c.cidr, zone ? ctx.config<{ name: string }>(zone).name : undefined);
  }
}

/** `vpc` and `subnet`: built by `prepareNetworks`; their exports point at the VPC and the subnets. */
export const networkMapper: KindMapper = {
  kinds: ['vpc', 'subnet'],
  map(ctx, node: DocumentNode) {
    if (node.kind === 'vpc') {
      const net = ctx.networks.get(node.id) as Network;
      output(ctx, node, 'vpc_ids', 'VPC id', net.vpc.ref('id'));
      return { node, region: ctx.graph.regionOf(node.id), main: net.vpc, arn: net.vpc.ref('arn') };
    }
    const net = ctx.networks.get(ctx.networkKeyOf(node.id));
    const group = net?.groups.find((g) => g.nodeId === node.id);
    const first = group?.subnets[0];
    if (!first) {
      ctx.warn('The subnet range could not be read; the subnet was not exported.', node.id);
      return undefined;
    }
    return { node, region: ctx.graph.regionOf(node.id), main: first.res, arn: first.res.ref('arn') };
  },
};
