import { findKind } from '../catalog/registry';
import type { EdgeKind, KindDefinition } from '../catalog/types';
import { allowedEdgeKinds, canConnect } from '../connections/can-connect';
import type { ArchitectureDocument } from '../document/schema';
import { type Graph, graphOf, type ResolvedEdge } from '../graph/graph';
import { kindHasTrait, ruleContext } from './context';
import { defineRule } from './define-rule';
import { removeEdges, updateEdges } from './edit';
import { isProtected, publicReach, type Reach } from './public-database';
import type { Draft, FixHelpers, RuleContext } from './types';

export const invalidConnection = defineRule({
  id: 'invalid-connection',
  title: 'Connection the catalog does not allow',
  severity: 'error',
  pillar: 'operational-excellence',
  explanation:
    'Every kind declares which connections it accepts and as what (a queue triggers a function; a ' +
    'dead-letter queue only receives redriven messages). An edge outside those rules cannot be built: there ' +
    'is no AWS integration that makes a dead-letter queue write to a database, so the exported ' +
    'infrastructure would be wrong or would not deploy. This happens with hand-edited files, imports and ' +
    'kinds changed after connecting. Where the two nodes can be connected another way, the fix switches the ' +
    'edge to that kind (read-only into a read replica); where that would open a path from the internet to ' +
    'a data store, or there is no other way, it removes the edge.',
  pattern: 'Catalog connection rules',
  check(graph, ctx) {
    const allowed = allowedKinds();
    const repair = repairs(graph, ctx, allowed);
    const drafts: Draft[] = [];
    const { kinds, edgeSource, edgeTarget, edgeKinds } = graph.arrays;
    for (let k = 0; k < graph.edgeCount; k++) {
      // Read from the graph's arrays: most edges are allowed, and this way their edge and node
      // objects are never touched.
      const kind = edgeKinds[k];
      if (
        kind !== undefined &&
        allowedBetween(kinds[edgeSource[k] as number], kinds[edgeTarget[k] as number]).includes(kind)
      )
        continue;
      const r = graph.edgeAt(k);
      const written = r.edge.kind;
      const verdict = canConnect(
        { nodes: [r.source, r.target], edges: [] },
        r.source.id,
        r.target.id,
        written ? { kind: written } : {},
      );
      const to = repair(r);
      drafts.push({
        nodeIds: [r.source.id, r.target.id],
        edgeIds: [r.edge.id],
        discriminator: r.edge.id,
        message: verdict.ok ? `A ${written ?? 'this'} edge is not allowed here.` : verdict.reason,
        fixLabel: to ? `Make it a ${to} edge` : 'Remove this connection',
      });
    }
    return drafts;
  },
  fix: {
    id: 'repair-connection',
    label: 'Repair the connection',
    apply(doc, finding, helpers) {
      const graph = graphOf(doc);
      const id = finding.edgeIds[0] as string;
      const r = graph.edgesById.get(id);
      if (!r) return doc;
      const ids = new Set([id]);
      const removed = removeEdges(doc, ids);
      const to = repairs(graph, ruleContext(doc), allowedKinds())(r);
      if (!to) return removed;
      const switched = updateEdges(doc, ids, (e) => {
        const edge = { ...e, kind: to };
        if (r.target.kind === 'read-replica' && to !== 'replication')
          edge.config = { ...e.config, access: 'read' };
        return edge;
      });
      // Safety net: a switch must not trade this error for another one.
      return introducesErrors(helpers, doc, switched) ? removed : switched;
    },
  },
});

const allowedMemo = new WeakMap<KindDefinition, Map<KindDefinition, readonly EdgeKind[]>>();

/** `allowedEdgeKinds` of two kind definitions, memoized per pair (the catalog never changes). */
function allowedBetween(s: KindDefinition | undefined, t: KindDefinition | undefined): readonly EdgeKind[] {
  if (!s || !t) return [];
  let row = allowedMemo.get(s);
  if (!row) {
    row = new Map();
    allowedMemo.set(s, row);
  }
  let kinds = row.get(t);
  if (!kinds) {
    kinds = allowedEdgeKinds(s, t);
    row.set(t, kinds);
  }
  return kinds;
}

/** `allowedEdgeKinds` memoized per pair of kinds (designs have many edges, few kind pairs). */
function allowedKinds(): (r: ResolvedEdge) => readonly EdgeKind[] {
  const memo = new Map<KindDefinition, Map<KindDefinition, EdgeKind[]>>();
  return (r) => {
    const s = findKind(r.source.kind);
    const t = findKind(r.target.kind);
    if (!s || !t) return [];
    let row = memo.get(s);
    if (!row) {
      row = new Map();
      memo.set(s, row);
    }
    let kinds = row.get(t);
    if (!kinds) {
      kinds = allowedEdgeKinds(s, t);
      row.set(t, kinds);
    }
    return kinds;
  };
}

/**
 * The edge kind an invalid edge should become, or undefined to remove it: the first kind the
 * catalog allows, unless that would carry public traffic into a data store.
 */
function repairs(
  graph: Graph,
  ctx: RuleContext,
  allowed: (r: ResolvedEdge) => readonly EdgeKind[],
): (r: ResolvedEdge) => EdgeKind | undefined {
  let reach: Reach | undefined;
  return (r) => {
    const to = allowed(r)[0];
    if (to === undefined) return undefined;
    const carriesRequests = to === 'sync' || to === 'async';
    if (carriesRequests && kindHasTrait(r.target.kind, 'data') && isProtected(r.target)) {
      reach ??= publicReach(graph, ctx);
      if (reach.reached.has(r.source.id)) return undefined;
    }
    return to;
  };
}

function introducesErrors(
  helpers: FixHelpers,
  before: ArchitectureDocument,
  after: ArchitectureDocument,
): boolean {
  const known = new Set(helpers.findingsOf(before).map((f) => f.key));
  return helpers.findingsOf(after).some((f) => f.severity === 'error' && !f.suppressed && !known.has(f.key));
}
