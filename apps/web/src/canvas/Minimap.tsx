import { isGroupKind } from '@stackdraft/patterns';
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { absoluteRects, type Rect } from '../document/geometry';
import { editorStore } from '../store/editor-store';

const WIDTH = 200;
const HEIGHT = 136;

/**
 * An overview of the whole design with the visible area marked; click or drag in it to move
 * there. Drawn on a canvas from store subscriptions, so neither a pan nor a drag re-renders React,
 * and a thousand nodes cost a thousand rectangles, not a thousand SVG elements.
 */
export function Minimap() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    // The nodes are drawn once per document (and theme) into this layer; a pan only copies it.
    const layer = document.createElement('canvas');
    layer.width = canvas.width;
    layer.height = canvas.height;
    const layerCtx = layer.getContext('2d');
    if (!layerCtx) return;

    let frame = 0;
    let drawnDoc: unknown;
    let drawnDark: boolean | undefined;
    let lastTransform: unknown;
    let scale = 1;
    let offset = { x: 0, y: 0 };
    const pad = 8;

    const drawNodes = (dark: boolean) => {
      const { doc } = editorStore.getState();
      drawnDoc = doc;
      drawnDark = dark;
      const all = absoluteRects(doc);
      let minX = Number.POSITIVE_INFINITY;
      let minY = Number.POSITIVE_INFINITY;
      let maxX = Number.NEGATIVE_INFINITY;
      let maxY = Number.NEGATIVE_INFINITY;
      for (const r of all.values()) {
        minX = Math.min(minX, r.x);
        minY = Math.min(minY, r.y);
        maxX = Math.max(maxX, r.x + r.width);
        maxY = Math.max(maxY, r.y + r.height);
      }
      if (all.size === 0) {
        minX = 0;
        minY = 0;
        maxX = 1000;
        maxY = 600;
      }
      scale = Math.min((WIDTH - pad * 2) / (maxX - minX || 1), (HEIGHT - pad * 2) / (maxY - minY || 1));
      offset = {
        x: pad + (WIDTH - pad * 2 - (maxX - minX) * scale) / 2 - minX * scale,
        y: pad + (HEIGHT - pad * 2 - (maxY - minY) * scale) / 2 - minY * scale,
      };
      layerCtx.setTransform(ratio, 0, 0, ratio, 0, 0);
      layerCtx.clearRect(0, 0, WIDTH, HEIGHT);
      // Groups first (below), then the nodes.
      for (const group of [true, false]) {
        layerCtx.fillStyle = group ? (dark ? '#1e293b' : '#e2e8f0') : dark ? '#64748b' : '#94a3b8';
        for (const n of doc.nodes) {
          if (isGroupKind(n.kind) !== group) continue;
          const r = all.get(n.id) as Rect;
          layerCtx.fillRect(
            r.x * scale + offset.x,
            r.y * scale + offset.y,
            Math.max(1, r.width * scale),
            Math.max(1, r.height * scale),
          );
        }
      }
    };

    const draw = () => {
      frame = 0;
      const dark = document.documentElement.classList.contains('dark');
      if (editorStore.getState().doc !== drawnDoc || dark !== drawnDark) drawNodes(dark);
      const { transform, width, height } = store.getState();
      lastTransform = transform;
      const [tx, ty, zoom] = transform;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(layer, 0, 0);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      // Dim what is outside the view, then outline the view.
      // The view, clamped to the overview: when it shows more than the design, its outline hugs the edge.
      const x0 = Math.max(1, (-tx / zoom) * scale + offset.x);
      const y0 = Math.max(1, (-ty / zoom) * scale + offset.y);
      const x1 = Math.min(WIDTH - 1, ((width - tx) / zoom) * scale + offset.x);
      const y1 = Math.min(HEIGHT - 1, ((height - ty) / zoom) * scale + offset.y);
      const vx = x0;
      const vy = y0;
      const vw = Math.max(0, x1 - x0);
      const vh = Math.max(0, y1 - y0);
      ctx.fillStyle = dark ? 'rgba(2,6,23,0.45)' : 'rgba(241,245,249,0.55)';
      ctx.beginPath();
      ctx.rect(0, 0, WIDTH, HEIGHT);
      ctx.rect(vx, vy, vw, vh);
      ctx.fill('evenodd');
      ctx.strokeStyle = '#6366f1';
      ctx.lineWidth = 1.5;
      ctx.strokeRect(vx, vy, vw, vh);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    draw();
    // Only the view matters from React Flow's store: a drag frame (nodes changing) is not redrawn.
    const offFlow = store.subscribe((s) => {
      if (s.transform !== lastTransform) schedule();
    });
    const offDoc = editorStore.subscribe((s, prev) => {
      if (s.doc !== prev.doc) schedule();
    });
    const themeObserver = new MutationObserver(schedule);
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });

    // Click or drag in the overview: centre the view there, keeping the zoom.
    let dragging = false;
    const moveTo = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      const fx = (e.clientX - r.left - offset.x) / scale;
      const fy = (e.clientY - r.top - offset.y) / scale;
      const { transform, width, height, panZoom } = store.getState();
      const zoom = transform[2];
      void panZoom?.setViewport({ x: width / 2 - fx * zoom, y: height / 2 - fy * zoom, zoom });
    };
    const down = (e: PointerEvent) => {
      dragging = true;
      canvas.setPointerCapture(e.pointerId);
      moveTo(e);
    };
    const move = (e: PointerEvent) => {
      if (dragging) moveTo(e);
    };
    const up = () => {
      dragging = false;
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    return () => {
      offFlow();
      offDoc();
      themeObserver.disconnect();
      if (frame) cancelAnimationFrame(frame);
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
    };
  }, [store]);

  return (
    <div className="sd-minimap nodrag nopan absolute right-3 bottom-3 z-10 overflow-hidden rounded-lg border border-slate-200 bg-white/90 shadow-sm dark:border-slate-700 dark:bg-slate-900/90">
      <canvas
        ref={canvasRef}
        style={{ width: WIDTH, height: HEIGHT }}
        className="block cursor-pointer"
        role="img"
        aria-label="Overview of the whole design; the outlined area is what the canvas shows"
      />
    </div>
  );
}
