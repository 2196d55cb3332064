import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';

/**
 * Auto layout of a design with groups, one group at a time: first the contents of the innermost
 * groups, then each enclosing group with its sub-groups as fixed-size boxes, up to the canvas.
 * Laying out many small graphs is far faster than ELK's hierarchical mode on one big graph (a
 * thousand nodes in three regions: about a third of the time), and it keeps every node inside its
 * group by construction. Pure apart from the ELK instance, so it runs in a worker and in tests.
 */

export interface LayoutNode {
  id: string;
  parent?: string;
  group: boolean;
  width: number;
  height: number;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: { source: string; target: string }[];
  /** Room above a group's contents for its title bar. */
  groupHeader: number;
  groupPadding: number;
}

export interface LayoutResult {
  /** Position of every node, relative to its parent (as the document stores it). */
  positions: Record<string, { x: number; y: number }>;
  /** New size of every group. */
  sizes: Record<string, { width: number; height: number }>;
}

/** The part of the ELK API this needs (elkjs's `ELK` instance satisfies it). */
export interface ElkLike {
  layout(graph: ElkNode, args?: { layoutOptions?: LayoutOptions }): Promise<ElkNode>;
}

const BASE_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.spacing.nodeNode': '40',
  'elk.spacing.componentComponent': '56',
  'elk.separateConnectedComponents': 'true',
  'elk.aspectRatio': '1.6',
  // Keep the order people wrote things in where the layout leaves a choice: fewer surprises.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
};

const ROOT = '';

/** Lays out `input`; every node gets a position and every group a size that fits its contents. */
export async function layoutHierarchy(elk: ElkLike, input: LayoutInput): Promise<LayoutResult> {
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const children = new Map<string, LayoutNode[]>();
  for (const n of input.nodes) {
    const key = n.parent !== undefined && byId.has(n.parent) ? n.parent : ROOT;
    const list = children.get(key);
    if (list) list.push(n);
    else children.set(key, [n]);
  }

  // Chain of containers from the canvas down to each node's own container.
  const chainCache = new Map<string, string[]>();
  const chain = (id: string): string[] => {
    const known = chainCache.get(id);
    if (known) return known;
    const parent = byId.get(id)?.parent;
    const c = parent !== undefined && byId.has(parent) ? [...chain(parent), parent] : [ROOT];
    chainCache.set(id, c);
    return c;
  };

  // Each edge lives in the innermost container holding both ends, between the two children of
  // that container that hold the ends (an edge into a group pulls the whole group).
  const edgesIn = new Map<string, Map<string, ElkExtendedEdge>>();
  for (const e of input.edges) {
    if (!byId.has(e.source) || !byId.has(e.target) || e.source === e.target) continue;
    const a = [...chain(e.source), e.source];
    const b = [...chain(e.target), e.target];
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    const container = a[i - 1] as string;
    const from = a[i];
    const to = b[i];
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\u0000${to}`;
    let map = edgesIn.get(container);
    if (!map) {
      map = new Map();
      edgesIn.set(container, map);
    }
    if (!map.has(key)) map.set(key, { id: `e${map.size}`, sources: [from], targets: [to] });
  }

  const positions: LayoutResult['positions'] = {};
  const sizes: LayoutResult['sizes'] = {};

  // Post-order: a group's size is known before its container is laid out.
  const order: string[] = [];
  const visit = (container: string) => {
    for (const child of children.get(container) ?? []) if (child.group) visit(child.id);
    order.push(container);
  };
  visit(ROOT);

  for (const container of order) {
    const kids = children.get(container) ?? [];
    const isGroup = container !== ROOT;
    if (kids.length === 0) {
      if (isGroup) {
        const g = byId.get(container) as LayoutNode;
        sizes[container] = { width: Math.max(g.width, 240), height: Math.max(g.height, 140) };
      }
      continue;
    }
    const padding = isGroup
      ? `[top=${input.groupHeader + input.groupPadding / 2},left=${input.groupPadding},bottom=${input.groupPadding},right=${input.groupPadding}]`
      : '[top=0,left=0,bottom=0,right=0]';
    const graph: ElkNode = {
      id: container || 'root',
      layoutOptions: { ...BASE_OPTIONS, 'elk.padding': padding },
      children: kids.map((k) => ({
        id: k.id,
        width: sizes[k.id]?.width ?? k.width,
        height: sizes[k.id]?.height ?? k.height,
      })),
      edges: [...(edgesIn.get(container)?.values() ?? [])],
    };
    const out = await elk.layout(graph);
    for (const c of out.children ?? [])
      positions[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
    if (isGroup) sizes[container] = { width: Math.ceil(out.width ?? 0), height: Math.ceil(out.height ?? 0) };
  }
  return { positions, sizes };
}
