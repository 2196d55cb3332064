import type { DocumentNode } from '@stackdraft/patterns';
import { resolveConfig } from '@stackdraft/patterns';
import { dnsLabel } from '../k8s/names';
import { NameAllocator, pascalIdentifier } from '../shared/names';
import type { CdkContext } from './context';
import type { StackWriter } from './stack-writer';
import { code, str, type TsCode } from './ts';

type SubnetType = 'PUBLIC' | 'PRIVATE_WITH_EGRESS' | 'PRIVATE_ISOLATED';

interface SubnetGroup {
  name: string;
  type: SubnetType;
  cidrMask?: number;
}

/** One VPC of the app: a `vpc` node, or the VPC a stack creates for VPC-resident nodes outside any. */
export interface VpcPlan {
  node?: DocumentNode;
  stack: StackWriter;
  v: string;
  constructId: string;
  cidr: string;
  natGateways: number;
  flowLogs: boolean;
  availabilityZones?: string[];
  maxAzs: number;
  groups: SubnetGroup[];
  /** Subnet group of each subnet node. */
  bySubnet: Map<string, SubnetGroup>;
  /** Subnet group names (unique in the VPC). */
  names: NameAllocator;
  /** ECS cluster variable, once declared. */
  ecsCluster?: string;
  /** Does the ECS cluster need a Cloud Map namespace (services an API gateway reaches directly)? */
  cloudMap: boolean;
}

export interface Placement {
  vpc: VpcPlan;
  group: SubnetGroup;
}

/** Kinds that cannot exist outside a VPC in CDK (the construct requires one). */
const VPC_KINDS = new Set([
  'sql-database',
  'read-replica',
  'document-database',
  'cache',
  'container-service',
  'vm-group',
  'load-balancer',
  'kafka',
  'kubernetes-cluster',
]);

/** Regions whose zones are not simply a, b, c. */
const ZONE_LETTERS: Record<string, string[]> = { 'us-west-1': ['a', 'c'], 'ap-northeast-1': ['a', 'c', 'd'] };

/**
 * Decides, before anything is emitted, which VPC and subnet group every VPC-resident node goes
 * into: the node's `vpc` and `subnet` groups when it has them, else a VPC per stack. Subnet nodes
 * become subnet groups of the CDK Vpc (CDK repeats each group in every zone); private groups have
 * NAT egress when the VPC has NAT gateways. Functions join a VPC when they sit in one or call
 * something that only exists inside one.
 */
export class NetworkPlan {
  readonly vpcs: VpcPlan[] = [];
  private readonly byKey = new Map<string, VpcPlan>();
  private readonly placements = new Map<string, Placement>();

  constructor(private readonly ctx: CdkContext) {
    const { doc, graph } = ctx;
    for (const n of doc.nodes)
      if (VPC_KINDS.has(n.kind) || (n.kind === 'search-index' && graph.enclosing(n.id, 'vpc'))) this.place(n);
    for (const n of doc.nodes) {
      if (n.kind !== 'function') continue;
      if (graph.enclosing(n.id, 'vpc')) {
        this.place(n);
        continue;
      }
      const needs = graph
        .outgoing(n.id)
        .map((e) => this.placements.get(e.target.id))
        .find((p) => p !== undefined && p.vpc.stack === ctx.stackOf(n));
      if (needs) {
        this.placements.set(n.id, { vpc: needs.vpc, group: this.privateGroup(needs.vpc) });
        ctx.note(
          'info',
          `function ${n.id} reaches VPC-resident resources, so the CDK app places it in private subnets of ${needs.vpc.node?.id ?? 'the generated VPC'}`,
          n.id,
        );
      }
    }
    for (const vpc of this.vpcs) this.checkMasks(vpc);
    // An API gateway reaches a container service without a load balancer through Cloud Map.
    for (const e of graph.edges) {
      if (e.source.kind === 'api-gateway' && e.target.kind === 'container-service') {
        const p = this.placements.get(e.target.id);
        if (p) p.vpc.cloudMap = true;
      }
    }
  }

  placementOf(nodeId: string): Placement | undefined {
    return this.placements.get(nodeId);
  }

  /** `{ subnetGroupName: 'AppSubnet' }`, the subnet selection of a placed node. */
  selection(p: Placement): TsCode {
    return code(`{ subnetGroupName: ${str(p.group.name)} }`);
  }

  private vpcFor(node: DocumentNode): VpcPlan {
    const { ctx } = this;
    const vpcNode = ctx.graph.enclosing(node.id, 'vpc');
    const stack = ctx.stackOf(vpcNode ?? node);
    const key = vpcNode ? vpcNode.id : `\u0000${stack.region}`;
    let plan = this.byKey.get(key);
    if (plan) return plan;
    const config = vpcNode
      ? resolveConfig<{ cidr: string; natGateways: number; flowLogs: boolean }>(vpcNode)
      : { cidr: '10.0.0.0/16', natGateways: 1, flowLogs: true };
    plan = {
      stack,
      v: vpcNode ? ctx.varOf(vpcNode.id) : ctx.partVar(`\u0000${stack.region}`, 'network'),
      constructId: vpcNode ? stack.id(vpcNode.id) : stack.id(`\u0000network`, 'Network'),
      cidr: config.cidr,
      natGateways: config.natGateways,
      flowLogs: config.flowLogs,
      maxAzs: 2,
      groups: [],
      bySubnet: new Map(),
      names: new NameAllocator(pascalIdentifier),
      cloudMap: false,
    };
    if (vpcNode) plan.node = vpcNode;
    const names = plan.names;
    if (vpcNode) {
      for (const s of ctx.doc.nodes) {
        if (s.kind !== 'subnet' || ctx.graph.enclosing(s.id, 'vpc')?.id !== vpcNode.id) continue;
        const c = resolveConfig<{ public: boolean; cidr: string }>(s);
        const group: SubnetGroup = {
          name: names.name(s.id),
          type: c.public ? 'PUBLIC' : config.natGateways > 0 ? 'PRIVATE_WITH_EGRESS' : 'PRIVATE_ISOLATED',
          cidrMask: Number(c.cidr.split('/')[1]),
        };
        plan.groups.push(group);
        plan.bySubnet.set(s.id, group);
      }
      const zones = ctx.doc.nodes
        .filter((z) => z.kind === 'availability-zone' && ctx.graph.enclosing(z.id, 'vpc')?.id === vpcNode.id)
        .map((z) => resolveConfig<{ name: string }>(z).name)
        .filter((z, i, all) => z.startsWith(stack.region) && all.indexOf(z) === i);
      if (zones.length >= 2) plan.availabilityZones = zones;
    }
    if (!vpcNode) {
      ctx.note(
        'info',
        `VPC-resident nodes outside any VPC group are placed in a VPC the ${stack.region} stack creates (${config.cidr}, one NAT gateway)`,
      );
    }
    if (plan.natGateways > 0) this.publicGroup(plan);
    this.vpcs.push(plan);
    this.byKey.set(key, plan);
    return plan;
  }

  private publicGroup(vpc: VpcPlan): SubnetGroup {
    let g = vpc.groups.find((x) => x.type === 'PUBLIC');
    if (!g) {
      g = { name: vpc.names.name('\u0000public', 'Public'), type: 'PUBLIC' };
      vpc.groups.unshift(g);
    }
    return g;
  }

  private privateGroup(vpc: VpcPlan): SubnetGroup {
    const type: SubnetType = vpc.natGateways > 0 ? 'PRIVATE_WITH_EGRESS' : 'PRIVATE_ISOLATED';
    let g = vpc.groups.find((x) => x.type === type);
    if (!g) {
      g = {
        name: vpc.names.name(`\u0000${type}`, type === 'PRIVATE_ISOLATED' ? 'Isolated' : 'Private'),
        type,
      };
      vpc.groups.push(g);
    }
    return g;
  }

  private place(node: DocumentNode): void {
    const { graph } = this.ctx;
    const vpc = this.vpcFor(node);
    const subnet = graph.enclosing(node.id, 'subnet');
    let group = subnet ? vpc.bySubnet.get(subnet.id) : undefined;
    if (!group) {
      const publicFacing =
        node.kind === 'load-balancer' && !resolveConfig<{ internal: boolean }>(node).internal;
      group = publicFacing ? this.publicGroup(vpc) : this.privateGroup(vpc);
    }
    if (node.kind === 'kafka') {
      const brokers = resolveConfig<{ brokers: number }>(node).brokers;
      if (brokers % 2 !== 0) this.threeZones(vpc, node);
    }
    this.placements.set(node.id, { vpc, group });
  }

  /** MSK needs as many client subnets as zones, and brokers spread evenly: an odd count needs 3 zones. */
  private threeZones(vpc: VpcPlan, kafka: DocumentNode): void {
    if (vpc.availabilityZones && vpc.availabilityZones.length >= 3) return;
    const letters = ZONE_LETTERS[vpc.stack.region] ?? ['a', 'b', 'c'];
    if (letters.length < 3) {
      this.ctx.note(
        'warning',
        `${vpc.stack.region} has fewer than 3 availability zones: give Kafka ${kafka.id} an even broker count`,
        kafka.id,
      );
      return;
    }
    vpc.availabilityZones = letters.slice(0, 3).map((l) => `${vpc.stack.region}${l}`);
    vpc.maxAzs = 3;
  }

  /** Explicit subnet sizes must fit in the VPC range for every zone; otherwise CDK sizes them. */
  private checkMasks(vpc: VpcPlan): void {
    const vpcMask = Number(vpc.cidr.split('/')[1]);
    const zones = vpc.availabilityZones?.length ?? vpc.maxAzs;
    const explicit = vpc.groups.filter((g) => g.cidrMask !== undefined);
    const used = explicit.reduce((a, g) => a + zones * 2 ** (32 - (g.cidrMask as number)), 0);
    const implicit = vpc.groups.length - explicit.length;
    const free = 2 ** (32 - vpcMask) - used;
    const tooSmall = explicit.some((g) => (g.cidrMask as number) < vpcMask);
    if (tooSmall || free < 0 || (implicit > 0 && free < implicit * zones * 16)) {
      for (const g of explicit) delete g.cidrMask;
      this.ctx.note(
        'warning',
        `the subnets of ${vpc.node?.id ?? 'the generated VPC'} do not fit ${vpc.cidr} once repeated in each of ${zones} zones; the CDK app lets the Vpc size them`,
        vpc.node?.id,
      );
    }
  }

  /** Declares every VPC in its stack. */
  emit(): void {
    for (const vpc of this.vpcs) {
      const props: Record<string, unknown> = {
        ipAddresses: code(`ec2.IpAddresses.cidr(${str(vpc.cidr)})`),
        natGateways: vpc.natGateways,
        subnetConfiguration: vpc.groups.map((g) => ({
          name: g.name,
          subnetType: code(`ec2.SubnetType.${g.type}`),
          cidrMask: g.cidrMask,
        })),
      };
      if (vpc.availabilityZones) props.availabilityZones = vpc.availabilityZones;
      else props.maxAzs = vpc.maxAzs;
      vpc.stack.construct(
        vpc.v,
        'ec2.Vpc',
        vpc.constructId,
        props,
        vpc.node
          ? `VPC ${vpc.node.id}: ${vpc.node.label}`
          : 'Network for VPC-resident nodes outside any VPC group',
      );
      if (vpc.flowLogs) vpc.stack.line(`${vpc.v}.addFlowLog(${str(`${vpc.constructId}FlowLog`)});`);
      if (vpc.node) this.ctx.register({ node: vpc.node, stack: vpc.stack, v: vpc.v, type: 'ec2.Vpc' });
    }
  }

  /** The ECS cluster of a VPC, declared on first use. */
  ecsCluster(vpc: VpcPlan): string {
    if (vpc.ecsCluster) return vpc.ecsCluster;
    const key = vpc.node?.id ?? `\u0000${vpc.stack.region}`;
    const v = this.ctx.partVar(key, 'cluster');
    vpc.stack.construct(v, 'ecs.Cluster', vpc.stack.id(`${key}#cluster`, `${vpc.constructId}Cluster`), {
      vpc: code(vpc.v),
      containerInsightsV2: code('ecs.ContainerInsights.ENABLED'),
    });
    if (vpc.cloudMap)
      vpc.stack.line(
        `${v}.addDefaultCloudMapNamespace({ name: ${str(`${dnsLabel(vpc.constructId)}.internal`)} });`,
      );
    vpc.ecsCluster = v;
    return v;
  }
}
