import type { DocumentNode } from '../document/schema';

/**
 * Adjacency in compressed-sparse-row form: the edges of node `i` are
 * `edges[start[i]] .. edges[start[i + 1] - 1]` (indices into the graph's edge list, in document
 * order). Two typed arrays for the whole graph instead of one small array per node.
 */
export interface Csr {
  readonly start: Int32Array;
  readonly edges: Int32Array;
}

/** The CSR adjacency of `count` nodes from the endpoint (`ends[k]`) of each of the first `m` edges. */
export function buildAdjacency(count: number, ends: Int32Array, m: number): Csr {
  const start = new Int32Array(count + 1);
  for (let k = 0; k < m; k++) {
    const i = (ends[k] as number) + 1;
    start[i] = (start[i] as number) + 1;
  }
  for (let i = 0; i < count; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, count);
  const edges = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const i = ends[k] as number;
    edges[fill[i] as number] = k;
    fill[i] = (fill[i] as number) + 1;
  }
  return { start, edges };
}

/** The items of node `i`'s range as an array (`empty` when it has none, so no array is made). */
export function rangeOf<T>(csr: Csr, i: number, item: (k: number) => T, empty: readonly T[]): readonly T[] {
  const from = csr.start[i] as number;
  const to = csr.start[i + 1] as number;
  if (from === to) return empty;
  const out = new Array<T>(to - from);
  for (let k = from; k < to; k++) out[k - from] = item(csr.edges[k] as number);
  return out;
}

/**
 * The graph's `nodes` map as a view over one id-to-index map and the node array, so the index
 * holds a single map keyed by id strings. Iterates in document order like a Map filled from
 * `doc.nodes` (a repeated id keeps its first place and its last node).
 */
export class NodeMap implements ReadonlyMap<string, DocumentNode> {
  constructor(
    private readonly ids: ReadonlyMap<string, number>,
    private readonly list: readonly DocumentNode[],
  ) {}

  /** The node's place in the index (its first place in `doc.nodes`), or undefined. */
  indexOf(id: string): number | undefined {
    return this.ids.get(id);
  }

  get size(): number {
    return this.list.length;
  }

  get(id: string): DocumentNode | undefined {
    const i = this.ids.get(id);
    return i === undefined ? undefined : this.list[i];
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  forEach(
    fn: (node: DocumentNode, id: string, map: ReadonlyMap<string, DocumentNode>) => void,
    thisArg?: unknown,
  ): void {
    for (const n of this.list) fn.call(thisArg, n, n.id, this);
  }

  *entries(): MapIterator<[string, DocumentNode]> {
    for (const n of this.list) yield [n.id, n];
  }

  *keys(): MapIterator<string> {
    for (const n of this.list) yield n.id;
  }

  values(): MapIterator<DocumentNode> {
    return this.list.values();
  }

  [Symbol.iterator](): MapIterator<[string, DocumentNode]> {
    return this.entries();
  }
}

/**
 * Id lookups that try the last few ids looked up first. Used for parents: a design has few groups
 * and many nodes in each, so nearly every lookup is a short string comparison instead of a probe
 * into a map of every node (which, on large designs, is mostly a cache miss).
 */
export class RecentLookup {
  private readonly keys: string[] = [];
  private readonly values: number[] = [];
  private next = 0;

  constructor(
    private readonly ids: ReadonlyMap<string, number>,
    private readonly size = 8,
  ) {}

  get(id: string): number | undefined {
    for (let k = 0; k < this.keys.length; k++) if (this.keys[k] === id) return this.values[k];
    const v = this.ids.get(id);
    if (v !== undefined) {
      this.keys[this.next] = id;
      this.values[this.next] = v;
      this.next = (this.next + 1) % this.size;
    }
    return v;
  }
}

/**
 * Numbers the nodes: `ids` maps each id to its number. Without repeated ids (a loaded document)
 * the number is the node's place and `list` is `doc.nodes` itself, found with one map operation
 * per node; a repeated id keeps its first place and its last node, as a Map filled in document
 * order would.
 */
export function numberNodes(nodes: readonly DocumentNode[]): {
  ids: Map<string, number>;
  list: readonly DocumentNode[];
} {
  const ids = new Map<string, number>();
  for (let p = 0; p < nodes.length; p++) {
    ids.set((nodes[p] as DocumentNode).id, p);
    if (ids.size !== p + 1) return numberWithRepeats(nodes);
  }
  return { ids, list: nodes };
}

function numberWithRepeats(nodes: readonly DocumentNode[]): {
  ids: Map<string, number>;
  list: DocumentNode[];
} {
  const ids = new Map<string, number>();
  const list: DocumentNode[] = [];
  for (const n of nodes) {
    const i = ids.get(n.id);
    if (i === undefined) {
      ids.set(n.id, list.length);
      list.push(n);
    } else list[i] = n;
  }
  return { ids, list };
}
