import { findKind, matchesAny } from '../catalog/registry';
import type { EdgeKind, KindDefinition } from '../catalog/types';
import type { ArchitectureDocument } from '../document/schema';
import { capitalize, inSentence, withArticle } from '../util/text';

export type ConnectionRefusal =
  | 'unknown-node'
  | 'same-node'
  | 'group'
  | 'not-accepted'
  | 'wrong-edge-kind'
  | 'duplicate';

export type ConnectResult =
  | {
      ok: true;
      /** The edge kind to use: the one asked for, or the inferred one. */
      kind: EdgeKind;
      /** Every edge kind the catalog allows between these two nodes, inferred one first. */
      allowed: EdgeKind[];
    }
  | { ok: false; code: ConnectionRefusal; reason: string };

/**
 * The edge kinds the catalog allows from a node of kind `source` to one of kind `target`, the
 * inferred kind first. Empty when they cannot be connected.
 */
export function allowedEdgeKinds(source: KindDefinition, target: KindDefinition): EdgeKind[] {
  if (source.group || target.group) return [];
  const kinds: EdgeKind[] = [];
  for (const rule of target.accepts) {
    if (!kinds.includes(rule.as) && matchesAny(source, rule.from)) kinds.push(rule.as);
  }
  return kinds;
}

/**
 * Can `sourceId` connect to `targetId` in `doc`? Returns the edge kind to draw (inferred from the
 * two kinds, or `options.kind` when that is allowed) or a reason, written for the person who is
 * dragging the connection.
 */
export function canConnect(
  doc: Pick<ArchitectureDocument, 'nodes' | 'edges'>,
  sourceId: string,
  targetId: string,
  options: { kind?: EdgeKind; ignoreEdgeId?: string } = {},
): ConnectResult {
  const sourceNode = doc.nodes.find((n) => n.id === sourceId);
  const targetNode = doc.nodes.find((n) => n.id === targetId);
  if (!sourceNode || !targetNode) {
    const id = sourceNode ? targetId : sourceId;
    return { ok: false, code: 'unknown-node', reason: `There is no node "${id}" in this design.` };
  }
  const source = findKind(sourceNode.kind);
  const target = findKind(targetNode.kind);
  if (!source || !target) {
    const bad = source ? targetNode : sourceNode;
    return { ok: false, code: 'unknown-node', reason: `"${bad.label}" has an unknown kind "${bad.kind}".` };
  }
  if (sourceId === targetId) {
    return { ok: false, code: 'same-node', reason: `A node cannot connect to itself.` };
  }
  if (source.group || target.group) {
    const g = source.group ? source : target;
    return {
      ok: false,
      code: 'group',
      reason: `${capitalize(withArticle(g.label))} is a group: place nodes inside it and connect those nodes instead.`,
    };
  }
  const allowed = allowedEdgeKinds(source, target);
  if (allowed.length === 0) {
    return {
      ok: false,
      code: 'not-accepted',
      reason: `${source.label} "${sourceNode.label}" cannot connect to ${inSentence(target.label)} "${targetNode.label}". ${target.connectionHint}`,
    };
  }
  const kind = options.kind ?? (allowed[0] as EdgeKind);
  if (!allowed.includes(kind)) {
    return {
      ok: false,
      code: 'wrong-edge-kind',
      reason: `${capitalize(withArticle(source.label))} connects to ${withArticle(target.label)} as ${allowed.join(' or ')}, not ${kind}.`,
    };
  }
  const dup = doc.edges.find(
    (e) =>
      e.id !== options.ignoreEdgeId &&
      e.source === sourceId &&
      e.target === targetId &&
      (e.kind ?? allowed[0]) === kind,
  );
  if (dup) {
    return {
      ok: false,
      code: 'duplicate',
      reason: `"${sourceNode.label}" is already connected to "${targetNode.label}" (${kind}).`,
    };
  }
  return { ok: true, kind, allowed };
}

/** The kind of an edge: as written, or inferred from its two nodes; undefined if they cannot connect. */
export function edgeKindOf(
  doc: Pick<ArchitectureDocument, 'nodes'>,
  edge: { source: string; target: string; kind?: EdgeKind | undefined },
): EdgeKind | undefined {
  if (edge.kind) return edge.kind;
  const s = doc.nodes.find((n) => n.id === edge.source);
  const t = doc.nodes.find((n) => n.id === edge.target);
  const sk = s && findKind(s.kind);
  const tk = t && findKind(t.kind);
  return sk && tk ? allowedEdgeKinds(sk, tk)[0] : undefined;
}
