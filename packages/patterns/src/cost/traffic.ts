import { configFields } from '../catalog/registry';
import type { EdgeKind, KindDefinition } from '../catalog/types';
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import { graphOf } from '../graph/graph';
import { COST_DEFAULTS } from './defaults';
import type { TrafficSpec } from './model';

/**
 * Traffic propagation (DESIGN.md, "Traffic"): entry traffic (a client's requestsPerSecond x 3600 x
 * 730) flows along the edges, multiplied by each edge's `ratio`, so every downstream node's
 * requests, invocations and messages follow from it. A node that states its own volume is a root:
 * its stated volume replaces what flows in, and is what flows on. Fan-in sums. Linear time: one
 * depth-first pass orders the nodes; an edge that closes a cycle carries no derived traffic (it
 * would otherwise count the same requests again and again), and is reported.
 */

/** Inbound traffic of one node per month, and what it sends on. */
export interface TrafficState {
  requests: number;
  reads: number;
  writes: number;
  replicatedWrites: number;
  /** What this node sends downstream per month (before each edge's ratio). */
  outflow: number;
  /** The node states its own volume (or is a client): it is where traffic starts. */
  root: boolean;
  /** Requests or messages reach the node along an edge (possibly zero of them, with ratio 0). */
  carried: boolean;
  /** The root's volume comes from the kind's default (a client without requestsPerSecond). */
  rootDefault: boolean;
  /** Up to three roots this traffic comes from, for the explanation. */
  roots: string[];
}

export interface TrafficResult {
  /** Nodes that traffic reaches (roots included), in document order. */
  readonly nodes: ReadonlyMap<string, TrafficState>;
  /** Calls or messages per month along an edge, when traffic flows along it. */
  edgeVolume(edgeId: string): number | undefined;
  /** `nodes.get` by node number of `graphOf(doc).arrays` (no map lookup). */
  stateAt(index: number): TrafficState | undefined;
  /** `edgeVolume` of `graphOf(doc).edges[k]`. */
  edgeVolumeAt(k: number): number | undefined;
  /** Edges that close a cycle and therefore carry no derived traffic. */
  readonly backEdges: readonly string[];
  /** The same edges by their place in `graphOf(doc).edges`. */
  readonly backEdgeIndices: readonly number[];
  /** Edges whose ratio came from a documented default (redrive), with the default used. */
  readonly defaultedRatios: readonly string[];
  /** Edges capped because their target's answers are cached by the caller. */
  readonly cappedEdges: readonly string[];
  /** Nodes whose derived traffic exceeded MAX_MONTHLY_VOLUME and was capped. */
  readonly cappedNodes: readonly string[];
}

const MAX_ROOTS = 3;
/**
 * Ratios above 1 along long fan-out paths multiply traffic without bound; past 10^15 requests a
 * month (380 million a second) a figure means nothing, and money stops being exact, so it is capped.
 */
export const MAX_MONTHLY_VOLUME = 1e15;
const cache = new WeakMap<ArchitectureDocument, TrafficResult>();

/** The traffic spec a kind declares with its cost (free kinds may declare one too). */
export function trafficSpecOf(kind: KindDefinition | undefined): TrafficSpec | undefined {
  if (!kind) return undefined;
  return 'free' in kind.cost ? kind.cost.traffic : kind.cost.aws.traffic;
}

/** Edges along which requests and messages flow (replication copies writes; it is handled apart). */
function carries(kind: EdgeKind | undefined): boolean {
  return kind !== 'replication';
}

/** Calls sent along `e` per unit arriving at its source, and whether the ratio was a default. */
function ratioOf(kind: EdgeKind | undefined, edge: DocumentEdge): { ratio: number; defaulted: boolean } {
  const stated = edge.config?.ratio;
  if (stated !== undefined) return { ratio: stated, defaulted: false };
  if (kind === 'redrive') return { ratio: COST_DEFAULTS.redriveShare.value, defaulted: true };
  return { ratio: 1, defaulted: false };
}

/**
 * A trigger hands records to its consumer in batches: one invocation per `batchSize` records.
 * Assumes full batches (an estimate of the batching the document states).
 */
function perCall(kind: EdgeKind | undefined, edge: DocumentEdge): number {
  const batch = kind === 'trigger' ? edge.config?.batchSize : undefined;
  return batch !== undefined && batch > 1 ? 1 / batch : 1;
}

function numberAt(config: Record<string, unknown> | undefined, key: string): number | undefined {
  const v = config?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

const fieldDefaults = new WeakMap<KindDefinition, Map<string, unknown>>();
function kindDefault(kind: KindDefinition, key: string): number | undefined {
  let m = fieldDefaults.get(kind);
  if (!m) {
    m = new Map(configFields(kind).map((f) => [f.key, f.default]));
    fieldDefaults.set(kind, m);
  }
  const v = m.get(key);
  return typeof v === 'number' ? v : undefined;
}

/**
 * The propagated traffic of `doc` (computed once per document object, then cached). Works on the
 * node and edge numbers of the graph index (typed arrays and plain arrays by number, no map keyed
 * by id), so its cost per node stays flat on large designs.
 */
export function propagateTraffic(doc: ArchitectureDocument, secondsPerMonth = 3600 * 730): TrafficResult {
  const cached = cache.get(doc);
  if (cached) return cached;
  const g = graphOf(doc);
  const { nodes, kinds, outStart, outEdges, edgeSource, edgeTarget } = g.arrays;
  const count = nodes.length;
  const states: (TrafficState | undefined)[] = new Array(count);
  const specs: (TrafficSpec | undefined)[] = new Array(count);
  for (let i = 0; i < count; i++) specs[i] = trafficSpecOf(kinds[i]);
  const ownVolume = new Float64Array(count).fill(Number.NaN);
  const rootDefault = new Uint8Array(count);
  const roots: number[] = [];

  for (let i = 0; i < count; i++) {
    const kind = kinds[i];
    const spec = specs[i];
    if (!spec?.volumeField || !kind) continue;
    const n = nodes[i] as DocumentNode;
    let v = numberAt(n.config, spec.volumeField);
    if (v === undefined && spec.perSecond) {
      // A client always sends traffic: its rate has a default, which the estimate names.
      v = kindDefault(kind, spec.volumeField);
      if (v !== undefined) rootDefault[i] = 1;
    }
    if (v !== undefined) {
      ownVolume[i] = spec.perSecond ? v * secondsPerMonth : v;
      roots.push(i);
    }
  }

  // Depth-first from the roots (only what they reach can get traffic), so that the edge marked as
  // closing a cycle is the one leading back towards where traffic starts.
  // Edges by number, read from the graph's arrays (no edge object is made here).
  const { edgeKinds, edgeDocs } = g.arrays;
  const edgeCount = g.edgeCount;
  const order: number[] = [];
  const state = new Uint8Array(count); // 0 = not seen, 1 = on the stack, 2 = done
  const back = new Uint8Array(edgeCount);
  const backEdges: string[] = []; // in the order the walk finds them, as the assumptions name them
  const backEdgeIndices: number[] = [];
  const stackNode: number[] = [];
  const stackPos: number[] = [];
  for (const start of roots) {
    if (state[start] !== 0) continue;
    stackNode.push(start);
    stackPos.push(outStart[start] as number);
    state[start] = 1;
    while (stackNode.length > 0) {
      const top = stackNode.length - 1;
      const v = stackNode[top] as number;
      const p = stackPos[top] as number;
      if (p < (outStart[v + 1] as number)) {
        stackPos[top] = p + 1;
        const k = outEdges[p] as number;
        if (!carries(edgeKinds[k])) continue;
        const t = edgeTarget[k] as number;
        const s = state[t];
        if (s === 1) {
          back[k] = 1;
          backEdges.push((edgeDocs[k] as DocumentEdge).id);
          backEdgeIndices.push(k);
        } else if (s === 0) {
          state[t] = 1;
          stackNode.push(t);
          stackPos.push(outStart[t] as number);
        }
      } else {
        stackNode.pop();
        stackPos.pop();
        state[v] = 2;
        order.push(v);
      }
    }
  }

  const edgeVolumes = new Float64Array(edgeCount).fill(Number.NaN);
  const defaulted: string[] = [];
  const capped: string[] = [];
  const cappedEdges: string[] = [];
  const hoursPerMonth = secondsPerMonth / 3600;
  const capOf = (t: number): number | undefined => {
    const field = specs[t]?.cachedPerHourField;
    const kind = kinds[t];
    if (!field || !kind) return undefined;
    const perHour = numberAt((nodes[t] as DocumentNode).config, field) ?? kindDefault(kind, field);
    return perHour === undefined ? undefined : Math.max(1, perHour) * hoursPerMonth;
  };
  const { readShare } = COST_DEFAULTS;
  for (let o = order.length - 1; o >= 0; o--) {
    const i = order[o] as number;
    const id = (nodes[i] as DocumentNode).id;
    const spec = specs[i];
    const own = ownVolume[i] as number;
    const hasOwn = !Number.isNaN(own);
    let st = states[i];
    if (hasOwn) {
      st ??= blank();
      st.root = true;
      st.rootDefault = rootDefault[i] === 1;
      if (!st.roots.includes(id)) st.roots.unshift(id);
      if (st.roots.length > MAX_ROOTS) st.roots.length = MAX_ROOTS;
      states[i] = st;
    }
    if (!st) continue;
    const forwards = spec?.forwards ?? 'all';
    st.outflow = Math.min(
      MAX_MONTHLY_VOLUME,
      hasOwn ? own : forwards === 'all' ? st.requests : forwards === 'writes' ? st.writes : 0,
    );
    if (st.requests > MAX_MONTHLY_VOLUME) {
      st.requests = MAX_MONTHLY_VOLUME;
      st.reads = Math.min(st.reads, MAX_MONTHLY_VOLUME);
      st.writes = Math.min(st.writes, MAX_MONTHLY_VOLUME);
      capped.push(id);
    }
    if (forwards === 'none') continue;
    for (let p = outStart[i] as number; p < (outStart[i + 1] as number); p++) {
      const k = outEdges[p] as number;
      const kind = edgeKinds[k];
      const edge = edgeDocs[k] as DocumentEdge;
      if (!carries(kind) || back[k] === 1) continue;
      const { ratio, defaulted: d } = ratioOf(kind, edge);
      if (d) defaulted.push(edge.id);
      const ti = edgeTarget[k] as number;
      let v = st.outflow * ratio * perCall(kind, edge);
      const cap = capOf(ti);
      if (cap !== undefined && v > cap) {
        v = cap;
        cappedEdges.push(edge.id);
      }
      edgeVolumes[k] = v;
      let t = states[ti];
      if (!t) {
        t = blank();
        states[ti] = t;
      }
      t.carried = true;
      t.requests += v;
      const access = edge.config?.access ?? 'readwrite';
      if (access === 'read') t.reads += v;
      else if (access === 'write') t.writes += v;
      else {
        t.reads += v * readShare.value;
        t.writes += v * (1 - readShare.value);
      }
      for (const r of st.roots) {
        if (t.roots.length >= MAX_ROOTS) break;
        if (!t.roots.includes(r)) t.roots.push(r);
      }
      if (st.rootDefault) t.rootDefault = true;
    }
  }

  // Replication copies a node's own writes (stated, else from traffic) to its replicas; replicated
  // writes are not replicated again, so this needs no ordering.
  for (let k = 0; k < edgeCount; k++) {
    if (edgeKinds[k] !== 'replication') continue;
    const edge = edgeDocs[k] as DocumentEdge;
    const source = nodes[edgeSource[k] as number] as DocumentNode;
    const si = edgeSource[k] as number;
    const src = states[si];
    const writesField = specs[si]?.writesField;
    const stated = writesField ? numberAt(source.config, writesField) : undefined;
    const writes = stated ?? src?.writes;
    if (writes === undefined) continue;
    const v = writes * (edge.config?.ratio ?? 1);
    edgeVolumes[k] = v;
    const ti = edgeTarget[k] as number;
    let t = states[ti];
    if (!t) {
      t = blank();
      states[ti] = t;
    }
    t.replicatedWrites += v;
    for (const r of src?.roots ?? [source.id]) {
      if (t.roots.length >= MAX_ROOTS) break;
      if (!t.roots.includes(r)) t.roots.push(r);
    }
  }

  let byId: Map<string, TrafficState> | undefined;
  const volumeAt = (k: number): number | undefined => {
    const v = edgeVolumes[k] as number;
    return Number.isNaN(v) ? undefined : v;
  };
  let edgeNumbers: Map<string, number> | undefined;
  const result: TrafficResult = {
    // Few callers ask by id: the map is made on first use.
    get nodes() {
      if (!byId) {
        byId = new Map();
        for (let i = 0; i < count; i++) {
          const st = states[i];
          if (st) byId.set((nodes[i] as DocumentNode).id, st);
        }
      }
      return byId;
    },
    edgeVolume: (edgeId) => {
      if (!edgeNumbers) {
        edgeNumbers = new Map();
        for (let k = 0; k < edgeCount; k++) edgeNumbers.set((edgeDocs[k] as DocumentEdge).id, k);
      }
      const k = edgeNumbers.get(edgeId);
      return k === undefined ? undefined : volumeAt(k);
    },
    stateAt: (i) => states[i],
    edgeVolumeAt: volumeAt,
    backEdges,
    backEdgeIndices,
    defaultedRatios: defaulted,
    cappedEdges,
    cappedNodes: capped,
  };
  cache.set(doc, result);
  return result;
}

function blank(): TrafficState {
  return {
    requests: 0,
    reads: 0,
    writes: 0,
    replicatedWrites: 0,
    outflow: 0,
    root: false,
    carried: false,
    rootDefault: false,
    roots: [],
  };
}
