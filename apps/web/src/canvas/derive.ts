import {
  type ArchitectureDocument,
  type DocumentEdge,
  type DocumentNode,
  type EdgeKind,
  findKind,
  graphOf,
} from '@stackdraft/patterns';
import { type NodeHandle, Position } from '@xyflow/react';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  nodeSize,
  provisionalPosition,
  type Size,
  type XY,
} from '../document/geometry';
import type { Selection } from '../document/types';
import type { Transient } from '../store/document-slice';
import type { KindEdgeData, KindFlowEdge, KindFlowNode } from './types';

/** Size of the connection handles drawn on the left (in) and right (out) of a node. */
export const HANDLE_SIZE = 10;

/**
 * Handles declared up front: React Flow then knows where edges attach without measuring the DOM,
 * so the first render of a large design draws its edges at once.
 */
const HANDLES: NodeHandle[] = [
  {
    type: 'target',
    position: Position.Left,
    x: -HANDLE_SIZE / 2,
    y: NODE_HEIGHT / 2 - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
  {
    type: 'source',
    position: Position.Right,
    x: NODE_WIDTH - HANDLE_SIZE / 2,
    y: NODE_HEIGHT / 2 - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
];

interface NodeEntry {
  src: DocumentNode;
  selected: boolean;
  renaming: boolean;
  position: XY;
  size: Size;
  flow: KindFlowNode;
}

interface EdgeEntry {
  src: DocumentEdge;
  kind: EdgeKind | undefined;
  selected: boolean;
  ariaLabel: string;
  flow: KindFlowEdge;
}

/**
 * Derives React Flow's nodes and edges from the document: the document is the only copy of the
 * design, and this is a view of it. Each flow object is reused while its inputs are unchanged, so
 * React Flow and the memoised node components skip everything a change did not touch (a drag
 * frame rebuilds one node object, not a thousand).
 */
export function createDeriver() {
  const nodeCache = new Map<string, NodeEntry>();
  const edgeCache = new Map<string, EdgeEntry>();
  let orderFor: readonly DocumentNode[] | undefined;
  let order: DocumentNode[] = [];
  let indexOf = new Map<string, number>();

  /** Parents must come before their children in React Flow's array; groups before plain nodes. */
  function ordered(nodes: readonly DocumentNode[]): DocumentNode[] {
    if (nodes === orderFor) return order;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const depth = new Map<string, number>();
    const depthOf = (n: DocumentNode): number => {
      const known = depth.get(n.id);
      if (known !== undefined) return known;
      let d = 0;
      for (let p = n.parent; p !== undefined && d < 64; p = byId.get(p)?.parent) d++;
      depth.set(n.id, d);
      return d;
    };
    const rank = (n: DocumentNode) => depthOf(n) * 2 + (findKind(n.kind)?.group ? 0 : 1);
    order = nodes
      .map((n, i) => ({ n, i, r: rank(n) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.n);
    indexOf = new Map(nodes.map((n, i) => [n.id, i]));
    orderFor = nodes;
    return order;
  }

  function nodes(
    doc: ArchitectureDocument,
    selection: Selection,
    transient: Transient | null,
    renamingId: string | null,
  ): KindFlowNode[] {
    const selected = new Set(selection.nodes);
    const list = ordered(doc.nodes);
    const out: KindFlowNode[] = new Array(list.length);
    const seen = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      const src = list[i] as DocumentNode;
      seen.add(src.id);
      const isSelected = selected.has(src.id);
      const renaming = renamingId === src.id;
      const position =
        transient?.positions.get(src.id) ?? src.position ?? provisionalPosition(indexOf.get(src.id) ?? i);
      const size = transient?.sizes.get(src.id) ?? nodeSize(src);
      const prev = nodeCache.get(src.id);
      if (
        prev &&
        prev.src === src &&
        prev.selected === isSelected &&
        prev.renaming === renaming &&
        prev.position.x === position.x &&
        prev.position.y === position.y &&
        prev.size.width === size.width &&
        prev.size.height === size.height
      ) {
        out[i] = prev.flow;
        continue;
      }
      const flow = toFlowNode(src, position, size, isSelected, renaming);
      nodeCache.set(src.id, { src, selected: isSelected, renaming, position, size, flow });
      out[i] = flow;
    }
    if (nodeCache.size > seen.size)
      for (const id of nodeCache.keys()) if (!seen.has(id)) nodeCache.delete(id);
    return out;
  }

  function edges(doc: ArchitectureDocument, selection: Selection): KindFlowEdge[] {
    const graph = graphOf(doc);
    const selected = new Set(selection.edges);
    const out: KindFlowEdge[] = [];
    const seen = new Set<string>();
    for (const r of graph.edges) {
      const src = r.edge;
      seen.add(src.id);
      const isSelected = selected.has(src.id);
      const ariaLabel = `${r.source.label} to ${r.target.label}${r.kind ? ` (${r.kind})` : ''}`;
      const prev = edgeCache.get(src.id);
      if (
        prev &&
        prev.src === src &&
        prev.kind === r.kind &&
        prev.selected === isSelected &&
        prev.ariaLabel === ariaLabel
      ) {
        out.push(prev.flow);
        continue;
      }
      const data: KindEdgeData = { kind: r.kind };
      const label = src.label ?? src.config?.route ?? src.config?.topic;
      if (label) data.label = label;
      const flow: KindFlowEdge = {
        id: src.id,
        source: src.source,
        target: src.target,
        type: 'kind',
        data,
        selected: isSelected,
        ariaLabel,
      };
      edgeCache.set(src.id, { src, kind: r.kind, selected: isSelected, ariaLabel, flow });
      out.push(flow);
    }
    if (edgeCache.size > seen.size)
      for (const id of edgeCache.keys()) if (!seen.has(id)) edgeCache.delete(id);
    return out;
  }

  return { nodes, edges };
}

function toFlowNode(
  src: DocumentNode,
  position: XY,
  size: Size,
  selected: boolean,
  renaming: boolean,
): KindFlowNode {
  const kind = findKind(src.kind);
  const group = kind?.group !== undefined;
  const data: KindFlowNode['data'] = { kind: src.kind, label: src.label, group, renaming };
  const regionName = src.kind === 'region' ? src.config?.name : undefined;
  if (typeof regionName === 'string') data.detail = regionName;
  const flow: KindFlowNode = {
    id: src.id,
    type: 'kind',
    position,
    data,
    selected,
    width: size.width,
    height: size.height,
    // Known sizes: React Flow needs no measuring pass before it can draw (and never hides a node).
    measured: { width: size.width, height: size.height },
    ariaLabel: src.label,
    connectable: !group,
  };
  if (!group) flow.handles = HANDLES;
  else flow.className = 'sd-group-node';
  if (src.parent !== undefined) flow.parentId = src.parent;
  return flow;
}
