import type { DocumentNode } from '../document/schema';
import type { Graph, ResolvedEdge } from '../graph/graph';
import { isService } from './context';
import type { RuleContext } from './types';

/** Counts saturate here: beyond it the exact number no longer changes the advice. */
export const CALLS_CAP = 1000;

/**
 * The synchronous service-to-service call graph of a design: sync edges from a service (compute)
 * to another service or to an external service, with its strongly connected components (call
 * cycles) and, per component, how many synchronous calls one request entering it waits on.
 * Built in O(nodes + edges) with an iterative Tarjan, so deep chains cannot overflow the stack.
 */
export interface CallGraph {
  readonly nodes: readonly DocumentNode[];
  /** Outgoing calls of node i (indices into `nodes`), parallel to `edges[i]`. */
  readonly calls: readonly (readonly number[])[];
  readonly edges: readonly (readonly ResolvedEdge[])[];
  /** Component of node i; components are numbered in reverse topological order (callees first). */
  readonly component: Int32Array;
  /** Members of each component, in document order. */
  readonly members: readonly (readonly number[])[];
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

export function callGraphOf(graph: Graph, ctx: RuleContext): CallGraph {
  const nodes: DocumentNode[] = [];
  const index = new Map<string, number>();
  const indexOf = (n: DocumentNode): number => {
    let i = index.get(n.id);
    if (i === undefined) {
      i = nodes.length;
      nodes.push(n);
      index.set(n.id, i);
    }
    return i;
  };
  for (const n of ctx.withTrait('compute')) indexOf(n);
  const calls: number[][] = [];
  const edges: ResolvedEdge[][] = [];
  for (let i = 0; i < nodes.length; i++) {
    const c: number[] = [];
    const e: ResolvedEdge[] = [];
    // External services join `nodes` as they are met; they make no calls of their own.
    const node = nodes[i] as DocumentNode;
    if (isService(node)) {
      for (const r of graph.outgoing(node.id)) {
        if (!isServiceCall(r)) continue;
        c.push(indexOf(r.target));
        e.push(r);
      }
    }
    calls.push(c);
    edges.push(e);
  }

  const { component, count } = tarjan(calls);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < nodes.length; i++) members[component[i] as number]?.push(i);

  const callCount = new Int32Array(count);
  const cyclic = new Uint8Array(count);
  const calledFromOutside = new Uint8Array(count);
  // Components come out of Tarjan callees first, so every callee is final when its caller is summed.
  for (let c = 0; c < count; c++) {
    const own = members[c] as number[];
    let total = 0;
    let cycle = own.length > 1 ? 1 : 0;
    for (const i of own) {
      for (const j of calls[i] as number[]) {
        const d = component[j] as number;
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
  return { nodes, calls, edges, component, members, callCount, cyclic, calledFromOutside };
}

/** Strongly connected components, iteratively; numbered in reverse topological order. */
function tarjan(adj: readonly (readonly number[])[]): { component: Int32Array; count: number } {
  const n = adj.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const work: number[] = []; // DFS frames: node, next edge position
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    work.push(root, 0);
    while (work.length > 0) {
      const pos = work.pop() as number;
      const v = work.pop() as number;
      if (pos === 0) {
        index[v] = low[v] = next++;
        stack.push(v);
        onStack[v] = 1;
      }
      const out = adj[v] as readonly number[];
      let descended = false;
      for (let k = pos; k < out.length; k++) {
        const w = out[k] as number;
        if (index[w] === -1) {
          work.push(v, k + 1, w, 0);
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
