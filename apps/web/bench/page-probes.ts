/**
 * Functions that run inside the benchmark pages (serialised by Playwright: no outside references).
 * Both pages expose `window.__adapter = { load(graph), instance() }` (installed by the runner).
 */

interface Adapter {
  load(graph: unknown): void;
  instance(): {
    setViewport(v: { x: number; y: number; zoom: number }): unknown;
    getViewport(): { x: number; y: number; zoom: number };
    setCenter(x: number, y: number, o: { zoom: number }): unknown;
  };
}
type W = Window & { __adapter: Adapter; __commits?: number };

/** Counts React commits through the DevTools hook (installed before React loads). */
export function installCommitCounter(): void {
  const w = window as unknown as W & { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown };
  w.__commits = 0;
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onCommitFiberRoot: () => {
      w.__commits = (w.__commits ?? 0) + 1;
    },
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    checkDCE: () => {},
  };
}

/** Loads the graph and resolves when every node and edge is drawn and visible (after a paint). */
export async function measureRender(args: { graph: unknown; nodes: number; edges: number }): Promise<number> {
  const w = window as unknown as W;
  const t0 = performance.now();
  w.__adapter.load(args.graph);
  await new Promise<void>((resolve) => {
    const check = () => {
      const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
      const edges = document.querySelectorAll('.react-flow__edge-path');
      let visible = nodes.length === args.nodes && edges.length >= args.edges;
      if (visible) for (const n of nodes) if (n.style.visibility === 'hidden') visible = false;
      if (visible) requestAnimationFrame(() => setTimeout(resolve, 0));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  return performance.now() - t0;
}

/** Pans steadily for `ms`, one viewport step per frame; frames per second and React commits per frame. */
export async function measurePan(args: { ms: number; speed: number }) {
  const w = window as unknown as W;
  const rf = w.__adapter.instance();
  const start = rf.getViewport();
  const commits0 = w.__commits ?? 0;
  let frames = 0;
  let worst = 0;
  let t0 = 0;
  let last = 0;
  await new Promise<void>((resolve) => {
    const step = (now: number) => {
      if (!t0) {
        t0 = now;
        last = now;
      }
      frames++;
      worst = Math.max(worst, now - last);
      last = now;
      const t = now - t0;
      // Back and forth, so the view stays over the design.
      const dx = Math.sin((t / 1000) * Math.PI) * args.speed;
      void rf.setViewport({ x: start.x + dx, y: start.y + dx / 3, zoom: start.zoom });
      if (t < args.ms) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  const seconds = (last - t0) / 1000;
  return {
    fps: (frames - 1) / seconds,
    worstFrameMs: worst,
    commitsPerFrame: ((w.__commits ?? 0) - commits0) / frames,
  };
}

/** Drags the node `id` with the mouse, one move per frame, for `ms`; frames per second. */
export async function measureDrag(args: { id: string; ms: number }) {
  const w = window as unknown as W;
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(args.id)}"]`);
  if (!el) throw new Error(`no node ${args.id}`);
  const r = el.getBoundingClientRect();
  let x = r.x + r.width / 2;
  let y = r.y + r.height / 2;
  const before = el.style.transform;
  const ev = (type: string) =>
    new MouseEvent(type, {
      bubbles: true,
      cancelable: true,
      clientX: x,
      clientY: y,
      view: window,
      button: 0,
      buttons: 1,
    });
  el.dispatchEvent(ev('mousedown'));
  const commits0 = w.__commits ?? 0;
  let frames = 0;
  let worst = 0;
  let t0 = 0;
  let last = 0;
  await new Promise<void>((resolve) => {
    const step = (now: number) => {
      if (!t0) {
        t0 = now;
        last = now;
      }
      frames++;
      worst = Math.max(worst, now - last);
      last = now;
      const t = now - t0;
      x += Math.cos(t / 300) * 4;
      y += Math.sin(t / 300) * 4;
      el.dispatchEvent(ev('mousemove'));
      if (t < args.ms) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  el.dispatchEvent(ev('mouseup'));
  const seconds = (last - t0) / 1000;
  return {
    fps: (frames - 1) / seconds,
    worstFrameMs: worst,
    commitsPerFrame: ((w.__commits ?? 0) - commits0) / frames,
    moved: el.style.transform !== before,
  };
}

/** Centres the view on a node at 100% zoom. */
export function zoomToNode(args: { x: number; y: number }): void {
  const w = window as unknown as W;
  void w.__adapter.instance().setCenter(args.x, args.y, { zoom: 1 });
}

/** Lays out the grouped design in the editor's layout worker, counting main-thread long tasks meanwhile. */
export async function measureLayout(args: { doc: unknown }) {
  const hook = (window as unknown as { __stackdraft: { layout(doc: unknown): Promise<number> } })
    .__stackdraft;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
  const t0 = performance.now();
  const workerMs = await hook.layout(args.doc);
  const wallMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return { wallMs, workerMs, longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks) };
}
