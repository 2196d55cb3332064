import { createContext, useContext } from 'react';

/**
 * Below this zoom a large design draws simplified nodes (a tinted box and the label): the detail
 * is unreadable there anyway, and the lighter nodes keep panning and dragging smooth. A small
 * design keeps its rich nodes further out, where they are still worth reading.
 */
export const LITE_ZOOM = 0.55;
export const LITE_ZOOM_SMALL = 0.3;
/** Designs with more nodes than this count as large. */
export const LARGE_DESIGN = 200;

/** The React Flow store selector deciding whether nodes are drawn simplified. */
export function liteSelector(s: {
  transform: [number, number, number];
  nodeLookup: { size: number };
}): boolean {
  return s.transform[2] < (s.nodeLookup.size > LARGE_DESIGN ? LITE_ZOOM : LITE_ZOOM_SMALL);
}

/** True while the canvas is zoomed out far enough for simplified nodes. */
export const LiteContext = createContext(false);

export function useLite(): boolean {
  return useContext(LiteContext);
}
