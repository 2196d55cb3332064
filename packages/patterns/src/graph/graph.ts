import { findKind } from '../catalog/registry';
import type { EdgeKind, KindDefinition, Trait } from '../catalog/types';
import { allowedEdgeKinds } from '../connections/can-connect';
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import { buildAdjacency, type Csr, NodeMap, numberNodes, RecentLookup, rangeOf } from './compact';

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
  /** Every edge with both ends in the document, in document order (made on first use). */
  readonly edges: readonly ResolvedEdge[];
  /** `edges.length`, without making the edge objects. */
  readonly edgeCount: number;
  /** `edges[k]`, made on first use: passes that read the arrays make only the edges they report. */
  edgeAt(k: number): ResolvedEdge;
  /** Built on first use (few callers need it; it is the largest map of the index). */
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

  /**
   * The integer form of the index, for whole-graph passes on large designs: nodes numbered
   * 0..nodes.size-1 in document order, edges by their place in `edges`. Reading these arrays costs
   * no map lookup per step, which is what keeps rules linear in practice at 50,000 nodes.
   */
  readonly arrays: GraphArrays;
  /** A node's number in `arrays`, or -1 for an id that is not in the document. */
  indexOf(nodeId: string): number;
  /** `outgoing` / `incoming` / `regionOf` by node number. */
  outgoingAt(index: number): readonly ResolvedEdge[];
  incomingAt(index: number): readonly ResolvedEdge[];
  regionAt(index: number): string;
  /** `enclosing` by node number. */
  enclosingAt(index: number, kind: string): DocumentNode | undefined;
}

/** See `Graph.arrays`. Read only: shared by every user of the cached index. */
export interface GraphArrays {
  /** Node of each number (the last one written under its id). */
  readonly nodes: readonly DocumentNode[];
  readonly kinds: readonly (KindDefinition | undefined)[];
  /**
   * Number of each node's parent, -1 for none (or a parent id not in the document). A parent cycle
   * (never in a loaded document) makes walks loop: bound them by the node count.
   */
  readonly parents: Int32Array;
  /** Edges leaving node i are `edges[outEdges[outStart[i]]] .. edges[outEdges[outStart[i + 1] - 1]]`. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  /** The same for edges entering node i. */
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  /** Source and target node number of `edges[k]`. */
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** `edges[k].kind`, in a flat array so that passes over edges need not read each edge object. */
  readonly edgeKinds: readonly (EdgeKind | undefined)[];
  /** `edges[k].edge`: the document's edge. */
  readonly edgeDocs: readonly DocumentEdge[];
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
    g = new GraphIndex(doc);
    cache.set(doc, g);
  }
  return g;
}

/**
 * The index itself. Nodes are numbered by their place in `doc.nodes`; everything else (kinds,
 * parents, adjacency) is kept in arrays indexed by that number: typed arrays in compressed-sparse-
 * row form for the adjacency rather than a map of small arrays per node. On a 50,000-node design
 * the maps keyed by id strings and the ~100,000 small arrays were what made the build, and every
 * lookup after it, slower per node than on a small design (more memory to reach, more for the
 * garbage collector to copy); one id map and a few flat arrays keep the cost per node flat.
 * Edge objects and per-node edge lists are made on first request, so what nobody asks about
 * costs nothing.
 */
class GraphIndex implements Graph {
  readonly doc: ArchitectureDocument;
  readonly nodes: NodeMap;
  readonly edgeCount: number;
  /** Resolved edges by number, made on first request (see `edgeAt`). */
  private readonly edgeObjects: (ResolvedEdge | undefined)[];
  private allEdges = false;
  /** Node at each index (index = first place of that id in `doc.nodes`). */
  private readonly list: readonly DocumentNode[];
  private readonly kinds: (KindDefinition | undefined)[];
  /** Index of each node's parent, -1 for none (or a parent that is not in the document). */
  private readonly parentAt: Int32Array;
  readonly arrays: GraphArrays;
  private readonly out: Csr;
  private readonly inc: Csr;
  // Caches by node number, each made on first use (most designs are asked about few nodes).
  private outLists: (readonly ResolvedEdge[] | undefined)[] | undefined;
  private incLists: (readonly ResolvedEdge[] | undefined)[] | undefined;
  private readonly childrenAt: (DocumentNode[] | undefined)[];
  /** Children listed by parent id: for documents with repeated ids, and parents not in the document. */
  private readonly childLists = new Map<string, DocumentNode[]>();
  private ancestorLists: (readonly DocumentNode[] | undefined)[] | undefined;
  private byId: Map<string, ResolvedEdge> | undefined;
  private readonly edgeAtFn = (k: number): ResolvedEdge => this.edgeAt(k);

  constructor(doc: ArchitectureDocument) {
    this.doc = doc;
    const { ids, list } = numberNodes(doc.nodes);
    const count = list.length;
    this.list = list;
    this.nodes = new NodeMap(ids, list);
    this.kinds = new Array(count);
    this.parentAt = new Int32Array(count);
    const parents = new RecentLookup(ids);
    for (let i = 0; i < count; i++) {
      const n = list[i] as DocumentNode;
      this.kinds[i] = findKind(n.kind);
      this.parentAt[i] = n.parent === undefined ? -1 : (parents.get(n.parent) ?? -1);
    }

    // Sized once (edges to missing nodes, which a loaded document never has, are cut off after).
    // No edge object is made here: on a 50,000-node design, making 75,000 of them up front cost
    // more per edge than on a small one (the garbage collector copies every one of them).
    const edgeDocs: DocumentEdge[] = new Array(doc.edges.length);
    const edgeKinds: (EdgeKind | undefined)[] = new Array(doc.edges.length);
    const sources = new Int32Array(doc.edges.length);
    const targets = new Int32Array(doc.edges.length);
    let m = 0;
    for (let k = 0; k < doc.edges.length; k++) {
      const e = doc.edges[k] as DocumentEdge;
      const s = ids.get(e.source);
      const t = ids.get(e.target);
      if (s === undefined || t === undefined) continue;
      let kind = e.kind;
      if (!kind) {
        const sk = this.kinds[s];
        const tk = this.kinds[t];
        kind = sk && tk ? inferKind(sk, tk) : undefined;
      }
      edgeDocs[m] = e;
      edgeKinds[m] = kind;
      sources[m] = s;
      targets[m] = t;
      m++;
    }
    if (m < edgeDocs.length) {
      edgeDocs.length = m;
      edgeKinds.length = m;
    }
    this.edgeCount = m;
    this.edgeObjects = new Array(m);
    this.out = buildAdjacency(count, sources, m);
    this.inc = buildAdjacency(count, targets, m);
    this.arrays = {
      nodes: list,
      kinds: this.kinds,
      parents: this.parentAt,
      outStart: this.out.start,
      outEdges: this.out.edges,
      inStart: this.inc.start,
      inEdges: this.inc.edges,
      edgeSource: m === sources.length ? sources : sources.slice(0, m),
      edgeTarget: m === targets.length ? targets : targets.slice(0, m),
      edgeKinds,
      edgeDocs,
    };
    // Children in document order, every occurrence included (as written): by parent number, from
    // the parent numbers just found, when no id repeats (a loaded document); by id otherwise, and
    // for parents that are not in the document.
    this.childrenAt = new Array(count);
    const positional = count === doc.nodes.length;
    for (let p = 0; p < doc.nodes.length; p++) {
      const n = doc.nodes[p] as DocumentNode;
      if (n.parent === undefined) continue;
      const at = positional ? (this.parentAt[p] as number) : -1;
      if (at !== -1) {
        const c = this.childrenAt[at];
        if (c) c.push(n);
        else this.childrenAt[at] = [n];
        continue;
      }
      const c = this.childLists.get(n.parent);
      if (c) c.push(n);
      else this.childLists.set(n.parent, [n]);
    }
  }

  get edges(): readonly ResolvedEdge[] {
    if (!this.allEdges) {
      for (let k = 0; k < this.edgeCount; k++) this.edgeAt(k);
      this.allEdges = true;
    }
    return this.edgeObjects as ResolvedEdge[];
  }

  edgeAt(k: number): ResolvedEdge {
    let r = this.edgeObjects[k];
    if (!r) {
      const a = this.arrays;
      r = {
        edge: a.edgeDocs[k] as DocumentEdge,
        kind: a.edgeKinds[k],
        source: this.list[a.edgeSource[k] as number] as DocumentNode,
        target: this.list[a.edgeTarget[k] as number] as DocumentNode,
      };
      this.edgeObjects[k] = r;
    }
    return r;
  }

  get edgesById(): ReadonlyMap<string, ResolvedEdge> {
    if (!this.byId) {
      this.byId = new Map();
      for (const r of this.edges) this.byId.set(r.edge.id, r);
    }
    return this.byId;
  }

  kindOf(nodeId: string): KindDefinition | undefined {
    const i = this.nodes.indexOf(nodeId);
    return i === undefined ? undefined : this.kinds[i];
  }

  hasTrait(nodeId: string, trait: Trait): boolean {
    return (this.kindOf(nodeId)?.traits as readonly string[] | undefined)?.includes(trait) ?? false;
  }

  indexOf(nodeId: string): number {
    return this.nodes.indexOf(nodeId) ?? -1;
  }

  outgoing(nodeId: string): readonly ResolvedEdge[] {
    const i = this.nodes.indexOf(nodeId);
    return i === undefined ? EMPTY : this.outgoingAt(i);
  }

  incoming(nodeId: string): readonly ResolvedEdge[] {
    const i = this.nodes.indexOf(nodeId);
    return i === undefined ? EMPTY : this.incomingAt(i);
  }

  outgoingAt(i: number): readonly ResolvedEdge[] {
    this.outLists ??= new Array(this.list.length);
    let l = this.outLists[i];
    if (!l) {
      l = rangeOf(this.out, i, this.edgeAtFn, EMPTY);
      this.outLists[i] = l;
    }
    return l;
  }

  incomingAt(i: number): readonly ResolvedEdge[] {
    this.incLists ??= new Array(this.list.length);
    let l = this.incLists[i];
    if (!l) {
      l = rangeOf(this.inc, i, this.edgeAtFn, EMPTY);
      this.incLists[i] = l;
    }
    return l;
  }

  children(groupId: string): readonly DocumentNode[] {
    const i = this.nodes.indexOf(groupId);
    return (i === undefined ? undefined : this.childrenAt[i]) ?? this.childLists.get(groupId) ?? [];
  }

  ancestors(nodeId: string): readonly DocumentNode[] {
    const i = this.nodes.indexOf(nodeId);
    return i === undefined ? EMPTY_NODES : this.ancestorsAt(i);
  }

  enclosing(nodeId: string, kind: string): DocumentNode | undefined {
    const i = this.nodes.indexOf(nodeId);
    return i === undefined ? undefined : this.enclosingAt(i, kind);
  }

  regionOf(nodeId: string): string {
    const i = this.nodes.indexOf(nodeId);
    return i === undefined ? this.doc.region : this.regionAt(i);
  }

  regionAt(i: number): string {
    const name = this.enclosingAt(i, 'region')?.config?.name;
    return typeof name === 'string' ? name : this.doc.region;
  }

  /**
   * The nearest ancestor of a kind, walking parent indices without building the ancestor list:
   * regions are asked for every node, and most nodes sit one or two levels down. A parent cycle
   * (never in a loaded document) stops the walk after as many steps as there are nodes.
   */
  enclosingAt(i: number, kind: string): DocumentNode | undefined {
    let p = this.parentAt[i] as number;
    for (let steps = 0; p !== -1 && p !== i && steps < this.list.length; steps++) {
      const n = this.list[p] as DocumentNode;
      if (n.kind === kind) return n;
      p = this.parentAt[p] as number;
    }
    return undefined;
  }

  /** Ancestors of node `i`, built on its parent's chain and cached; a parent cycle is cut where it would repeat a node. */
  private ancestorsAt(i: number): readonly DocumentNode[] {
    this.ancestorLists ??= new Array(this.list.length);
    const cached = this.ancestorLists[i];
    if (cached) return cached;
    const p = this.parentAt[i] as number;
    let chain: readonly DocumentNode[] = EMPTY_NODES;
    if (p !== -1) {
      this.ancestorLists[i] = EMPTY_NODES; // guards against a parent cycle while recursing
      const above = this.ancestorsAt(p);
      const self = this.list[i] as DocumentNode;
      chain = above.some((a) => a.id === self.id)
        ? [this.list[p] as DocumentNode]
        : [this.list[p] as DocumentNode, ...above];
    }
    this.ancestorLists[i] = chain;
    return chain;
  }
}
