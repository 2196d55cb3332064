import { type ArchitectureDocument, canContain, type DocumentNode, isGroupKind } from '@stackdraft/patterns';

/** Every plain node is drawn at this fixed size, so layout and hit-testing never wait for the DOM. */
export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 56;
/** Snap grid of the canvas (also the keyboard nudge step). */
export const GRID = 16;
/** A group's title bar; children are laid out below it. */
export const GROUP_HEADER = 40;
export const GROUP_PADDING = 24;
export const DEFAULT_GROUP_SIZE = { width: 480, height: 320 } as const;
export const MIN_GROUP_SIZE = { width: 240, height: 140 } as const;

export interface XY {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Rect extends XY, Size {}

/** The drawn size of a node: groups carry their own, every other node has the fixed size. */
export function nodeSize(node: Pick<DocumentNode, 'kind' | 'size'>): Size {
  if (isGroupKind(node.kind)) return node.size ?? DEFAULT_GROUP_SIZE;
  return { width: NODE_WIDTH, height: NODE_HEIGHT };
}

/**
 * Where a node without a position is drawn until auto layout places it: a simple grid by index,
 * so nothing is stacked on top of each other meanwhile.
 */
export function provisionalPosition(index: number): XY {
  return { x: (index % 8) * (NODE_WIDTH + 48), y: Math.floor(index / 8) * (NODE_HEIGHT + 48) };
}

/** Absolute canvas positions of every node (positions in the document are relative to the parent). */
export function absolutePositions(doc: Pick<ArchitectureDocument, 'nodes'>): Map<string, XY> {
  const byId = new Map(doc.nodes.map((n, i) => [n.id, { node: n, index: i }]));
  const out = new Map<string, XY>();
  const visit = (id: string, depth: number): XY => {
    const known = out.get(id);
    if (known) return known;
    const entry = byId.get(id);
    if (!entry) return { x: 0, y: 0 };
    const own = entry.node.position ?? provisionalPosition(entry.index);
    // A parent cycle cannot happen in a checked document; the depth guard keeps a bad one finite.
    const base = entry.node.parent && depth < 64 ? visit(entry.node.parent, depth + 1) : { x: 0, y: 0 };
    const abs = { x: base.x + own.x, y: base.y + own.y };
    out.set(id, abs);
    return abs;
  };
  for (const n of doc.nodes) visit(n.id, 0);
  return out;
}

/** Absolute rectangle of every node. */
export function absoluteRects(doc: Pick<ArchitectureDocument, 'nodes'>): Map<string, Rect> {
  const pos = absolutePositions(doc);
  const out = new Map<string, Rect>();
  for (const n of doc.nodes) {
    const p = pos.get(n.id) ?? { x: 0, y: 0 };
    out.set(n.id, { ...p, ...nodeSize(n) });
  }
  return out;
}

export function contains(r: Rect, p: XY): boolean {
  return p.x >= r.x && p.y >= r.y && p.x <= r.x + r.width && p.y <= r.y + r.height;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Ids of `id` and all nodes inside it, at any depth. */
export function withDescendants(
  doc: Pick<ArchitectureDocument, 'nodes'>,
  ids: Iterable<string>,
): Set<string> {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of doc.nodes) {
      if (n.parent !== undefined && out.has(n.parent) && !out.has(n.id)) {
        out.add(n.id);
        grew = true;
      }
    }
  }
  return out;
}

export interface GroupEntry {
  node: DocumentNode;
  rect: Rect;
  depth: number;
}

/** Every group with its absolute rectangle and nesting depth, for repeated hit-testing. */
export function groupIndex(
  doc: Pick<ArchitectureDocument, 'nodes'>,
  rects: Map<string, Rect> = absoluteRects(doc),
): GroupEntry[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out: GroupEntry[] = [];
  for (const n of doc.nodes) {
    if (!isGroupKind(n.kind)) continue;
    let depth = 0;
    for (let cur = n.parent; cur !== undefined && depth < 64; cur = byId.get(cur)?.parent) depth++;
    out.push({ node: n, rect: rects.get(n.id) ?? { x: 0, y: 0, ...nodeSize(n) }, depth });
  }
  return out;
}

/**
 * The innermost group under `point` that may contain a node of `childKind` (the catalog decides),
 * ignoring `exclude` (the moved nodes themselves and what they contain). Undefined: the canvas.
 */
export function groupAt(
  groups: readonly GroupEntry[],
  point: XY,
  childKind: string,
  exclude: ReadonlySet<string> = new Set(),
): DocumentNode | undefined {
  let best: GroupEntry | undefined;
  for (const g of groups) {
    if (exclude.has(g.node.id) || !contains(g.rect, point) || !canContain(g.node.kind, childKind)) continue;
    // Later nodes are drawn on top, so among equally deep groups the last one wins.
    if (!best || g.depth >= best.depth) best = g;
  }
  return best?.node;
}

/**
 * A free spot for a new node near `wanted` (absolute, top-left): the nearest place on a grid of
 * candidates around it that overlaps no other plain node, preferring the right and then below
 * (where a flow drawn left to right continues), so repeated keyboard adds do not stack.
 */
export function freeSpot(doc: Pick<ArchitectureDocument, 'nodes'>, wanted: XY): XY {
  const all = absoluteRects(doc);
  const rects = doc.nodes.filter((n) => !isGroupKind(n.kind)).map((n) => all.get(n.id) as Rect);
  const stepX = NODE_WIDTH + 48;
  const stepY = NODE_HEIGHT + 40;
  const snap = (v: number) => Math.round(v / GRID) * GRID;
  const candidates: { dx: number; dy: number; cost: number }[] = [];
  for (let dy = -6; dy <= 6; dy++) {
    for (let dx = -6; dx <= 6; dx++) {
      // Distance first; on a tie, right before left and below before above.
      candidates.push({ dx, dy, cost: dx * dx + dy * dy + (dx < 0 ? 0.3 : 0) + (dy < 0 ? 0.2 : 0) });
    }
  }
  candidates.sort((a, b) => a.cost - b.cost);
  for (const { dx, dy } of candidates) {
    const c = { x: snap(wanted.x + dx * stepX), y: snap(wanted.y + dy * stepY) };
    const rect = { ...c, width: NODE_WIDTH, height: NODE_HEIGHT };
    if (!rects.some((r) => intersects(r, rect))) return c;
  }
  return { x: snap(wanted.x), y: snap(wanted.y) };
}
