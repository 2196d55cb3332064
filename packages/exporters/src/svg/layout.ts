import type { ArchitectureDocument, DocumentNode } from '@stackdraft/patterns';
import { graphOf, isGroupKind } from '@stackdraft/patterns';

/** A node's rectangle: `x`/`y` relative to its parent group (or the canvas), and absolute. */
export interface Placed {
  node: DocumentNode;
  isGroup: boolean;
  /** Position relative to the parent group's top-left (the document's convention). */
  x: number;
  y: number;
  /** Position on the whole canvas. */
  absX: number;
  absY: number;
  width: number;
  height: number;
  /** Nesting depth: 0 for nodes outside any group. */
  depth: number;
}

export interface DiagramLayout {
  /** Every node, parents before their children (the order to draw them in). */
  placed: Placed[];
  byId: Map<string, Placed>;
  /** Bounding box of everything, in absolute coordinates. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 64;
/** Space above a group's children for its title. */
export const GROUP_HEADER = 32;
const GROUP_PADDING = 24;
const COLUMN_GAP = 80;
const ROW_GAP = 32;

interface Size {
  width: number;
  height: number;
}

/**
 * Places every node: where the document gives a position it is used as is (relative to the
 * parent group, as the editor stores it); siblings without one get a simple layered layout
 * (columns by longest path along the edges between them, rows in document order) to the right of
 * the positioned ones. Groups without a size wrap their children. Deterministic and linear in
 * nodes + edges, so a 2,000-node export stays fast without a layout engine.
 */
export function layoutDocument(doc: ArchitectureDocument): DiagramLayout {
  const graph = graphOf(doc);
  const childrenOf = new Map<string | undefined, DocumentNode[]>();
  for (const n of doc.nodes) {
    const parent = n.parent !== undefined && graph.nodes.has(n.parent) ? n.parent : undefined;
    const list = childrenOf.get(parent);
    if (list) list.push(n);
    else childrenOf.set(parent, [n]);
  }
  const rel = new Map<string, { x: number; y: number }>();
  const size = new Map<string, Size>();
  const visiting = new Set<string>();

  const placeContainer = (containerId: string | undefined): Size => {
    const kids = childrenOf.get(containerId) ?? [];
    for (const k of kids) {
      if (visiting.has(k.id)) continue;
      visiting.add(k.id);
      const group = isGroupKind(k.kind);
      const inner = group ? placeContainer(k.id) : undefined;
      size.set(
        k.id,
        k.size ??
          (group && inner
            ? {
                width: Math.max(NODE_WIDTH + 2 * GROUP_PADDING, inner.width + GROUP_PADDING),
                height: Math.max(NODE_HEIGHT + GROUP_HEADER + GROUP_PADDING, inner.height + GROUP_PADDING),
              }
            : { width: NODE_WIDTH, height: NODE_HEIGHT }),
      );
    }
    const top = containerId === undefined ? 0 : GROUP_HEADER;
    const left = containerId === undefined ? 0 : GROUP_PADDING;
    let right = left;
    let bottom = top;
    const loose: DocumentNode[] = [];
    for (const k of kids) {
      const s = size.get(k.id) as Size;
      if (k.position) {
        rel.set(k.id, { x: k.position.x, y: k.position.y });
        right = Math.max(right, k.position.x + s.width);
        bottom = Math.max(bottom, k.position.y + s.height);
      } else loose.push(k);
    }
    if (loose.length > 0) {
      const startX = right > left ? right + COLUMN_GAP : left;
      const placedLoose = layered(loose, startX, top);
      for (const [id, p] of placedLoose) {
        const s = size.get(id) as Size;
        rel.set(id, p);
        right = Math.max(right, p.x + s.width);
        bottom = Math.max(bottom, p.y + s.height);
      }
    }
    return { width: right, height: bottom };
  };

  /** Columns by longest path over the edges between these siblings' subtrees, rows in document order. */
  const layered = (
    siblings: DocumentNode[],
    x0: number,
    y0: number,
  ): Map<string, { x: number; y: number }> => {
    const index = new Map(siblings.map((s, i) => [s.id, i]));
    const owner = (id: string): number | undefined => {
      if (index.has(id)) return index.get(id);
      for (const a of graph.ancestors(id)) if (index.has(a.id)) return index.get(a.id);
      return undefined;
    };
    const succ: number[][] = siblings.map(() => []);
    const indegree = siblings.map(() => 0);
    for (const e of graph.edges) {
      const a = owner(e.source.id);
      const b = owner(e.target.id);
      if (a === undefined || b === undefined || a === b) continue;
      (succ[a] as number[]).push(b);
      indegree[b] = (indegree[b] as number) + 1;
    }
    // Kahn's algorithm; what a cycle leaves unvisited is taken in document order.
    const layer = siblings.map(() => 0);
    const done = siblings.map(() => false);
    const queue: number[] = [];
    indegree.forEach((d, i) => {
      if (d === 0) queue.push(i);
    });
    let next = 0;
    const visit = (i: number) => {
      done[i] = true;
      for (const j of succ[i] as number[]) {
        if (done[j]) continue;
        layer[j] = Math.max(layer[j] as number, (layer[i] as number) + 1);
        indegree[j] = (indegree[j] as number) - 1;
        if (indegree[j] === 0) queue.push(j);
      }
    };
    for (;;) {
      while (queue.length > 0) visit(queue.shift() as number);
      while (next < siblings.length && done[next]) next++;
      if (next >= siblings.length) break;
      queue.push(next);
    }
    const columns: number[][] = [];
    siblings.forEach((_, i) => {
      const c = layer[i] as number;
      let col = columns[c];
      if (!col) {
        col = [];
        columns[c] = col;
      }
      col.push(i);
    });
    const out = new Map<string, { x: number; y: number }>();
    let x = x0;
    for (const col of columns) {
      if (!col) continue;
      let y = y0;
      let width = 0;
      for (const i of col) {
        const n = siblings[i] as DocumentNode;
        const s = size.get(n.id) as Size;
        out.set(n.id, { x, y });
        y += s.height + ROW_GAP;
        width = Math.max(width, s.width);
      }
      x += width + COLUMN_GAP;
    }
    return out;
  };

  placeContainer(undefined);

  const placed: Placed[] = [];
  const byId = new Map<string, Placed>();
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const emit = (containerId: string | undefined, ox: number, oy: number, depth: number) => {
    for (const n of childrenOf.get(containerId) ?? []) {
      if (byId.has(n.id)) continue;
      const p = rel.get(n.id) ?? { x: 0, y: 0 };
      const s = size.get(n.id) ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
      const item: Placed = {
        node: n,
        isGroup: isGroupKind(n.kind),
        x: p.x,
        y: p.y,
        absX: ox + p.x,
        absY: oy + p.y,
        width: s.width,
        height: s.height,
        depth,
      };
      placed.push(item);
      byId.set(n.id, item);
      minX = Math.min(minX, item.absX);
      minY = Math.min(minY, item.absY);
      maxX = Math.max(maxX, item.absX + item.width);
      maxY = Math.max(maxY, item.absY + item.height);
      if (item.isGroup) emit(n.id, item.absX, item.absY, depth + 1);
    }
  };
  emit(undefined, 0, 0, 0);
  if (placed.length === 0) return { placed, byId, minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return { placed, byId, minX, minY, maxX, maxY };
}
