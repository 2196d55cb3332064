import {
  Controls,
  type NodeMouseHandler,
  ReactFlow,
  type ReactFlowInstance,
  ReactFlowProvider,
  SelectionMode,
  useStore,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { GRID } from '../document/geometry';
import { openFile } from '../persistence/files';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import { ConnectionHint } from './ConnectionHint';
import { ContextMenu, useContextMenu } from './ContextMenu';
import { attachCanvas } from './canvas-api';
import { trackPointer } from './clipboard';
import { createDeriver } from './derive';
import { EmptyCanvasHint } from './EmptyCanvasHint';
import { fitViewport, MAX_ZOOM, MIN_ZOOM } from './fit';
import { GridBackground } from './GridBackground';
import {
  dropKind,
  handleConnect,
  handleConnectEnd,
  handleDragOver,
  handleEdgesChange,
  handleNodesChange,
  isValidConnection,
  KIND_MIME,
} from './interactions';
import { EdgeMarkers, KindEdge } from './KindEdge';
import { KindNode } from './KindNode';
import { LiteContext, liteSelector } from './lod';
import { Minimap } from './Minimap';
import type { KindFlowEdge, KindFlowNode } from './types';

// Module scope, as React Flow asks: new objects here on every render would remount every node.
const nodeTypes = { kind: KindNode };
const edgeTypes = { kind: KindEdge };
const SNAP: [number, number] = [GRID, GRID];
const MULTI_KEYS = ['Shift', 'Meta', 'Control'];
const ARIA_LABELS = { 'controls.ariaLabel': 'Zoom controls' };

const selectDoc = (s: EditorState) => s.doc;
const selectSelection = (s: EditorState) => s.selection;
const selectTransient = (s: EditorState) => s.transient;
const selectRenaming = (s: EditorState) => s.renamingId;
const selectTheme = (s: EditorState) => s.theme;
// Review (presenting) draws the design for a meeting: nothing on the canvas moves or connects.
const selectReadOnly = (s: EditorState) => s.readOnly || s.presenting;
const selectPresenting = (s: EditorState) => s.presenting;

/** The canvas: React Flow drawing the document, with our grid, overview map and zoom controls. */
export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasView />
    </ReactFlowProvider>
  );
}

function CanvasView() {
  const doc = useEditor(selectDoc);
  const selection = useEditor(selectSelection);
  const transient = useEditor(selectTransient);
  const renamingId = useEditor(selectRenaming);
  const theme = useEditor(selectTheme);
  // View only: nodes can be selected and inspected, not dragged, connected, resized or renamed.
  const readOnly = useEditor(selectReadOnly);
  const presenting = useEditor(selectPresenting);
  const lite = useStore(liteSelector);
  const wrapper = useRef<HTMLDivElement>(null);
  const deriver = useMemo(createDeriver, []);
  const nodes = useMemo(
    () => deriver.nodes(doc, selection, transient, renamingId),
    [deriver, doc, selection, transient, renamingId],
  );
  const edges = useMemo(() => deriver.edges(doc, selection), [deriver, doc, selection]);
  const menu = useContextMenu();
  // The first view shows the whole design: computed from the document and the canvas size
  // before React Flow draws anything, so a large design is never drawn at 100% first.
  const [initialViewport, setInitialViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const r = wrapper.current?.getBoundingClientRect();
    setInitialViewport(fitViewport(editorStore.getState().doc, r?.width ?? 0, r?.height ?? 0));
  }, []);

  const onInit = useCallback((instance: ReactFlowInstance<KindFlowNode, KindFlowEdge>) => {
    attachCanvas(instance, wrapper.current);
  }, []);

  const onDrop = useCallback((e: React.DragEvent) => {
    const kind = e.dataTransfer.getData(KIND_MIME);
    if (kind) {
      e.preventDefault();
      dropKind(kind, { x: e.clientX, y: e.clientY });
      return;
    }
    const file = e.dataTransfer.files[0];
    if (file) {
      e.preventDefault();
      void openFile(file);
    }
  }, []);

  const onNodeDoubleClick: NodeMouseHandler<KindFlowNode> = useCallback((_e, node) => {
    const s = editorStore.getState();
    s.select({ nodes: [node.id], edges: [] });
    if (!s.readOnly && !s.presenting) s.startRename(node.id);
  }, []);

  const onPointerMove = useCallback((e: React.PointerEvent) => {
    trackPointer(undefined);
    if (e.target instanceof Element && e.target.closest('.react-flow__pane, .react-flow__node')) {
      trackPointer({ x: e.clientX, y: e.clientY });
    }
  }, []);

  const animate = !lite && edges.length <= 400;
  return (
    <div
      ref={wrapper}
      className={`sd-canvas relative h-full w-full ${lite ? 'sd-lite' : ''} ${animate ? 'sd-animate' : ''}`}
      onPointerMove={onPointerMove}
      onPointerLeave={() => trackPointer(undefined)}
    >
      <LiteContext.Provider value={lite}>
        {initialViewport && (
          <ReactFlow<KindFlowNode, KindFlowEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={handleNodesChange}
            onEdgesChange={handleEdgesChange}
            onConnect={handleConnect}
            onConnectEnd={handleConnectEnd}
            isValidConnection={isValidConnection}
            onInit={onInit}
            onDrop={onDrop}
            onDragOver={handleDragOver}
            onNodeDoubleClick={onNodeDoubleClick}
            onNodeContextMenu={presenting ? undefined : menu.onNode}
            onEdgeContextMenu={presenting ? undefined : menu.onEdge}
            onPaneContextMenu={presenting ? undefined : menu.onPane}
            onSelectionContextMenu={presenting ? undefined : menu.onSelection}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            edgesReconnectable={!readOnly}
            snapToGrid
            snapGrid={SNAP}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={MULTI_KEYS}
            selectionMode={SelectionMode.Partial}
            zoomOnDoubleClick={false}
            minZoom={MIN_ZOOM}
            maxZoom={MAX_ZOOM}
            defaultViewport={initialViewport}
            connectionRadius={28}
            colorMode={theme}
            attributionPosition="top-right"
            ariaLabelConfig={ARIA_LABELS}
          >
            <GridBackground />
            <Controls showInteractive={false} position="bottom-left" />
            <Minimap />
            <ConnectionHint />
          </ReactFlow>
        )}
      </LiteContext.Provider>
      <EdgeMarkers />
      {doc.nodes.length === 0 && <EmptyCanvasHint />}
      {menu.state && <ContextMenu state={menu.state} onClose={menu.close} />}
    </div>
  );
}
