import type { KindDefinition } from '../catalog/types';
import type { DocumentNode } from '../document/schema';
import type { Graph, GraphArrays, ResolvedEdge } from '../graph/graph';
import { isService } from './context';
import type { RuleContext } from './types';

/** Counts saturate here: beyond it the exact number no longer changes the advice. */
export const CALLS_CAP = 1000;

/**
 * The synchronous service-to-service call graph of a design: sync edges from a service (compute)
 * to another service or to an external service, with its strongly connected components (call
 * cycles) and, per component, how many synchronous calls one request entering it waits on.
 * Built in O(nodes + edges) with an iterative Tarjan, so deep chains cannot overflow the stack.
 *
 * Everything is kept in typed arrays (compressed rows: the calls of node i are positions
 * `callStart[i] .. callStart[i + 1] - 1`), read from the graph's own arrays: on a 50,000-node
 * design, following object references per edge was what made this pass slower per node than on a
 * small one.
 */
export interface CallGraph {
  readonly nodes: readonly DocumentNode[];
  /** Calls of node i: `callTarget[p]` (an index into `nodes`) over `callEdge[p]` (an index into `edges`). */
  readonly callStart: Int32Array;
  readonly callTarget: Int32Array;
  readonly callEdge: Int32Array;
  /** The graph's edge `k` (`callEdge` holds such numbers). */
  edgeAt(k: number): ResolvedEdge;
  /** Number of components. */
  readonly componentCount: number;
  /** Component of node i; components are numbered in reverse topological order (callees first). */
  readonly component: Int32Array;
  /** Members of component c, in document order: `memberList[memberStart[c] .. memberStart[c + 1] - 1]`. */
  readonly memberStart: Int32Array;
  readonly memberList: Int32Array;
  /** Synchronous calls one request entering the component waits on (capped at CALLS_CAP). */
  readonly callCount: Int32Array;
  /** Does a request entering the component run into a call cycle (its own or downstream)? */
  readonly cyclic: Uint8Array;
  /** Is the component called by a service outside it? */
  readonly calledFromOutside: Uint8Array;
}

/** Is this edge a synchronous call from one service to another (or to an external service)? */
export function isServiceCall(r: ResolvedEdge): boolean {
  return (
    r.kind === 'sync' &&
    r.source.id !== r.target.id &&
    isService(r.source) &&
    (isService(r.target) || r.target.kind === 'external-service')
  );
}

const isCompute = (k: KindDefinition | undefined): boolean => k?.traits.includes('compute') ?? false;

/** `isServiceCall(graph.edgeAt(k))`, read from the graph's arrays (no edge or node object is touched). */
export function isServiceCallAt(a: GraphArrays, k: number): boolean {
  if (a.edgeKinds[k] !== 'sync') return false;
  const s = a.edgeSource[k] as number;
  const t = a.edgeTarget[k] as number;
  if (s === t || !isCompute(a.kinds[s])) return false;
  const tk = a.kinds[t];
  return isCompute(tk) || tk?.id === 'external-service';
}

export function callGraphOf(graph: Graph, ctx: RuleContext): CallGraph {
  const a = graph.arrays;
  const { outStart, outEdges, edgeTarget } = a;
  const local = new Int32Array(a.nodes.length).fill(-1);
  const nodes: DocumentNode[] = [];
  const numberOf: number[] = [];
  const indexOf = (g: number): number => {
    let i = local[g] as number;
    if (i === -1) {
      i = nodes.length;
      local[g] = i;
      nodes.push(a.nodes[g] as DocumentNode);
      numberOf.push(g);
    }
    return i;
  };
  const compute = ctx.indicesWithTrait('compute');
  for (let c = 0; c < compute.length; c++) indexOf(compute[c] as number);
  // Sized for the worst case (every node, every edge) and cut to what was used: no growing arrays.
  const callStart = new Int32Array(a.nodes.length + 1);
  const callTarget = new Int32Array(graph.edgeCount);
  const callEdge = new Int32Array(graph.edgeCount);
  let used = 0;
  // External services join `nodes` as they are met (so the loop bound grows); they make no calls.
  for (let i = 0; i < nodes.length; i++) {
    callStart[i] = used;
    const g = numberOf[i] as number;
    if (!isCompute(a.kinds[g])) continue;
    for (let p = outStart[g] as number; p < (outStart[g + 1] as number); p++) {
      const k = outEdges[p] as number;
      if (!isServiceCallAt(a, k)) continue;
      callTarget[used] = indexOf(edgeTarget[k] as number);
      callEdge[used] = k;
      used++;
    }
  }
  callStart[nodes.length] = used;
  const n = nodes.length;

  const { component, count } = tarjan(n, callStart, callTarget);
  // Members by component with a counting sort, which keeps document order inside each component.
  const memberStart = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) {
    const c = (component[i] as number) + 1;
    memberStart[c] = (memberStart[c] as number) + 1;
  }
  for (let c = 0; c < count; c++)
    memberStart[c + 1] = (memberStart[c + 1] as number) + (memberStart[c] as number);
  const fill = memberStart.slice(0, count);
  const memberList = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = component[i] as number;
    memberList[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }

  const callCount = new Int32Array(count);
  const cyclic = new Uint8Array(count);
  const calledFromOutside = new Uint8Array(count);
  // Components come out of Tarjan callees first, so every callee is final when its caller is summed.
  for (let c = 0; c < count; c++) {
    const from = memberStart[c] as number;
    const to = memberStart[c + 1] as number;
    let total = 0;
    let cycle = to - from > 1 ? 1 : 0;
    for (let m = from; m < to; m++) {
      const i = memberList[m] as number;
      for (let p = callStart[i] as number; p < (callStart[i + 1] as number); p++) {
        const d = component[callTarget[p] as number] as number;
        if (d === c) total += 1;
        else {
          total += 1 + (callCount[d] as number);
          if (cyclic[d]) cycle = 1;
          calledFromOutside[d] = 1;
        }
        if (total >= CALLS_CAP) total = CALLS_CAP;
      }
    }
    callCount[c] = total;
    cyclic[c] = cycle;
  }
  return {
    nodes,
    callStart: callStart.subarray(0, n + 1),
    callTarget: callTarget.subarray(0, used),
    callEdge: callEdge.subarray(0, used),
    edgeAt: (k) => graph.edgeAt(k),
    componentCount: count,
    component,
    memberStart,
    memberList,
    callCount,
    cyclic,
    calledFromOutside,
  };
}

/** Strongly connected components, iteratively; numbered in reverse topological order. */
function tarjan(n: number, start: Int32Array, target: Int32Array): { component: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const work: number[] = []; // DFS frames: node, next call position
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    work.push(root, start[root] as number);
    while (work.length > 0) {
      const pos = work.pop() as number;
      const v = work.pop() as number;
      if (index[v] === -1) {
        index[v] = low[v] = next++;
        stack.push(v);
        onStack[v] = 1;
      }
      const end = start[v + 1] as number;
      let descended = false;
      for (let p = pos; p < end; p++) {
        const w = target[p] as number;
        if (index[w] === -1) {
          work.push(v, p + 1, w, start[w] as number);
          descended = true;
          break;
        }
        if (onStack[w]) low[v] = Math.min(low[v] as number, index[w] as number);
      }
      if (descended) continue;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
      const parent = work.length > 0 ? (work[work.length - 2] as number) : -1;
      if (parent !== -1) low[parent] = Math.min(low[parent] as number, low[v] as number);
    }
  }
  return { component, count };
}
