import type { ArchitectureDocument, View } from '@stackdraft/patterns';
import { refuse, type TransformResult } from '../document/types';

/** The most views a design keeps: enough for any meeting, few enough to step through. */
export const MAX_VIEWS = 50;
const MAX_NAME = 200;

/**
 * A saved view as the canvas captures it: where the camera is (`viewport`: the flow point at the
 * centre of the canvas and the zoom, so it means the same on any screen size) and which nodes to
 * highlight.
 */
export interface CapturedView {
  readonly viewport: { x: number; y: number; zoom: number };
  readonly highlighted: readonly string[];
}

/** The name a new view gets: "View N", with N one past the highest such number already used. */
export function nextViewName(views: readonly View[]): string {
  let n = 0;
  for (const v of views) {
    const m = /^View (\d+)$/.exec(v.name);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return `View ${Math.max(n, views.length) + 1}`;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Adds a view at the end. Highlighted ids the design does not have are dropped. */
export function addView(doc: ArchitectureDocument, captured: CapturedView, name?: string): TransformResult {
  const views = doc.views ?? [];
  if (views.length >= MAX_VIEWS)
    return refuse(`A design keeps at most ${MAX_VIEWS} views; delete one first.`);
  const title = (name ?? nextViewName(views)).trim().slice(0, MAX_NAME);
  if (!title) return refuse('A view needs a name.');
  const ids = new Set(doc.nodes.map((n) => n.id));
  const highlighted = captured.highlighted.filter((id) => ids.has(id));
  const { x, y, zoom } = captured.viewport;
  if (![x, y, zoom].every(Number.isFinite) || zoom <= 0)
    return refuse('The canvas has no usable viewport to save.');
  const view: View = {
    name: title,
    viewport: { x: round(x, 1), y: round(y, 1), zoom: round(Math.min(zoom, 10), 3) },
    ...(highlighted.length > 0 ? { highlighted } : {}),
  };
  return { ok: true, doc: { ...doc, views: [...views, view] } };
}

/** Renames the view at `index`. */
export function renameView(doc: ArchitectureDocument, index: number, name: string): TransformResult {
  const views = doc.views ?? [];
  const view = views[index];
  if (!view) return refuse('That view no longer exists.');
  const title = name.trim().slice(0, MAX_NAME);
  if (!title) return refuse('A view needs a name.');
  if (title === view.name) return { ok: true, doc };
  return { ok: true, doc: { ...doc, views: views.map((v, i) => (i === index ? { ...v, name: title } : v)) } };
}

/** Deletes the view at `index`. */
export function deleteView(doc: ArchitectureDocument, index: number): TransformResult {
  const views = doc.views ?? [];
  if (!views[index]) return refuse('That view no longer exists.');
  const rest = views.filter((_, i) => i !== index);
  const next = { ...doc, views: rest };
  if (rest.length === 0) delete (next as { views?: View[] }).views;
  return { ok: true, doc: next };
}

/** Moves the view at `index` by `delta` places (slides are reordered this way). */
export function moveView(doc: ArchitectureDocument, index: number, delta: -1 | 1): TransformResult {
  const views = [...(doc.views ?? [])];
  const to = index + delta;
  const view = views[index];
  if (!view || to < 0 || to >= views.length) return { ok: true, doc };
  views.splice(index, 1);
  views.splice(to, 0, view);
  return { ok: true, doc: { ...doc, views } };
}
