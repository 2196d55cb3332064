import type { AwsNames } from './aws-names';
import { type Cidr, formatCidr, overlaps, parseCidr, subnetOf } from './cidr';
import { type Body, tpl, type Value } from './hcl';
import { policyDocument } from './iam';
import type { Res, ResourceOptions, TfModule } from './module';

/** What a network needs from the export: resources, names, tags, diagnostics. */
export interface NetworkHost {
  readonly module: TfModule;
  readonly names: AwsNames;
  /** Tags for a resource, with a Name built from `nameSuffix`. */
  tags(nodeId: string | undefined, nameSuffix: string): Value;
  /** The shared trust policy of roles assumed by an AWS service. */
  assumeRole(service: string): Value;
  /** The availability zone with this index in `region` (from the availability_zones variable). */
  az(region: string, index: number): Value;
  warn(message: string, nodeId?: string): void;
}

export interface NetworkSettings {
  cidr: string;
  natGateways: number;
  flowLogs: boolean;
  defaultDeny: boolean;
  azCount: number;
}

/** An availability zone: an index into the region's zones, or a zone named in the design. */
type AzKey = number | string;

interface Subnet {
  readonly res: Res;
  readonly az: AzKey;
}

export interface SubnetGroup {
  /** The design's subnet node, or undefined for subnets the exporter adds. */
  readonly nodeId: string | undefined;
  readonly isPublic: boolean;
  readonly subnets: Subnet[];
}

/**
 * A VPC (drawn in the design, or a default one the exporter adds for VPC-resident nodes drawn
 * outside any VPC) with its subnets. Nodes ask for subnets by tier as they are mapped; the
 * gateways and route tables follow from what was asked for, at the end.
 */
export class Network {
  readonly groups: SubnetGroup[] = [];
  private readonly byNode = new Map<string, SubnetGroup>();
  private readonly synthesized = new Map<boolean, SubnetGroup>();
  private readonly taken: Cidr[] = [];
  private needsEgress = false;
  readonly vpc: Res;
  private readonly cidr: Cidr;

  constructor(
    private readonly host: NetworkHost,
    readonly key: string,
    readonly nodeId: string | undefined,
    readonly region: string,
    private readonly owner: ResourceOptions,
    readonly settings: NetworkSettings,
  ) {
    this.cidr = parseCidr(settings.cidr) ?? { base: 10 << 24, prefix: 16 };
    this.vpc = this.res('aws_vpc', this.label(), {
      cidr_block: formatCidr(this.cidr),
      enable_dns_support: true,
      enable_dns_hostnames: true,
      tags: host.tags(nodeId, this.label()),
    });
  }

  private label(): string {
    return this.nodeId ?? `network-${this.region}`;
  }

  /** A network resource; all are complete when created, so they are printed and sealed at once. */
  private res(type: string, hint: string, body: Body, dependsOn?: Res): Res {
    const r = this.host.module.resource(type, hint.replace(/-/g, '_'), body, this.owner);
    if (dependsOn) r.depend(dependsOn);
    return r.seal();
  }

  get azCount(): number {
    return this.settings.azCount;
  }

  /** Adds the subnets of a subnet node: one per zone, splitting its range, or one in its named zone. */
  addDesignSubnet(nodeId: string, isPublic: boolean, cidrText: string, zone: string | undefined): void {
    const cidr = parseCidr(cidrText);
    const group: SubnetGroup = { nodeId, isPublic, subnets: [] };
    if (!cidr) return;
    this.taken.push(cidr);
    let parts: { cidr: Cidr; az: AzKey }[] = [{ cidr, az: zone ?? 0 }];
    if (zone === undefined && this.azCount > 1) {
      const newbits = Math.ceil(Math.log2(this.azCount));
      if (cidr.prefix + newbits <= 28) {
        parts = [];
        for (let i = 0; i < this.azCount; i++)
          parts.push({ cidr: subnetOf(cidr, newbits, i) as Cidr, az: i });
      } else {
        this.host.warn(
          `Subnet ${cidrText} is too small to split over ${this.azCount} availability zones: it is exported in one zone.`,
          nodeId,
        );
      }
    }
    for (const p of parts) group.subnets.push(this.subnet(nodeId, nodeId, isPublic, p.cidr, p.az));
    this.groups.push(group);
    this.byNode.set(nodeId, group);
  }

  private subnet(stem: string, nodeId: string | undefined, isPublic: boolean, cidr: Cidr, az: AzKey): Subnet {
    const suffix = typeof az === 'number' ? String.fromCharCode(97 + az) : az.slice(-1);
    const hint = `${stem}-${suffix}`;
    const res = this.res('aws_subnet', hint, {
      vpc_id: this.vpc.ref('id'),
      cidr_block: formatCidr(cidr),
      availability_zone: typeof az === 'number' ? this.host.az(this.region, az) : az,
      map_public_ip_on_launch: isPublic ? true : undefined,
      tags: this.host.tags(nodeId, hint),
    });
    return { res, az };
  }

  /** Subnets the exporter adds for a tier the design did not draw, in free parts of the VPC range. */
  private synthesize(isPublic: boolean): SubnetGroup {
    const existing = this.synthesized.get(isPublic);
    if (existing) return existing;
    const group: SubnetGroup = { nodeId: undefined, isPublic, subnets: [] };
    const newbits = Math.max(0, Math.min(8, 28 - this.cidr.prefix));
    const stem = `${this.label()}-${isPublic ? 'public' : 'private'}`;
    for (let netnum = 2 ** newbits - 1; netnum >= 0 && group.subnets.length < this.azCount; netnum--) {
      const c = subnetOf(this.cidr, newbits, netnum);
      if (!c || this.taken.some((t) => overlaps(t, c))) continue;
      this.taken.push(c);
      group.subnets.push(this.subnet(stem, undefined, isPublic, c, group.subnets.length));
    }
    if (group.subnets.length === 0) {
      this.host.warn(
        `No free address range is left in ${formatCidr(this.cidr)} for ${stem} subnets.`,
        this.nodeId,
      );
    }
    this.groups.push(group);
    this.synthesized.set(isPublic, group);
    return group;
  }

  /**
   * Subnet ids for a node: those of its own subnet node first, then other subnets of the same tier,
   * so that the result spans `minAzs` zones when it can; one subnet per zone.
   */
  subnetsFor(subnetNodeId: string | undefined, isPublic: boolean, minAzs = 2): Value[] {
    const own = subnetNodeId ? this.byNode.get(subnetNodeId) : undefined;
    const tier = own ? own.isPublic : isPublic;
    const picked: Subnet[] = [];
    const zones = new Set<AzKey>();
    const take = (g: SubnetGroup) => {
      for (const s of g.subnets) {
        if (zones.has(s.az)) continue;
        zones.add(s.az);
        picked.push(s);
      }
    };
    if (own) take(own);
    for (const g of this.groups) if (zones.size < minAzs && g.isPublic === tier && g.nodeId) take(g);
    if (zones.size < minAzs || picked.length === 0) take(this.synthesize(tier));
    return picked.map((s) => s.res.ref('id'));
  }

  /** Private subnets hold compute that reaches the internet (images, AWS APIs) through NAT. */
  requireEgress(nodeId: string): void {
    if (!this.needsEgress && this.settings.natGateways === 0) {
      this.host.warn(
        'This VPC has no NAT gateway, so services in its private subnets cannot reach container registries or AWS APIs; set natGateways to 1 or more, or add VPC endpoints.',
        nodeId,
      );
    }
    this.needsEgress = true;
  }

  /** Internet gateway, NAT gateways, route tables, flow logs: what the subnets asked for need. */
  finalize(): void {
    const privateSubnets = this.groups.filter((g) => !g.isPublic).flatMap((g) => g.subnets);
    const natCount =
      this.needsEgress && privateSubnets.length > 0 ? Math.min(this.settings.natGateways, this.azCount) : 0;
    if (natCount > 0 && !this.groups.some((g) => g.isPublic && g.subnets.length > 0)) this.synthesize(true);
    const publicSubnets = this.groups.filter((g) => g.isPublic).flatMap((g) => g.subnets);
    const name = this.label();

    if (publicSubnets.length > 0) {
      const igw = this.res('aws_internet_gateway', name, {
        vpc_id: this.vpc.ref('id'),
        tags: this.host.tags(undefined, name),
      });
      const rt = this.routeTable(`${name}-public`);
      this.res('aws_route', `${name}-public-internet`, {
        route_table_id: rt.ref('id'),
        destination_cidr_block: '0.0.0.0/0',
        gateway_id: igw.ref('id'),
      });
      for (const s of publicSubnets) this.associate(s, rt);

      const nats: Res[] = [];
      for (let i = 0; i < natCount; i++) {
        const home = publicSubnets.find((s) => s.az === i) ?? publicSubnets[i % publicSubnets.length];
        if (!home) break;
        const zone = String.fromCharCode(97 + i);
        const eip = this.res('aws_eip', `${name}-nat-${zone}`, {
          domain: 'vpc',
          tags: this.host.tags(undefined, `${name}-nat-${zone}`),
        });
        const nat = this.res(
          'aws_nat_gateway',
          `${name}-${zone}`,
          {
            allocation_id: eip.ref('id'),
            subnet_id: home.res.ref('id'),
            tags: this.host.tags(undefined, `${name}-${zone}`),
          },
          igw,
        );
        nats.push(nat);
      }
      if (nats.length > 0) {
        const tables = nats.map((nat, i) => {
          const t = this.routeTable(`${name}-private-${String.fromCharCode(97 + i)}`);
          this.res('aws_route', `${name}-private-${String.fromCharCode(97 + i)}-nat`, {
            route_table_id: t.ref('id'),
            destination_cidr_block: '0.0.0.0/0',
            nat_gateway_id: nat.ref('id'),
          });
          return t;
        });
        for (const s of privateSubnets) {
          this.associate(s, tables[typeof s.az === 'number' ? s.az % tables.length : 0] as Res);
        }
        this.extras();
        return;
      }
    }
    if (privateSubnets.length > 0) {
      const rt = this.routeTable(`${name}-private`);
      for (const s of privateSubnets) this.associate(s, rt);
    }
    this.extras();
  }

  private routeTable(hint: string): Res {
    return this.res('aws_route_table', hint, {
      vpc_id: this.vpc.ref('id'),
      tags: this.host.tags(undefined, hint),
    });
  }

  private associate(s: Subnet, rt: Res): void {
    this.res('aws_route_table_association', s.res.name, {
      subnet_id: s.res.ref('id'),
      route_table_id: rt.ref('id'),
    });
  }

  private extras(): void {
    const name = this.label();
    if (this.settings.defaultDeny) {
      // Strips the rules of the VPC's default security group: nothing talks unless a rule allows it.
      this.res('aws_default_security_group', name, {
        vpc_id: this.vpc.ref('id'),
        tags: this.host.tags(undefined, `${name}-default-deny`),
      });
    }
    if (this.settings.flowLogs) {
      const logs = this.res('aws_cloudwatch_log_group', `${name}-flow-logs`, {
        name: tpl`/stackdraft/${this.host.names.prefix}/vpc/${this.host.names.suffix('logGroup', name, `flow:${this.key}`)}`,
        retention_in_days: 90,
        tags: this.host.tags(undefined, `${name}-flow-logs`),
      });
      const role = this.res('aws_iam_role', `${name}-flow-logs`, {
        name: this.host.names.name('iamRole', `${name}-flow-logs`, '', `flow:${this.key}`),
        assume_role_policy: this.host.assumeRole('vpc-flow-logs.amazonaws.com'),
        tags: this.host.tags(undefined, `${name}-flow-logs`),
      });
      this.res('aws_iam_role_policy', `${name}-flow-logs`, {
        name: 'write-flow-logs',
        role: role.ref('id'),
        policy: policyDocument([
          {
            actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
            resource: tpl`${logs.ref('arn')}:*`,
          },
        ]),
      });
      this.res('aws_flow_log', name, {
        vpc_id: this.vpc.ref('id'),
        traffic_type: 'ALL',
        log_destination_type: 'cloud-watch-logs',
        log_destination: logs.ref('arn'),
        iam_role_arn: role.ref('arn'),
        tags: this.host.tags(undefined, `${name}-flow-logs`),
      });
    }
  }
}
