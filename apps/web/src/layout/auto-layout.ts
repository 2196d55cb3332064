import { type ArchitectureDocument, isGroupKind } from '@stackdraft/patterns';
import { GROUP_HEADER, GROUP_PADDING, nodeSize, type Size, type XY } from '../document/geometry';
import { editorStore } from '../store/editor-store';
import type { LayoutInput, LayoutResult } from './hierarchy';

/**
 * Auto layout from the main thread's side: builds the input, hands it to the layout worker, and
 * animates the design into place as one undoable step. Nothing here blocks for the layout itself.
 */

interface Pending {
  resolve(v: { result: LayoutResult; ms: number }): void;
  reject(e: Error): void;
}

let worker: Worker | undefined;
let seq = 0;
const pending = new Map<number, Pending>();

function layoutWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./layout.worker.ts', import.meta.url), {
    type: 'module',
    name: 'stackdraft-layout',
  });
  w.onmessage = (e: MessageEvent<{ id: number; result?: LayoutResult; ms?: number; error?: string }>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.result) p.resolve({ result: e.data.result, ms: e.data.ms ?? 0 });
    else p.reject(new Error(e.data.error ?? 'the layout failed'));
  };
  w.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message || 'the layout worker could not start'));
    pending.clear();
    worker = undefined;
  };
  worker = w;
  return w;
}

/** Runs the layout of `input` in the worker; resolves with the result and the worker's time. */
export function layoutInWorker(input: LayoutInput): Promise<{ result: LayoutResult; ms: number }> {
  const id = ++seq;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, input });
  });
}

/** What the layout needs to know of a design: nodes with sizes and parents, and the edges. */
export function layoutInputOf(doc: ArchitectureDocument): LayoutInput {
  return {
    nodes: doc.nodes.map((n) => {
      const size = nodeSize(n);
      const node: LayoutInput['nodes'][number] = {
        id: n.id,
        group: isGroupKind(n.kind),
        width: size.width,
        height: size.height,
      };
      if (n.parent !== undefined) node.parent = n.parent;
      return node;
    }),
    edges: doc.edges.map((e) => ({ source: e.source, target: e.target })),
    groupHeader: GROUP_HEADER,
    groupPadding: GROUP_PADDING,
  };
}

/** The design with the layout's positions and group sizes written into it. */
export function applyLayout(doc: ArchitectureDocument, result: LayoutResult): ArchitectureDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const p = result.positions[n.id];
      const size = result.sizes[n.id];
      if (!p && !size) return n;
      const next = { ...n };
      if (p) next.position = { x: p.x, y: p.y };
      if (size && isGroupKind(n.kind)) next.size = { width: size.width, height: size.height };
      return next;
    }),
  };
}

const ANIMATION_MS = 320;
/** Larger designs jump into place: animating a thousand nodes would cost more than it shows. */
const ANIMATE_UP_TO = 300;

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

/** Moves nodes from where they are to where the layout put them, through the transient overlay. */
function animate(from: ArchitectureDocument, to: ArchitectureDocument): Promise<void> {
  if (
    to.nodes.length > ANIMATE_UP_TO ||
    prefersReducedMotion() ||
    typeof requestAnimationFrame === 'undefined'
  ) {
    return Promise.resolve();
  }
  const start = new Map<string, { p: XY; s: Size }>(
    from.nodes.map((n) => [n.id, { p: n.position ?? { x: 0, y: 0 }, s: nodeSize(n) }]),
  );
  const t0 = performance.now();
  return new Promise((resolve) => {
    const step = (now: number) => {
      const t = Math.min(1, (now - t0) / ANIMATION_MS);
      const k = 1 - (1 - t) ** 3;
      const positions = new Map<string, XY>();
      const sizes = new Map<string, Size>();
      for (const n of to.nodes) {
        const a = start.get(n.id);
        const p = n.position ?? { x: 0, y: 0 };
        if (!a) continue;
        positions.set(n.id, { x: a.p.x + (p.x - a.p.x) * k, y: a.p.y + (p.y - a.p.y) * k });
        if (isGroupKind(n.kind)) {
          const s = nodeSize(n);
          sizes.set(n.id, {
            width: a.s.width + (s.width - a.s.width) * k,
            height: a.s.height + (s.height - a.s.height) * k,
          });
        }
      }
      editorStore.getState().setTransient({ positions, sizes });
      if (t < 1) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
}

let running = false;

/**
 * Lays out the whole design (ELK, layered, left to right, groups sized to fit) and animates it
 * into place as one undoable step. Returns false when it did not apply (nothing to lay out, the
 * design changed meanwhile, or the layout failed, which is shown).
 */
export async function runAutoLayout(): Promise<boolean> {
  const s0 = editorStore.getState();
  if (running || s0.doc.nodes.length === 0) return false;
  running = true;
  const before = s0.doc;
  try {
    const { result } = await layoutInWorker(layoutInputOf(before));
    if (editorStore.getState().doc !== before) {
      editorStore
        .getState()
        .notify('info', 'The design changed while it was being laid out: run Auto layout again.');
      return false;
    }
    const next = applyLayout(before, result);
    await animate(before, next);
    const s = editorStore.getState();
    if (s.doc !== before) {
      s.setTransient(null);
      return false;
    }
    return s.commit('Auto layout', { ok: true, doc: next });
  } catch (err) {
    const s = editorStore.getState();
    s.setTransient(null);
    s.notify('error', `Auto layout failed: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  } finally {
    running = false;
  }
}

/** Does the design have nodes without a position (an import, a file written by hand or by the CLI)? */
export function needsLayout(doc: ArchitectureDocument): boolean {
  return doc.nodes.some((n) => n.position === undefined);
}

/**
 * Starts the layout worker and lays out a tiny graph once, when the browser is idle after start-up:
 * the first real Auto layout then does not also pay for loading ELK and warming it up (about two
 * seconds on a slow machine). Not part of the first download: it happens after the editor is up.
 */
export function prewarmLayout(): void {
  const run = () => {
    void layoutInWorker({
      nodes: [
        { id: 'a', group: false, width: 208, height: 56 },
        { id: 'b', group: false, width: 208, height: 56 },
      ],
      edges: [{ source: 'a', target: 'b' }],
      groupHeader: GROUP_HEADER,
      groupPadding: GROUP_PADDING,
    }).catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 2000);
}
