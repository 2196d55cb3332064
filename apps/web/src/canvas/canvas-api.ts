import type { ArchitectureDocument } from '@stackdraft/patterns';
import type { ReactFlowInstance } from '@xyflow/react';
import type { XY } from '../document/geometry';
import { FIT_MAX_ZOOM, FIT_PADDING, fitViewport } from './fit';
import type { KindFlowEdge, KindFlowNode } from './types';

type Instance = ReactFlowInstance<KindFlowNode, KindFlowEdge>;

let instance: Instance | null = null;
let container: HTMLElement | null = null;

/** Called by the canvas when React Flow is ready (and with null when it unmounts). */
export function attachCanvas(next: Instance | null, element: HTMLElement | null): void {
  instance = next;
  container = element;
}

/**
 * What commands may ask of the canvas (fit, zoom, centre on a node, where the view is). Every
 * function is a no-op before the canvas exists, e.g. in component tests without React Flow.
 */
export const canvasApi = {
  fitView(): void {
    void instance?.fitView({ padding: FIT_PADDING, duration: 250, maxZoom: FIT_MAX_ZOOM });
  },
  /** Sets the view to show all of `doc` at once, before it is drawn (no animation). */
  fitDocument(doc: ArchitectureDocument): void {
    if (!instance || !container) return;
    const r = container.getBoundingClientRect();
    void instance.setViewport(fitViewport(doc, r.width, r.height));
  },
  zoomIn(): void {
    void instance?.zoomIn({ duration: 150 });
  },
  zoomOut(): void {
    void instance?.zoomOut({ duration: 150 });
  },
  /** Centres the view on the given nodes (and zooms in to read them when far out). */
  centreOn(nodeIds: readonly string[]): void {
    if (!instance || nodeIds.length === 0) return;
    const nodes = nodeIds.map((id) => instance?.getInternalNode(id)).filter((n) => n !== undefined);
    if (nodes.length === 0) return;
    void instance.fitView({
      nodes: nodes.map((n) => ({ id: n.id })),
      padding: 0.6,
      duration: 300,
      maxZoom: Math.max(1, instance.getZoom()),
      minZoom: 0.6,
    });
  },
  /** The centre of the visible canvas, in flow coordinates (where keyboard-added nodes go). */
  viewCentre(): XY {
    if (!instance || !container) return { x: 0, y: 0 };
    const r = container.getBoundingClientRect();
    return instance.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
  },
  screenToFlow(p: XY): XY {
    return instance ? instance.screenToFlowPosition(p) : p;
  },
  flowToScreen(p: XY): XY {
    return instance ? instance.flowToScreenPosition(p) : p;
  },
  /**
   * The camera as saved views store it: the flow point at the centre of the canvas, and the zoom.
   * Unlike React Flow's viewport (a screen offset), it means the same on any canvas size, so a
   * view saved on a laptop shows the same part of the design on a projector. Null before the
   * canvas exists.
   */
  camera(): { x: number; y: number; zoom: number } | null {
    if (!instance || !container) return null;
    const r = container.getBoundingClientRect();
    const { x, y, zoom } = instance.getViewport();
    return { x: (r.width / 2 - x) / zoom, y: (r.height / 2 - y) / zoom, zoom };
  },
  /** Moves the camera to centre on a saved camera's point at its zoom, over `duration` ms. */
  setCamera(camera: { x: number; y: number; zoom: number }, duration = 0): void {
    if (!instance || !container) return;
    const r = container.getBoundingClientRect();
    const { x, y, zoom } = camera;
    void instance.setViewport({ x: r.width / 2 - x * zoom, y: r.height / 2 - y * zoom, zoom }, { duration });
  },
  instance(): Instance | null {
    return instance;
  },
  element(): HTMLElement | null {
    return container;
  },
};
