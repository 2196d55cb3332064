import { type DocumentNode, getKind, type ResolvedEdge } from '@stackdraft/patterns';
import { freeText } from '../aws-names';
import type { ExportContext, NodeExport, SecurityGroup } from '../context';
import type { Value } from '../hcl';
import type { Access, Statement } from '../iam';
import type { Res } from '../module';
import type { Network } from '../network';

/**
 * Adds a node's value to the output of its kind, `<kind>_<what>` (`what` is plural), a map by node
 * id (e.g. `queue_urls["orders-queue"]`): a few outputs however large the design, easy to read
 * from scripts.
 */
export function output(
  ctx: ExportContext,
  node: DocumentNode,
  what: string,
  description: string,
  value: Value,
): void {
  const key = `${node.kind}/${what}`;
  let named = outputNames.get(key);
  if (!named) {
    named = {
      name: `${node.kind.replace(/-/g, '_')}_${what}`,
      description: `${getKind(node.kind).label} nodes: ${description}, by node id.`,
    };
    outputNames.set(key, named);
  }
  ctx.module.output(named.name, named.description, node.id, value);
}

/** Output names and descriptions by kind and value: the same few for every design. */
const outputNames = new Map<string, { name: string; description: string }>();

/** The export of the other end of an edge, when that node was exported. */
export function target(ctx: ExportContext, edge: ResolvedEdge): NodeExport | undefined {
  return ctx.exports.get(edge.target.id);
}

export function source(ctx: ExportContext, edge: ResolvedEdge): NodeExport | undefined {
  return ctx.exports.get(edge.source.id);
}

/**
 * Lets an AWS service invoke a function from one source (`aws_lambda_permission`), created with the
 * function's region so that it lands where the function is.
 */
export function lambdaPermission(
  ctx: ExportContext,
  owner: DocumentNode,
  fn: NodeExport,
  service: string,
  sourceArn: Value,
  hint: string,
): Res {
  const lambda = fn.lambda as Res;
  return ctx.done(
    owner,
    'aws_lambda_permission',
    `${hint}-invoke-${fn.node.id}`,
    {
      statement_id: `Allow-${hint}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 100),
      action: 'lambda:InvokeFunction',
      function_name: lambda.ref('function_name'),
      principal: service,
      source_arn: sourceArn,
    },
    { provider: ctx.providerOf(fn.node.id) },
  );
}

/** Warns and returns false when an edge joins two regions a service cannot span. */
export function requireSameRegion(ctx: ExportContext, edge: ResolvedEdge, what: string): boolean {
  const a = ctx.graph.regionOf(edge.source.id);
  const b = ctx.graph.regionOf(edge.target.id);
  if (a === b) return true;
  ctx.warn(
    `${what} cannot span regions (${edge.source.id} is in ${a}, ${edge.target.id} in ${b}); not exported.`,
    edge.source.id,
    edge.edge.id,
  );
  return false;
}

/** A grant function from the actions each access needs, on the given resources. */
export function grantBy(
  actions: Partial<Record<Access, readonly string[]>>,
  resource: Value,
): (access: Access) => Statement[] {
  return (access) => {
    // Statements are read-only: a single access's list is shared as it is.
    const list =
      access === 'readwrite'
        ? [...new Set([...(actions.read ?? []), ...(actions.write ?? [])])]
        : (actions[access] ?? []);
    return list.length > 0 ? [{ actions: list, resource }] : [];
  };
}

/** Free text for an AWS description argument, or undefined when the label is empty. */
export function description(text: string | undefined, maxBytes: number): string | undefined {
  const t = freeText(text ?? '', maxBytes);
  return t === '' ? undefined : t;
}

/** Where a VPC-resident node lives: its network, subnets (one per zone) and security group. */
export interface Placement {
  network: Network;
  subnets: Value[];
  sg: SecurityGroup;
}

/**
 * Places a VPC-resident node: in its VPC group (or its region's default VPC), in the subnets of
 * its subnet group (else of its tier), with its own security group. Compute that runs in private
 * subnets asks for NAT egress.
 */
export function placeInVpc(
  ctx: ExportContext,
  node: DocumentNode,
  options: { isPublic?: boolean; minAzs?: number; compute?: boolean; network?: Network } = {},
): Placement {
  const network = options.network ?? ctx.networkFor(node.id);
  const subnetNode = ctx.subnetNodeOf(node.id);
  const subnets = network.subnetsFor(subnetNode, options.isPublic ?? false, options.minAzs ?? 2);
  const inPublic = subnetNode
    ? ctx.config<{ public: boolean }>(ctx.graph.nodes.get(subnetNode) as DocumentNode).public
    : options.isPublic;
  if (options.compute && !inPublic) network.requireEgress(node.id);
  return { network, subnets, sg: ctx.securityGroup(node, network, options.compute ?? false) };
}

/**
 * The subnet group a data service places its instances with (`aws_db_subnet_group`,
 * `aws_docdb_subnet_group`, `aws_elasticache_subnet_group`): the node's subnets, named after it.
 */
export function subnetGroup(ctx: ExportContext, node: DocumentNode, type: string, subnets: Value[]): Res {
  return ctx.done(node, type, node.id, {
    name: ctx.names.name('subnetGroup', node.id),
    subnet_ids: subnets,
    tags: ctx.tags(node.id, node.id),
  });
}

/**
 * A route from an edge's `config.route` (user text such as `/orders/*`) as a clean path:
 * segments keep URL-safe characters, `{param}` stays, and a trailing `*` becomes `{proxy+}`
 * (API Gateway's greedy parameter). Undefined when nothing usable is left.
 */
export function routePath(route: string | undefined): string | undefined {
  if (route === undefined) return undefined;
  const parts = route.split('/');
  const segments: string[] = [];
  parts.forEach((raw, i) => {
    const last = i === parts.length - 1;
    if (raw === '*' || raw === '**') {
      if (last) segments.push('{proxy+}');
      return;
    }
    const param = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(raw);
    if (param) {
      if (!param[2] || last) segments.push(raw);
      return;
    }
    const clean = raw.replace(/[^A-Za-z0-9._~-]/g, '');
    if (clean) segments.push(clean);
  });
  return segments.length > 0 ? `/${segments.join('/')}` : undefined;
}
