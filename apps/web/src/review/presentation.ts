import type { View } from '@stackdraft/patterns';
import { canvasApi } from '../canvas/canvas-api';
import { editorStore } from '../store/editor-store';
import { reviewStore } from './review-store';
import { focusOn } from './spotlight';
import { addView } from './views';

/** Shows saved view `view`: its viewport (animated) and its highlighted nodes, the rest dimmed. */
export function showView(view: View): void {
  const s = editorStore.getState();
  if (view.viewport) canvasApi.setCamera(view.viewport, 400);
  else canvasApi.fitView();
  s.setSpotlight(view.highlighted && view.highlighted.length > 0 ? focusOn(view.highlighted) : null);
}

/**
 * Saves what the canvas shows now as a view: the viewport, and the selected nodes as the
 * highlighted ones. One undoable step; says what it did.
 */
export function saveCurrentView(name?: string): boolean {
  const s = editorStore.getState();
  const viewport = canvasApi.camera();
  if (!viewport) {
    s.notify('error', 'The canvas is not ready yet; try again in a moment.');
    return false;
  }
  const result = addView(s.doc, { viewport, highlighted: s.selection.nodes }, name);
  if (!s.commit('Save view', result)) return false;
  const views = editorStore.getState().doc.views ?? [];
  s.notify('success', `Saved “${views[views.length - 1]?.name}” for Review.`);
  return true;
}

/** Enters Review: full screen when the browser allows it, chrome hidden, editing off. */
export function enterPresentation(): void {
  const s = editorStore.getState();
  s.openDialog(null);
  s.startRename(null);
  reviewStore.getState().setSlide(null);
  s.setPresenting(true);
  // Full screen needs a user gesture and may be refused (iframes, policies): presenting works anyway.
  document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** Leaves Review and the full screen it entered. */
export function exitPresentation(): void {
  editorStore.getState().setPresenting(false);
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}
