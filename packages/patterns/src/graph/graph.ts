import { findKind } from '../catalog/registry';
import type { EdgeKind, KindDefinition, Trait } from '../catalog/types';
import { allowedEdgeKinds } from '../connections/can-connect';
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';

/** An edge with its kind resolved (as written, or inferred from its two nodes). */
export interface ResolvedEdge {
  edge: DocumentEdge;
  /** Undefined when the kind was not written and the catalog allows no edge between the two kinds. */
  kind: EdgeKind | undefined;
  source: DocumentNode;
  target: DocumentNode;
}

/**
 * An index over a document built once in O(nodes + edges), shared by rules, cost and exporters so
 * that none of them walks the arrays again per node. Cached per document object: documents are
 * immutable values, so the same object always has the same index.
 */
export interface Graph {
  readonly doc: ArchitectureDocument;
  readonly nodes: ReadonlyMap<string, DocumentNode>;
  readonly edges: readonly ResolvedEdge[];
  readonly edgesById: ReadonlyMap<string, ResolvedEdge>;
  /** Kind definition of a node (undefined only for unknown kinds, which a loaded document never has). */
  kindOf(nodeId: string): KindDefinition | undefined;
  hasTrait(nodeId: string, trait: Trait): boolean;
  outgoing(nodeId: string): readonly ResolvedEdge[];
  incoming(nodeId: string): readonly ResolvedEdge[];
  /** Direct children of a group. */
  children(groupId: string): readonly DocumentNode[];
  /** Ancestors of a node, nearest first. */
  ancestors(nodeId: string): readonly DocumentNode[];
  /** The nearest ancestor of the given kind (e.g. 'region', 'availability-zone', 'subnet'). */
  enclosing(nodeId: string, kind: string): DocumentNode | undefined;
  /** The region code a node is deployed in: its region group's `config.name`, else the document's region. */
  regionOf(nodeId: string): string;
}

const EMPTY: readonly ResolvedEdge[] = Object.freeze([]);
const EMPTY_NODES: readonly DocumentNode[] = Object.freeze([]);
const inferred = new WeakMap<KindDefinition, Map<KindDefinition, EdgeKind | undefined>>();
function inferKind(source: KindDefinition, target: KindDefinition): EdgeKind | undefined {
  let byTarget = inferred.get(source);
  if (!byTarget) {
    byTarget = new Map();
    inferred.set(source, byTarget);
  }
  if (byTarget.has(target)) return byTarget.get(target);
  const k = allowedEdgeKinds(source, target)[0];
  byTarget.set(target, k);
  return k;
}
const cache = new WeakMap<ArchitectureDocument, Graph>();

/** The graph index of `doc` (built on first use, then cached for that document object). */
export function graphOf(doc: ArchitectureDocument): Graph {
  let g = cache.get(doc);
  if (!g) {
    g = buildGraph(doc);
    cache.set(doc, g);
  }
  return g;
}

function buildGraph(doc: ArchitectureDocument): Graph {
  const nodes = new Map<string, DocumentNode>();
  const kinds = new Map<string, KindDefinition | undefined>();
  const children = new Map<string, DocumentNode[]>();
  for (const n of doc.nodes) {
    nodes.set(n.id, n);
    kinds.set(n.id, findKind(n.kind));
    if (n.parent !== undefined) {
      const list = children.get(n.parent);
      if (list) list.push(n);
      else children.set(n.parent, [n]);
    }
  }

  const out = new Map<string, ResolvedEdge[]>();
  const inc = new Map<string, ResolvedEdge[]>();
  const edges: ResolvedEdge[] = [];
  const edgesById = new Map<string, ResolvedEdge>();
  for (const e of doc.edges) {
    const source = nodes.get(e.source);
    const target = nodes.get(e.target);
    if (!source || !target) continue;
    let kind = e.kind;
    if (!kind) {
      const sk = kinds.get(source.id);
      const tk = kinds.get(target.id);
      kind = sk && tk ? inferKind(sk, tk) : undefined;
    }
    const r: ResolvedEdge = { edge: e, kind, source, target };
    edges.push(r);
    edgesById.set(e.id, r);
    const o = out.get(source.id);
    if (o) o.push(r);
    else out.set(source.id, [r]);
    const i = inc.get(target.id);
    if (i) i.push(r);
    else inc.set(target.id, [r]);
  }

  const ancestorCache = new Map<string, readonly DocumentNode[]>();
  const ancestors = (id: string): readonly DocumentNode[] => {
    const cached = ancestorCache.get(id);
    if (cached) return cached;
    // Built on the parent's chain (groups nest a few levels deep); a parent cycle, which a loaded
    // document never has, is cut where it would repeat a node.
    const parentId = nodes.get(id)?.parent;
    const parent = parentId === undefined ? undefined : nodes.get(parentId);
    let chain: readonly DocumentNode[] = EMPTY_NODES;
    if (parent) {
      ancestorCache.set(id, EMPTY_NODES); // guards against a parent cycle while recursing
      const above = ancestors(parent.id);
      chain = above.some((a) => a.id === id) ? [parent] : [parent, ...above];
    }
    ancestorCache.set(id, chain);
    return chain;
  };

  return {
    doc,
    nodes,
    edges,
    edgesById,
    kindOf: (id) => kinds.get(id),
    hasTrait: (id, trait) =>
      (kinds.get(id)?.traits as readonly string[] | undefined)?.includes(trait) ?? false,
    outgoing: (id) => out.get(id) ?? EMPTY,
    incoming: (id) => inc.get(id) ?? EMPTY,
    children: (id) => children.get(id) ?? [],
    ancestors,
    enclosing: (id, kind) => ancestors(id).find((a) => a.kind === kind),
    regionOf: (id) => {
      const r = ancestors(id).find((a) => a.kind === 'region');
      const name = r?.config?.name;
      return typeof name === 'string' ? name : doc.region;
    },
  };
}
