import { canConnect, findKind } from '@stackdraft/patterns';
import type { Connection, EdgeChange, FinalConnectionState, NodeChange } from '@xyflow/react';
import { nodeSize, type Size, type XY } from '../document/geometry';
import { addNode, connect, moveNodes, resizeGroup } from '../document/transforms';
import { editorStore } from '../store/editor-store';
import { canvasApi } from './canvas-api';
import type { KindFlowEdge, KindFlowNode } from './types';

/** The drag-and-drop type of a palette item; its data is the kind id. */
export const KIND_MIME = 'application/x-stackdraft-kind';

/**
 * React Flow reports gestures as change lists; here they become commands on the document. A drag
 * or resize in progress only updates the transient overlay (no undo step, no validation, no
 * autosave); its end is committed as one step.
 */
export function handleNodesChange(changes: NodeChange<KindFlowNode>[]): void {
  const s = editorStore.getState();
  let live: Map<string, XY> | undefined;
  let liveSizes: Map<string, Size> | undefined;
  const done = new Map<string, XY>();
  let resizedId: string | undefined;
  let selected: Set<string> | undefined;
  for (const c of changes) {
    if (c.type === 'position' && c.position) {
      if (c.dragging === false) done.set(c.id, c.position);
      else {
        live ??= new Map(s.transient?.positions);
        live.set(c.id, c.position);
      }
    } else if (c.type === 'dimensions' && c.dimensions) {
      if (c.resizing) {
        liveSizes ??= new Map(s.transient?.sizes);
        liveSizes.set(c.id, c.dimensions);
      } else if (c.resizing === false) resizedId = c.id;
    } else if (c.type === 'select') {
      selected ??= new Set(s.selection.nodes);
      if (c.selected) selected.add(c.id);
      else selected.delete(c.id);
    }
  }
  if (selected) s.select({ nodes: [...selected], edges: s.selection.edges });
  if (done.size > 0) {
    if (!s.commit(done.size > 1 ? 'Move nodes' : 'Move', moveNodes(s.doc, done))) s.setTransient(null);
  } else if (resizedId !== undefined) {
    commitResize(resizedId);
  } else if (live || liveSizes) {
    s.setTransient({
      positions: live ?? s.transient?.positions ?? new Map(),
      sizes: liveSizes ?? s.transient?.sizes ?? new Map(),
    });
  }
}

function commitResize(id: string): void {
  const s = editorStore.getState();
  const t = s.transient;
  const size = t?.sizes.get(id);
  if (!t || !size) return;
  const childMoves = new Map([...t.positions].filter(([nodeId]) => nodeId !== id));
  if (!s.commit('Resize', resizeGroup(s.doc, id, size, t.positions.get(id), childMoves)))
    s.setTransient(null);
}

export function handleEdgesChange(changes: EdgeChange<KindFlowEdge>[]): void {
  const s = editorStore.getState();
  let selected: Set<string> | undefined;
  for (const c of changes) {
    if (c.type !== 'select') continue;
    selected ??= new Set(s.selection.edges);
    if (c.selected) selected.add(c.id);
    else selected.delete(c.id);
  }
  if (selected) s.select({ nodes: s.selection.nodes, edges: [...selected] });
}

/** React Flow asks while a connection is dragged: may these two nodes connect? */
export function isValidConnection(c: Connection | KindFlowEdge): boolean {
  return canConnect(editorStore.getState().doc, c.source, c.target).ok;
}

export function handleConnect(c: Connection): void {
  const s = editorStore.getState();
  s.commit('Connect', connect(s.doc, c.source, c.target));
}

/**
 * A connection dropped where it cannot go says why, next to the pointer. Dropped on a node's body
 * rather than its handle, it connects when the catalog allows it (a bigger target to hit).
 */
export function handleConnectEnd(event: MouseEvent | TouchEvent, state: FinalConnectionState): void {
  if (!state.fromNode || state.isValid) return;
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return;
  const s = editorStore.getState();
  let targetId = state.toNode?.id;
  if (!targetId) {
    const el = document
      .elementFromPoint(point.clientX, point.clientY)
      ?.closest<HTMLElement>('.react-flow__node');
    targetId = el?.dataset.id;
  }
  if (!targetId || targetId === state.fromNode.id) return;
  // A drag from a target handle (the left one) means "connect into this node".
  const fromTarget = state.fromHandle?.type === 'target';
  const [source, target] = fromTarget ? [targetId, state.fromNode.id] : [state.fromNode.id, targetId];
  const r = canConnect(s.doc, source, target);
  if (r.ok) s.commit('Connect', connect(s.doc, source, target));
  else s.notify('error', r.reason, { x: point.clientX, y: point.clientY });
}

export function handleDragOver(e: React.DragEvent): void {
  const types = e.dataTransfer.types;
  if (types.includes(KIND_MIME) || types.includes('Files')) {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }
}

/** A palette item dropped on the canvas: added where it was dropped (inside a group under it). */
export function dropKind(kindId: string, screen: XY): void {
  const kind = findKind(kindId);
  if (!kind) return;
  const size = nodeSize({ kind: kindId });
  const p = canvasApi.screenToFlow(screen);
  const s = editorStore.getState();
  s.commit(
    `Add ${kind.label}`,
    addNode(s.doc, kindId, { x: p.x - size.width / 2, y: p.y - size.height / 2 }),
  );
}
