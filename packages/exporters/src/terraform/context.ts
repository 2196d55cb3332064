import {
  type ArchitectureDocument,
  type DocumentNode,
  type Graph,
  getKind,
  type ResolvedEdge,
  resolveConfig,
} from '@stackdraft/patterns';
import type { ExportDiagnostic } from '../types';
import { AwsNames, tagText } from './aws-names';
import { type Body, quote, Raw, tpl, type Value, type ValueMap } from './hcl';
import { oneLine } from './hcl-print';
import { assumeRolePolicy, Principal } from './iam';
import { type NodeExport, SecurityGroup } from './node-export';

export type { KindMapper, NodeExport } from './node-export';
export { SecurityGroup } from './node-export';

import { identifierOf, type Res, type ResourceOptions, TfModule, type TierFile } from './module';
import { Network, type NetworkHost } from './network';

const CATEGORY_FILES: Record<string, TierFile> = {
  groups: 'network',
  edge: 'edge',
  compute: 'compute',
  messaging: 'messaging',
  data: 'data',
  operations: 'operations',
};

const NO_EDGES: readonly ResolvedEdge[] = Object.freeze([]);

/** Each kind's default config, frozen: what `resolveConfig` gives a node without config. */
const defaultsByKind = new Map<string, unknown>();

function kindDefaults(kind: string): unknown {
  let d = defaultsByKind.get(kind);
  if (d === undefined) {
    d = Object.freeze(resolveConfig({ kind }));
    defaultsByKind.set(kind, d);
  }
  return d;
}

const DEFAULT_NETWORK = { cidr: '10.0.0.0/16', natGateways: 1, flowLogs: false, defaultDeny: false };

/** Everything one export run shares: the module being built, names, networks, diagnostics. */
export class ExportContext implements NetworkHost {
  readonly module = new TfModule();
  readonly names = new AwsNames();
  readonly diagnostics: ExportDiagnostic[] = [];
  readonly exports = new Map<string, NodeExport>();
  readonly handledEdges = new Set<string>();
  readonly networks = new Map<string, Network>();
  readonly principals: Principal[] = [];
  readonly regionAliases = new Map<string, string>();
  readonly azRegions = new Set<string>();
  usesPartition = false;
  private readonly index = new Map<string, number>();
  private readonly configs = new Map<string, unknown>();
  private readonly sharedValues = new Map<string, unknown>();
  private readonly nodeTags = new Map<string, Value>();
  private readonly owners = new Map<string, ResourceOptions>();
  private readonly nodeIdentifiers = new Map<string, string>();

  constructor(
    readonly doc: ArchitectureDocument,
    readonly graph: Graph,
  ) {
    doc.nodes.forEach((n, i) => {
      this.index.set(n.id, i);
    });
    for (const n of doc.nodes) {
      // Same rule as graph.regionOf: a region group without a name is the document's region.
      if (n.kind === 'region') this.aliasFor(typeof n.config?.name === 'string' ? n.config.name : doc.region);
    }
  }

  get production(): boolean {
    return this.doc.environment === 'production';
  }

  /**
   * The node's config with defaults (resolved once per node; read-only). A node without config
   * shares its kind's defaults, parsed once per process: schema parses were a visible share of
   * large exports.
   */
  config<T>(node: DocumentNode): T {
    if (node.config === undefined) return kindDefaults(node.kind) as T;
    let c = this.configs.get(node.id);
    if (c === undefined) {
      c = resolveConfig<T>(node);
      this.configs.set(node.id, c);
    }
    return c as T;
  }

  // -- providers and regions ------------------------------------------------------------------

  private aliasFor(region: string): string {
    let a = this.regionAliases.get(region);
    if (!a) {
      a = region.replace(/-/g, '_');
      this.regionAliases.set(region, a);
    }
    return a;
  }

  /** The provider alias for a region: its region group's alias, else the default provider. */
  providerForRegion(region: string, create = false): string | undefined {
    const a = this.regionAliases.get(region);
    if (a || (!create && region === this.doc.region)) return a;
    if (region === this.doc.region) return undefined;
    return this.aliasFor(region);
  }

  providerOf(nodeId: string): string | undefined {
    return this.providerForRegion(this.graph.regionOf(nodeId), true);
  }

  /** `data.aws_partition.current.partition`, so that ARNs work in every AWS partition. */
  partition(): Raw {
    this.usesPartition = true;
    return new Raw('data.aws_partition.current.partition');
  }

  az(region: string, index: number): Value {
    this.azRegions.add(region);
    return new Raw(`var.availability_zones[${quote(region)}][${index}]`);
  }

  // -- resources ------------------------------------------------------------------------------

  /** Where a node's resources go: its tier's file, in document order, with its region's provider. */
  owner(node: DocumentNode): ResourceOptions {
    let o = this.owners.get(node.id);
    if (!o) {
      o = {
        file: CATEGORY_FILES[getKind(node.kind).category] ?? 'operations',
        order: this.index.get(node.id) ?? 0,
        provider: this.providerOf(node.id),
      };
      this.owners.set(node.id, o);
    }
    return o;
  }

  /** A resource of `node` that mappers may still change (it is printed at the end). */
  res(node: DocumentNode, type: string, hint: string, body: Body, extra?: Partial<ResourceOptions>): Res {
    const owner = this.owner(node);
    // Most resources are named after their node: its identifier is made once.
    const stem = hint === node.id ? this.identifierOfNode(node.id) : undefined;
    return this.module.resource(type, hint, body, extra ? Object.assign({}, owner, extra) : owner, stem);
  }

  private identifierOfNode(id: string): string {
    let s = this.nodeIdentifiers.get(id);
    if (s === undefined) {
      s = identifierOf(id);
      this.nodeIdentifiers.set(id, s);
    }
    return s;
  }

  /** A resource of `node` that is complete as created: printed and sealed right away. */
  done(
    node: DocumentNode,
    type: string,
    hint: string,
    body: Body,
    extra?: Partial<ResourceOptions> & { dependsOn?: readonly Res[] },
  ): Res {
    const { dependsOn, ...options } = extra ?? {};
    const r = this.res(node, type, hint, body, extra ? options : undefined);
    if (dependsOn) r.depend(...dependsOn);
    return r.seal();
  }

  /** Tags: the node id (to trace resources back to the design) and a Name. */
  tags(nodeId: string | undefined, nameSuffix: string): Value {
    // Printed once per node: every resource of the node carries the same tags.
    const known = nodeId === undefined ? undefined : this.nodeTags.get(nodeId);
    if (known) return known;
    const node = nodeId ? this.graph.nodes.get(nodeId) : undefined;
    if (!node) return { Name: tpl`${this.names.prefix}-${nameSuffix}` };
    const tags: ValueMap = { Name: this.nameTag(node.id), 'stackdraft:node': node.id };
    const text = oneLine(tags);
    // Kept to the end of the export: flattened now, so that the pieces it was built from die.
    text?.charCodeAt(0);
    const t = text === undefined ? tags : new Raw(text);
    this.nodeTags.set(node.id, t);
    return t;
  }

  /** The Name tag of a node's resources: its label, in the characters AWS tags accept. */
  nameTag(nodeId: string): string {
    const node = this.graph.nodes.get(nodeId);
    return (node && tagText(node.label)) || nodeId;
  }

  /** The trust policy of roles assumed by `service`, shared through a local. */
  assumeRole(service: string): Raw {
    const services = this.shared('assume-role-services', () => ({}) as Record<string, Value>);
    services[service] ??= assumeRolePolicy(service);
    return new Raw(`${this.module.local('assume_role_policy', () => services).text}[${quote(service)}]`);
  }

  /** A value computed once per export and shared (an ECS cluster per region, ...). */
  shared<T>(key: string, create: () => T): T {
    if (this.sharedValues.has(key)) return this.sharedValues.get(key) as T;
    const v = create();
    this.sharedValues.set(key, v);
    return v;
  }

  // -- IAM and networking ---------------------------------------------------------------------

  /** A role for `node`, assumed by `service`; its policy is written from what edges allow. */
  principal(node: DocumentNode, service: string, suffix = ''): Principal {
    const base = suffix ? `${node.id}-${suffix}` : node.id;
    const role = this.done(node, 'aws_iam_role', base, {
      name: this.names.name('iamRole', base),
      assume_role_policy: this.assumeRole(service),
      tags: this.tags(node.id, base),
    });
    const p = new Principal(role, node.id, {
      policy: () =>
        this.res(node, 'aws_iam_role_policy', base, {
          name: 'least-privilege',
          role: role.ref('id'),
          policy: undefined,
        }),
      attachment: (managed) =>
        this.done(node, 'aws_iam_role_policy_attachment', `${base}-${managed.split('/').pop() ?? managed}`, {
          role: role.ref('name'),
          policy_arn: tpl`arn:${this.partition()}:iam::aws:policy/${managed}`,
        }),
    });
    this.principals.push(p);
    return p;
  }

  /** The VPC a node lives in: its VPC group, else a default VPC for its region. */
  networkFor(nodeId: string): Network {
    const vpc = this.graph.enclosing(nodeId, 'vpc');
    if (vpc) {
      const n = this.networks.get(vpc.id);
      if (n) return n;
    }
    return this.defaultNetwork(this.graph.regionOf(nodeId));
  }

  /** Zones a network must span (MSK with 3, 6, 9... brokers needs three), by network key. */
  readonly zoneWants = new Map<string, number>();

  /** The key of the network a node lands in: its VPC group's id, else `default:<region>`. */
  networkKeyOf(nodeId: string): string {
    return this.graph.enclosing(nodeId, 'vpc')?.id ?? `default:${this.graph.regionOf(nodeId)}`;
  }

  defaultNetwork(region: string): Network {
    const key = `default:${region}`;
    let n = this.networks.get(key);
    if (!n) {
      const azCount = this.zoneWants.get(key) ?? 2;
      const owner: ResourceOptions = {
        file: 'network',
        order: this.doc.nodes.length,
        provider: this.providerForRegion(region, true),
      };
      n = new Network(this, key, undefined, region, owner, Object.assign({}, DEFAULT_NETWORK, { azCount }));
      this.networks.set(key, n);
    }
    return n;
  }

  /** Id of the nearest subnet group around a node, if any. */
  subnetNodeOf(nodeId: string): string | undefined {
    return this.graph.enclosing(nodeId, 'subnet')?.id;
  }

  securityGroup(node: DocumentNode, network: Network, egressAll: boolean): SecurityGroup {
    const res = this.done(node, 'aws_security_group', node.id, {
      name: this.names.name('securityGroup', node.id),
      description: `Stackdraft ${node.kind} ${node.id}`,
      vpc_id: network.vpc.ref('id'),
      tags: this.tags(node.id, node.id),
    });
    const sg = new SecurityGroup(res, network, node.id, egressAll);
    if (egressAll) {
      this.done(node, 'aws_vpc_security_group_egress_rule', `${node.id}-all`, {
        security_group_id: res.ref('id'),
        description: 'Outbound to anywhere (registries, AWS APIs, called services)',
        cidr_ipv4: '0.0.0.0/0',
        ip_protocol: '-1',
      });
    }
    return sg;
  }

  /** Lets `from` open TCP connections to `to` on `port` (and out of `from` when it is not open). */
  allowTcp(from: SecurityGroup, to: SecurityGroup, port: number): void {
    if (from === to && from.rules.has(`self:${port}`)) return;
    if (from.network !== to.network) {
      const where =
        from.network.region === to.network.region
          ? 'different VPCs; connect them (peering or Transit Gateway)'
          : `different regions (${from.network.region}, ${to.network.region}); connect them (inter-region peering or Transit Gateway) or call through a public endpoint`;
      this.warn(
        `${from.nodeId} calls ${to.nodeId} across ${where}: no security group rule was exported for it.`,
        from.nodeId,
      );
      return;
    }
    const key = `${from.nodeId}>${port}`;
    if (to.rules.has(key)) return;
    to.rules.add(key);
    const node = this.graph.nodes.get(to.nodeId) as DocumentNode;
    this.done(node, 'aws_vpc_security_group_ingress_rule', `${to.nodeId}-from-${from.nodeId}-${port}`, {
      security_group_id: to.res.ref('id'),
      referenced_security_group_id: from.res.ref('id'),
      description: `From ${from.nodeId}`,
      ip_protocol: 'tcp',
      from_port: port,
      to_port: port,
    });
    if (!from.egressAll) {
      const fromNode = this.graph.nodes.get(from.nodeId) as DocumentNode;
      this.done(fromNode, 'aws_vpc_security_group_egress_rule', `${from.nodeId}-to-${to.nodeId}-${port}`, {
        security_group_id: from.res.ref('id'),
        referenced_security_group_id: to.res.ref('id'),
        description: `To ${to.nodeId}`,
        ip_protocol: 'tcp',
        from_port: port,
        to_port: port,
      });
    }
  }

  /** Opens `port` on `to` to a CIDR range (the internet for a public load balancer). */
  allowCidr(to: SecurityGroup, cidr: string, port: number): void {
    const node = this.graph.nodes.get(to.nodeId) as DocumentNode;
    this.done(node, 'aws_vpc_security_group_ingress_rule', `${to.nodeId}-from-internet-${port}`, {
      security_group_id: to.res.ref('id'),
      description: 'From the internet',
      cidr_ipv4: cidr,
      ip_protocol: 'tcp',
      from_port: port,
      to_port: port,
    });
  }

  // -- edges and diagnostics ------------------------------------------------------------------

  /** The node's edges of the given kinds, out of it (`out`) or into it (`in`). */
  edges(nodeId: string, direction: 'in' | 'out', ...kinds: string[]): readonly ResolvedEdge[] {
    const list = direction === 'out' ? this.graph.outgoing(nodeId) : this.graph.incoming(nodeId);
    if (kinds.length === 0) return list;
    // Most nodes have no edge of the kinds asked for: no new list for them.
    let out: ResolvedEdge[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const e = list[i] as ResolvedEdge;
      if (e.kind === undefined || !kinds.includes(e.kind)) continue;
      if (out) out.push(e);
      else out = [e];
    }
    return out ?? NO_EDGES;
  }

  handled(edge: ResolvedEdge): void {
    this.handledEdges.add(edge.edge.id);
  }

  info(message: string, nodeId?: string, edgeId?: string): void {
    this.push('info', message, nodeId, edgeId);
  }

  warn(message: string, nodeId?: string, edgeId?: string): void {
    this.push('warning', message, nodeId, edgeId);
  }

  private push(
    severity: ExportDiagnostic['severity'],
    message: string,
    nodeId?: string,
    edgeId?: string,
  ): void {
    message.charCodeAt(0); // kept to the end: one flat string rather than the pieces it was built from
    const d: ExportDiagnostic = { severity, message };
    if (nodeId !== undefined) d.nodeId = nodeId;
    if (edgeId !== undefined) d.edgeId = edgeId;
    this.diagnostics.push(d);
  }
}
