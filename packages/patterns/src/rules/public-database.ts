import { canContain } from '../catalog/registry';
import type { ArchitectureDocument, DocumentEdge, DocumentNode, EdgeConfig } from '../document/schema';
import { type Graph, graphOf, type ResolvedEdge } from '../graph/graph';
import { capitalize } from '../util/text';
import { accessOf, gatewayAuthenticates, kindHasTrait, named, ruleContext, setting } from './context';
import { defineRule } from './define-rule';
import { Additions, beside, parentFor } from './edit';
import type { Draft, RuleContext } from './types';

export const publicDatabase = defineRule({
  id: 'public-database',
  title: 'Database reachable from the internet',
  severity: 'error',
  pillar: 'security',
  explanation:
    'A database, replica, cache or search index that clients can reach without a service in between is ' +
    'exposed to the whole internet: its port can be scanned and brute-forced, every client holds credentials ' +
    'that cannot be kept secret, and one leaked password or unpatched engine is a data breach. Passing ' +
    'through DNS, a CDN, a WAF, a load balancer or an API gateway without authentication does not change ' +
    'that; nor does a public subnet, which gives the database a public address. Zero trust keeps data ' +
    'stores in private subnets and lets only services (which authenticate callers and own the queries) talk ' +
    'to them. An API gateway that authenticates callers may integrate with a table directly, and object ' +
    'storage behind a CDN is the usual way to serve static files, so neither is flagged.',
  pattern: 'Security Patterns: Zero Trust Architecture (private data tier)',
  check(graph, ctx) {
    const reach = publicReach(graph, ctx);
    const drafts: Draft[] = [];
    const data = ctx.withTrait('data');
    const numbers = ctx.indicesWithTrait('data');
    for (let d = 0; d < data.length; d++) {
      const node = data[d] as DocumentNode;
      if (!isProtected(node)) continue;
      const path = reach.pathTo.get(node.id);
      const subnet = publicSubnetOf(graph, node, numbers[d]);
      if (!path && !subnet) continue;
      const problems: string[] = [];
      const nodeIds = [node.id];
      if (path) {
        const start = path[0]?.source as DocumentNode;
        nodeIds.push(start.id);
        const hops = [start, ...path.map((r) => r.target)].map(named).join(' → ');
        problems.push(`can be reached from ${named(start)} with no service in between (${hops})`);
      }
      if (subnet) {
        nodeIds.push(subnet.id);
        problems.push(`sits in public subnet ${named(subnet)}, which gives it an internet-facing address`);
      }
      const fixes = [path && 'put a service in front of it', subnet && 'move it to a private subnet'].filter(
        (f): f is string => typeof f === 'string',
      );
      drafts.push({
        nodeIds,
        edgeIds: path?.map((r) => r.edge.id) ?? [],
        discriminator: node.id,
        message: `${named(node)} ${problems.join(', and ')}.`,
        fixLabel: capitalize(fixes.join(' and ')),
      });
    }
    return drafts;
  },
  fix: {
    id: 'make-private',
    label: 'Put a service in front and keep it private',
    apply(doc, finding) {
      const graph = graphOf(doc);
      const node = graph.nodes.get(finding.nodeIds[0] as string);
      if (!node) return doc;
      const reach = publicReach(graph, ruleContext(doc));
      let next = doc;
      if (reach.pathTo.has(node.id)) next = putServiceInFront(next, graph, reach.reached, node);
      if (publicSubnetOf(graph, node)) next = moveToPrivateSubnet(next, graph, node);
      return next;
    },
  },
});

/** Object storage is served through a CDN by design (static sites, with origin access control). */
export function isProtected(node: DocumentNode): boolean {
  return node.kind !== 'object-storage';
}

export interface Reach {
  /** Entry points and the front-door nodes public traffic passes through. */
  reached: Set<string>;
  /** For each data store public traffic arrives at: the edges from an entry point to it. */
  pathTo: Map<string, ResolvedEdge[]>;
}

/**
 * One breadth-first walk from every client and CDN over sync and async edges, through front-door
 * nodes that do not stop anonymous traffic (DNS, CDN, WAF, load balancer, an API gateway without
 * authentication). O(nodes + edges).
 */
export function publicReach(graph: Graph, ctx: RuleContext): Reach {
  const via = new Map<string, ResolvedEdge | null>();
  const queue: DocumentNode[] = [];
  for (const n of [...ctx.withTrait('entry'), ...ctx.ofKind('cdn')]) {
    if (!via.has(n.id)) {
      via.set(n.id, null);
      queue.push(n);
    }
  }
  const pathTo = new Map<string, ResolvedEdge[]>();
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q] as DocumentNode;
    for (const r of graph.outgoing(n.id)) {
      if (r.kind !== 'sync' && r.kind !== 'async') continue;
      const t = r.target;
      if (kindHasTrait(t.kind, 'data')) {
        if (!pathTo.has(t.id)) pathTo.set(t.id, pathBack(via, r));
      } else if (!via.has(t.id) && passesPublicTraffic(graph, t)) {
        via.set(t.id, r);
        queue.push(t);
      }
    }
  }
  return { reached: new Set(via.keys()), pathTo };
}

function pathBack(via: Map<string, ResolvedEdge | null>, last: ResolvedEdge): ResolvedEdge[] {
  const path = [last];
  for (let r = via.get(last.source.id); r; r = via.get(r.source.id)) path.unshift(r);
  return path;
}

function passesPublicTraffic(graph: Graph, node: DocumentNode): boolean {
  if (!kindHasTrait(node.kind, 'edge')) return false;
  if (node.kind === 'api-gateway') return !gatewayAuthenticates(graph, node);
  return true;
}

function publicSubnetOf(graph: Graph, node: DocumentNode, index?: number): DocumentNode | undefined {
  const subnet =
    index === undefined ? graph.enclosing(node.id, 'subnet') : graph.enclosingAt(index, 'subnet');
  return subnet && setting<boolean>(subnet, 'public') === true ? subnet : undefined;
}

/**
 * Inserts a function between the public side and `node`: every edge from an entry point or front
 * door into `node` now ends at the function, which reads (and writes, when any of them did) the
 * data store. A read replica is only ever read.
 */
function putServiceInFront(
  doc: ArchitectureDocument,
  graph: Graph,
  reached: ReadonlySet<string>,
  node: DocumentNode,
): ArchitectureDocument {
  const exposed = graph
    .incoming(node.id)
    .filter((r) => (r.kind === 'sync' || r.kind === 'async') && reached.has(r.source.id));
  const add = new Additions(doc);
  const parent = parentFor(doc, node, 'function');
  const fn: Omit<DocumentNode, 'id'> = {
    kind: 'function',
    label: `${node.label.trim() === '' ? node.id : node.label} API`,
  };
  if (parent !== undefined) fn.parent = parent;
  const position = beside(node, parent, { x: -220, y: 0 });
  if (position) fn.position = position;
  const fnId = add.node(`${node.id}-api`, fn);
  const writes = node.kind !== 'read-replica' && exposed.some((r) => accessOf(r.edge) !== 'read');
  add.edge(fnId, node.id, 'sync', { access: writes ? 'readwrite' : 'read' });
  const ids = new Set(exposed.map((r) => r.edge.id));
  const edges = doc.edges.map((e): DocumentEdge => {
    if (!ids.has(e.id)) return e;
    const { access: _access, ...rest } = e.config ?? {};
    const moved: DocumentEdge = { ...e, target: fnId, kind: 'sync' };
    if (Object.keys(rest).length > 0) moved.config = rest as EdgeConfig;
    else delete moved.config;
    return moved;
  });
  return add.applyTo({ ...doc, edges });
}

/** Moves `node` into a private subnet of its VPC, else into the VPC itself, else out of the subnet. */
function moveToPrivateSubnet(
  doc: ArchitectureDocument,
  graph: Graph,
  node: DocumentNode,
): ArchitectureDocument {
  const vpc = graph.enclosing(node.id, 'vpc');
  let target: string | undefined;
  if (vpc) {
    const stack = [...graph.children(vpc.id)];
    while (stack.length > 0 && target === undefined) {
      const g = stack.shift() as DocumentNode;
      if (g.kind === 'subnet' && setting<boolean>(g, 'public') !== true && canContain('subnet', node.kind))
        target = g.id;
      else if (g.kind === 'availability-zone') stack.push(...graph.children(g.id));
    }
    if (target === undefined && canContain('vpc', node.kind)) target = vpc.id;
  }
  if (target === undefined) {
    const above = graph.ancestors(node.id).find((a) => a.kind !== 'subnet' && canContain(a.kind, node.kind));
    target = above?.id;
  }
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (n.id !== node.id) return n;
      // Positions are relative to the parent: let layout place the node in its new group.
      const { position: _position, parent: _parent, ...rest } = n;
      return target === undefined ? rest : { ...rest, parent: target };
    }),
  };
}
