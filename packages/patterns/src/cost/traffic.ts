import { configFields } from '../catalog/registry';
import type { KindDefinition } from '../catalog/types';
import type { ArchitectureDocument, DocumentNode } from '../document/schema';
import { graphOf, type ResolvedEdge } from '../graph/graph';
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
  /** Nodes that traffic reaches (roots included). */
  readonly nodes: ReadonlyMap<string, TrafficState>;
  /** Calls or messages per month along an edge, when traffic flows along it. */
  edgeVolume(edgeId: string): number | undefined;
  /** Edges that close a cycle and therefore carry no derived traffic. */
  readonly backEdges: readonly string[];
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
function carries(e: ResolvedEdge): boolean {
  return e.kind !== 'replication';
}

/** Calls sent along `e` per unit arriving at its source, and whether the ratio was a default. */
function ratioOf(e: ResolvedEdge): { ratio: number; defaulted: boolean } {
  const stated = e.edge.config?.ratio;
  if (stated !== undefined) return { ratio: stated, defaulted: false };
  if (e.kind === 'redrive') return { ratio: COST_DEFAULTS.redriveShare.value, defaulted: true };
  return { ratio: 1, defaulted: false };
}

/**
 * A trigger hands records to its consumer in batches: one invocation per `batchSize` records.
 * Assumes full batches (an estimate of the batching the document states).
 */
function perCall(e: ResolvedEdge): number {
  const batch = e.kind === 'trigger' ? e.edge.config?.batchSize : undefined;
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

/** The propagated traffic of `doc` (computed once per document object, then cached). */
export function propagateTraffic(doc: ArchitectureDocument, secondsPerMonth = 3600 * 730): TrafficResult {
  const cached = cache.get(doc);
  if (cached) return cached;
  const g = graphOf(doc);
  const states = new Map<string, TrafficState>();
  const specOf = (id: string) => trafficSpecOf(g.kindOf(id));
  const ownVolume = new Map<string, number>();
  const rootDefault = new Set<string>();
  const roots: DocumentNode[] = [];

  for (const n of doc.nodes) {
    const kind = g.kindOf(n.id);
    const spec = trafficSpecOf(kind);
    if (!spec?.volumeField || !kind) continue;
    let v = numberAt(n.config, spec.volumeField);
    if (v === undefined && spec.perSecond) {
      // A client always sends traffic: its rate has a default, which the estimate names.
      v = kindDefault(kind, spec.volumeField);
      if (v !== undefined) rootDefault.add(n.id);
    }
    if (v !== undefined) {
      ownVolume.set(n.id, spec.perSecond ? v * secondsPerMonth : v);
      roots.push(n);
    }
  }

  // Depth-first from the roots (only what they reach can get traffic), so that the edge marked as
  // closing a cycle is the one leading back towards where traffic starts.
  const order: string[] = [];
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const back = new Set<string>();
  const stack: { id: string; i: number }[] = [];
  for (const start of roots) {
    if (state.has(start.id)) continue;
    stack.push({ id: start.id, i: 0 });
    state.set(start.id, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; i: number };
      const out = g.outgoing(top.id);
      if (top.i < out.length) {
        const e = out[top.i++] as ResolvedEdge;
        if (!carries(e)) continue;
        const t = e.target.id;
        const s = state.get(t);
        if (s === 1) back.add(e.edge.id);
        else if (s === undefined) {
          state.set(t, 1);
          stack.push({ id: t, i: 0 });
        }
      } else {
        stack.pop();
        state.set(top.id, 2);
        order.push(top.id);
      }
    }
  }

  const edgeVolumes = new Map<string, number>();
  const defaulted: string[] = [];
  const capped: string[] = [];
  const cappedEdges: string[] = [];
  const hoursPerMonth = secondsPerMonth / 3600;
  const capOf = (target: DocumentNode): number | undefined => {
    const field = specOf(target.id)?.cachedPerHourField;
    const kind = g.kindOf(target.id);
    if (!field || !kind) return undefined;
    const perHour = numberAt(target.config, field) ?? kindDefault(kind, field);
    return perHour === undefined ? undefined : Math.max(1, perHour) * hoursPerMonth;
  };
  const { readShare } = COST_DEFAULTS;
  for (let k = order.length - 1; k >= 0; k--) {
    const id = order[k] as string;
    const spec = specOf(id);
    const own = ownVolume.get(id);
    let st = states.get(id);
    if (own !== undefined) {
      st ??= blank();
      st.root = true;
      st.rootDefault = rootDefault.has(id);
      if (!st.roots.includes(id)) st.roots.unshift(id);
      if (st.roots.length > MAX_ROOTS) st.roots.length = MAX_ROOTS;
      states.set(id, st);
    }
    if (!st) continue;
    const forwards = spec?.forwards ?? 'all';
    st.outflow = Math.min(
      MAX_MONTHLY_VOLUME,
      own ?? (forwards === 'all' ? st.requests : forwards === 'writes' ? st.writes : 0),
    );
    if (st.requests > MAX_MONTHLY_VOLUME) {
      st.requests = MAX_MONTHLY_VOLUME;
      st.reads = Math.min(st.reads, MAX_MONTHLY_VOLUME);
      st.writes = Math.min(st.writes, MAX_MONTHLY_VOLUME);
      capped.push(id);
    }
    if (forwards === 'none') continue;
    for (const e of g.outgoing(id)) {
      if (!carries(e) || back.has(e.edge.id)) continue;
      const { ratio, defaulted: d } = ratioOf(e);
      if (d) defaulted.push(e.edge.id);
      let v = st.outflow * ratio * perCall(e);
      const cap = capOf(e.target);
      if (cap !== undefined && v > cap) {
        v = cap;
        cappedEdges.push(e.edge.id);
      }
      edgeVolumes.set(e.edge.id, v);
      let t = states.get(e.target.id);
      if (!t) {
        t = blank();
        states.set(e.target.id, t);
      }
      t.carried = true;
      t.requests += v;
      const access = e.edge.config?.access ?? 'readwrite';
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
  for (const e of g.edges) {
    if (e.kind !== 'replication') continue;
    const src = states.get(e.source.id);
    const writesField = specOf(e.source.id)?.writesField;
    const stated = writesField ? numberAt(e.source.config, writesField) : undefined;
    const writes = stated ?? src?.writes;
    if (writes === undefined) continue;
    const v = writes * (e.edge.config?.ratio ?? 1);
    edgeVolumes.set(e.edge.id, v);
    let t = states.get(e.target.id);
    if (!t) {
      t = blank();
      states.set(e.target.id, t);
    }
    t.replicatedWrites += v;
    for (const r of src?.roots ?? [e.source.id]) {
      if (t.roots.length >= MAX_ROOTS) break;
      if (!t.roots.includes(r)) t.roots.push(r);
    }
  }

  const result: TrafficResult = {
    nodes: states,
    edgeVolume: (edgeId) => edgeVolumes.get(edgeId),
    backEdges: [...back],
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
