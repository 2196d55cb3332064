import type { ResolvedEdge } from '../graph/graph';
import { CALLS_CAP, type CallGraph, callGraphOf } from './call-graph';
import { named } from './context';
import { defineRule } from './define-rule';
import type { Draft } from './types';

/** Synchronous calls one request may wait on before the design is flagged. */
export const MAX_SYNC_CALLS = 2;
/** How many calls a finding names (the whole call tree of a large design would drown the reader). */
const WITNESS_EDGES = 8;

export const syncChain = defineRule({
  id: 'sync-chain',
  title: 'Chain of synchronous service calls',
  severity: 'warning',
  pillar: 'reliability',
  alsoAffects: ['performance-efficiency'],
  explanation:
    'A request that waits on one service, which waits on another, which waits on a third, is as slow as all ' +
    'of them added up and only as available as all of them multiplied: three services at 99.9% each give ' +
    'the request 99.7%, and one slow dependency ties up threads all the way back to the user. This is the ' +
    'seed’s second common pitfall: the order flow that calls products, then inventory, then payments over ' +
    'HTTP before it can answer. Counting every synchronous call a request waits on, directly or further ' +
    'down (a chain A → B → C → D, or one service calling three others in turn), three or more is flagged; ' +
    'a call cycle counts each of its calls once. The event-driven pattern fixes it: publish "order.created" ' +
    'and let inventory and payments react on their own, or keep one synchronous call with a timeout, ' +
    'retries and a circuit breaker for what the answer really needs.',
  pattern: 'Common Pitfalls 2: Synchronous Service Communication (event-driven async instead)',
  check(graph, ctx) {
    const cg = callGraphOf(graph, ctx);
    const drafts: Draft[] = [];
    for (let c = 0; c < cg.componentCount; c++) {
      // A request path starts at a component no other service calls: report it there, once.
      if (cg.calledFromOutside[c] || (cg.callCount[c] as number) <= MAX_SYNC_CALLS) continue;
      drafts.push(draftFor(cg, c));
    }
    return drafts;
  },
});

function draftFor(cg: CallGraph, c: number): Draft {
  const origin = Array.from(cg.memberList.subarray(cg.memberStart[c], cg.memberStart[c + 1]));
  const edges = witness(cg, origin);
  const nodeIds: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      nodeIds.push(id);
    }
  };
  for (const i of origin) add(cg.nodes[i]?.id as string);
  for (const r of edges) {
    add(r.source.id);
    add(r.target.id);
  }
  const count = cg.callCount[c] as number;
  const first = cg.nodes[origin[0] as number];
  const calls = edges.map((r) => `${named(r.source)} → ${named(r.target)}`);
  const more = count > edges.length ? ', …' : '';
  return {
    nodeIds,
    edgeIds: edges.map((r) => r.edge.id),
    discriminator: origin.map((i) => cg.nodes[i]?.id).join(','),
    message:
      `A request to ${first ? named(first) : 'this service'} waits on ${count >= CALLS_CAP ? `at least ${CALLS_CAP}` : count} ` +
      `synchronous calls to other services${cg.cyclic[c] ? ', including a call cycle' : ''} before it can answer: ` +
      `${calls.join(', ')}${more}.`,
  };
}

/** The first calls of the request's call tree (depth first, each edge once), to name in the finding. */
function witness(cg: CallGraph, origin: readonly number[]): ResolvedEdge[] {
  const out: ResolvedEdge[] = [];
  const taken = new Set<ResolvedEdge>();
  const expanded = new Set<number>();
  const stack = [...origin].reverse();
  while (stack.length > 0 && out.length < WITNESS_EDGES) {
    const i = stack.pop() as number;
    if (expanded.has(i)) continue;
    expanded.add(i);
    const next: number[] = [];
    const end = cg.callStart[i + 1] as number;
    for (let p = cg.callStart[i] as number; p < end && out.length < WITNESS_EDGES; p++) {
      const r = cg.edgeAt(cg.callEdge[p] as number);
      if (taken.has(r)) continue;
      taken.add(r);
      out.push(r);
      next.push(cg.callTarget[p] as number);
    }
    for (let k = next.length - 1; k >= 0; k--) stack.push(next[k] as number);
  }
  return out;
}
