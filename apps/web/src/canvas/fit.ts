import type { ArchitectureDocument } from '@stackdraft/patterns';
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import { absoluteRects } from '../document/geometry';

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2.5;
/** Fitting never zooms in further than this (a single node should not fill the screen). */
export const FIT_MAX_ZOOM = 1.25;
export const FIT_PADDING = 0.15;

/**
 * The viewport that shows the whole design in a canvas of `width` x `height`, computed from the
 * document alone (every node's size is known). Setting it before a design is drawn means a large
 * design is first drawn at the zoom it will be seen at (with simplified nodes), not at 100% first.
 */
export function fitViewport(doc: ArchitectureDocument, width: number, height: number): Viewport {
  if (doc.nodes.length === 0 || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const r of absoluteRects(doc).values()) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return getViewportForBounds(
    { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
    width,
    height,
    MIN_ZOOM,
    FIT_MAX_ZOOM,
    FIT_PADDING,
  );
}
