import {
  type ArchitectureDocument,
  canConnect,
  type DocumentEdge,
  type DocumentNode,
  type EdgeKind,
  findKind,
  getKind,
  isGroupKind,
  MAX_LABEL_LENGTH,
  uniqueId,
} from '@stackdraft/patterns';
import {
  absolutePositions,
  absoluteRects,
  GRID,
  GROUP_PADDING,
  groupAt,
  groupIndex,
  nodeSize,
  type Size,
  withDescendants,
  type XY,
} from './geometry';
import { refuse, type TransformResult } from './types';

/**
 * Pure document transforms behind every editing command. Each returns a new document (inputs are
 * never mutated) or a reason a person can read; the store turns a result into one undo step.
 */

/** A label not used by another node: "Queue", then "Queue 2", "Queue 3", ... */
export function uniqueLabel(doc: ArchitectureDocument, base: string): string {
  const taken = new Set(doc.nodes.map((n) => n.label));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

/**
 * Adds a node of `kindId` with its top-left at `at` (absolute). It goes inside the innermost group
 * under its centre that may contain it, so a drop onto a region or subnet nests it there.
 */
export function addNode(doc: ArchitectureDocument, kindId: string, at: XY): TransformResult {
  const kind = findKind(kindId);
  if (!kind) return refuse(`There is no node kind "${kindId}" in the catalog.`);
  const size = nodeSize({ kind: kindId });
  at = { x: Math.round(at.x / GRID) * GRID, y: Math.round(at.y / GRID) * GRID };
  const centre = { x: at.x + size.width / 2, y: at.y + size.height / 2 };
  const parent = groupAt(groupIndex(doc), centre, kindId);
  const parentPos = parent ? absolutePositions(doc).get(parent.id) : undefined;
  const id = uniqueId(kind.id, new Set(doc.nodes.map((n) => n.id)));
  const node: DocumentNode = {
    id,
    kind: kind.id,
    label: uniqueLabel(doc, kind.label),
    position: parentPos ? { x: at.x - parentPos.x, y: at.y - parentPos.y } : { x: at.x, y: at.y },
  };
  if (parent) node.parent = parent.id;
  if (kind.group) node.size = { ...size };
  // Groups go first so that they are drawn below the nodes placed inside them later.
  const nodes = kind.group ? [node, ...doc.nodes] : [...doc.nodes, node];
  return { ok: true, doc: { ...doc, nodes }, select: { nodes: [id], edges: [] } };
}

/** Renames a node; labels are free text but not empty. */
export function renameNode(doc: ArchitectureDocument, id: string, label: string): TransformResult {
  const text = label.trim();
  if (!text) return refuse('A name cannot be empty.');
  if (text.length > MAX_LABEL_LENGTH)
    return refuse(`A name can have at most ${MAX_LABEL_LENGTH} characters.`);
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) return refuse(`There is no node "${id}".`);
  if (node.label === text) return { ok: true, doc };
  return {
    ok: true,
    doc: { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? { ...n, label: text } : n)) },
  };
}

/**
 * Deletes nodes (with everything inside them) and edges, and whatever pointed at them:
 * connected edges, suppressions, highlights in views and pins of notes. Refuses when another
 * node's config refers to a deleted node (a state machine's Task), rather than break that node.
 */
export function deleteElements(
  doc: ArchitectureDocument,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): TransformResult {
  const gone = withDescendants(doc, nodeIds);
  for (const n of doc.nodes) {
    if (gone.has(n.id) || !n.config) continue;
    const refs = findKind(n.kind)?.nodeRefs?.list(n.config) ?? [];
    const hit = refs.find((r) => gone.has(r.id));
    if (hit) {
      const target = doc.nodes.find((m) => m.id === hit.id);
      return refuse(
        `"${target?.label ?? hit.id}" is used by "${n.label}" (config.${hit.path.join('.')}); change that first.`,
      );
    }
  }
  const goneEdges = new Set(edgeIds);
  for (const e of doc.edges) if (gone.has(e.source) || gone.has(e.target)) goneEdges.add(e.id);
  if (gone.size === 0 && goneEdges.size === 0) return { ok: true, doc };
  const next: ArchitectureDocument = {
    ...doc,
    nodes: doc.nodes.filter((n) => !gone.has(n.id)),
    edges: doc.edges.filter((e) => !goneEdges.has(e.id)),
  };
  if (doc.suppressions) {
    next.suppressions = doc.suppressions.filter(
      (s) => !(s.nodeId && gone.has(s.nodeId)) && !(s.edgeId && goneEdges.has(s.edgeId)),
    );
  }
  if (doc.views) {
    next.views = doc.views.map((v) =>
      v.highlighted
        ? { ...v, highlighted: v.highlighted.filter((id) => !gone.has(id) && !goneEdges.has(id)) }
        : v,
    );
  }
  if (doc.notes) {
    next.notes = doc.notes.map((n) => {
      if (!n.nodeId || !gone.has(n.nodeId)) return n;
      const { nodeId: _unpinned, ...rest } = n;
      return rest;
    });
  }
  return { ok: true, doc: next, select: { nodes: [], edges: [] } };
}

/** Grows groups (never shrinks them) so that each child fits inside with some padding. */
export function fitGroupsToChildren(doc: ArchitectureDocument): ArchitectureDocument {
  const grow = new Map<string, Size>();
  // Innermost first, so a grown subnet can grow its VPC in turn: repeat until nothing changes.
  let current = doc;
  for (let pass = 0; pass < 8; pass++) {
    grow.clear();
    const byId = new Map(current.nodes.map((n) => [n.id, n]));
    for (const n of current.nodes) {
      if (!n.parent || !n.position) continue;
      const parent = byId.get(n.parent);
      if (!parent) continue;
      const size = nodeSize(n);
      const want = grow.get(parent.id) ?? { ...nodeSize(parent) };
      want.width = Math.max(want.width, n.position.x + size.width + GROUP_PADDING);
      want.height = Math.max(want.height, n.position.y + size.height + GROUP_PADDING);
      grow.set(parent.id, want);
    }
    let changed = false;
    const nodes = current.nodes.map((n) => {
      const want = grow.get(n.id);
      if (!want) return n;
      const have = nodeSize(n);
      if (want.width <= have.width && want.height <= have.height) return n;
      changed = true;
      return {
        ...n,
        size: { width: Math.max(want.width, have.width), height: Math.max(want.height, have.height) },
      };
    });
    if (!changed) break;
    current = { ...current, nodes };
  }
  return current;
}

/**
 * Moves nodes to new positions (relative to their current parent, as React Flow reports them) and
 * settles where they belong: a node whose centre now lies in another group that may contain it
 * moves into that group; one dragged out of its group lands in the group around it or on the canvas.
 * Groups grow to fit what was moved into them.
 */
export function moveNodes(doc: ArchitectureDocument, moves: ReadonlyMap<string, XY>): TransformResult {
  if (moves.size === 0) return { ok: true, doc };
  let changed = false;
  const moved = doc.nodes.map((n) => {
    const p = moves.get(n.id);
    if (!p || (n.position && n.position.x === p.x && n.position.y === p.y)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  if (!changed) return { ok: true, doc };
  let next: ArchitectureDocument = { ...doc, nodes: moved };
  next = reparentMoved(next, [...moves.keys()]);
  return { ok: true, doc: fitGroupsToChildren(next) };
}

function reparentMoved(doc: ArchitectureDocument, ids: readonly string[]): ArchitectureDocument {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const movedSet = new Set(ids);
  // Only the outermost moved nodes can change parent: children travel with their moved group.
  const isRoot = (id: string) => {
    for (
      let cur = byId.get(id)?.parent, d = 0;
      cur !== undefined && d < 64;
      cur = byId.get(cur)?.parent, d++
    ) {
      if (movedSet.has(cur)) return false;
    }
    return true;
  };
  const abs = absolutePositions(doc);
  const rects = absoluteRects(doc);
  const groups = groupIndex(doc, rects);
  const newParent = new Map<string, string | undefined>();
  for (const id of ids) {
    const node = byId.get(id);
    const r = rects.get(id);
    if (!node || !r || !isRoot(id)) continue;
    const centre = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    const inside = isGroupKind(node.kind) ? withDescendants(doc, [id]) : new Set([id]);
    const target = groupAt(groups, centre, node.kind, inside);
    if (target?.id !== node.parent) newParent.set(id, target?.id);
  }
  if (newParent.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (!newParent.has(n.id)) return n;
      const parentId = newParent.get(n.id);
      const own = abs.get(n.id) ?? { x: 0, y: 0 };
      const base = parentId ? (abs.get(parentId) ?? { x: 0, y: 0 }) : { x: 0, y: 0 };
      const { parent: _old, ...rest } = n;
      const node: DocumentNode = { ...rest, position: { x: own.x - base.x, y: own.y - base.y } };
      if (parentId) node.parent = parentId;
      return node;
    }),
  };
}

/** Resizes a group (and moves it, when it was resized from its top or left edge). */
export function resizeGroup(
  doc: ArchitectureDocument,
  id: string,
  size: Size,
  position: XY | undefined,
  childMoves: ReadonlyMap<string, XY> = new Map(),
): TransformResult {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) return refuse(`There is no node "${id}".`);
  const nodes = doc.nodes.map((n) => {
    if (n.id === id) {
      const next: DocumentNode = {
        ...n,
        size: { width: Math.round(size.width), height: Math.round(size.height) },
      };
      if (position) next.position = { x: position.x, y: position.y };
      return next;
    }
    const p = childMoves.get(n.id);
    return p ? { ...n, position: { x: p.x, y: p.y } } : n;
  });
  return { ok: true, doc: { ...doc, nodes } };
}

/** Connects two nodes with the edge kind the catalog infers, or says why they cannot connect. */
export function connect(
  doc: ArchitectureDocument,
  source: string,
  target: string,
  kind?: EdgeKind,
): TransformResult {
  const r = canConnect(doc, source, target, kind ? { kind } : {});
  if (!r.ok) return refuse(r.reason);
  const id = uniqueId(`${source}-${target}`.slice(0, 90), new Set(doc.edges.map((e) => e.id)));
  const edge: DocumentEdge = { id, source, target, kind: r.kind };
  return { ok: true, doc: { ...doc, edges: [...doc.edges, edge] }, select: { nodes: [], edges: [id] } };
}

/** The kind definition of a node in `doc` (a checked document only holds known kinds). */
export function kindOfNode(doc: ArchitectureDocument, id: string) {
  const node = doc.nodes.find((n) => n.id === id);
  return node ? getKind(node.kind) : undefined;
}
