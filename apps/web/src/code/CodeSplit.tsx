import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { type EditorState, useEditor } from '../store/editor-store';

// Monaco and everything of the code view load when it first opens, never with the editor.
const CodePanel = lazy(() => import('./CodePanel').then((m) => ({ default: m.CodePanel })));

// Presenting (review mode) shows the canvas alone.
const selectView = (s: EditorState) => (s.presenting ? 'closed' : s.codeView);
const MIN_WIDTH = 280;
const WIDTH_KEY = 'stackdraft:code-width';

function savedWidth(): number {
  try {
    const w = Number(localStorage.getItem(WIDTH_KEY));
    if (w >= MIN_WIDTH) return w;
  } catch {
    // No storage: the default width.
  }
  return 520;
}

/**
 * The canvas, with the code view beside it (resizable by its divider, with the pointer or the
 * arrow keys) or over it at full width. The canvas stays mounted either way.
 */
export function CodeSplit({ children }: { children: React.ReactNode }) {
  const view = useEditor(selectView);
  const [width, setWidth] = useState(savedWidth);
  const box = useRef<HTMLDivElement>(null);
  const resize = useCallback((w: number) => {
    const max = Math.max(MIN_WIDTH, (box.current?.clientWidth ?? 1200) - 240);
    const next = Math.round(Math.min(Math.max(w, MIN_WIDTH), max));
    setWidth(next);
    try {
      localStorage.setItem(WIDTH_KEY, String(next));
    } catch {
      // Not remembered; still applied.
    }
  }, []);
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const right = box.current?.getBoundingClientRect().right ?? 0;
    e.currentTarget.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => resize(right - ev.clientX);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return (
    <div ref={box} className="relative flex min-h-0 flex-1">
      <div className="min-h-0 min-w-0 flex-1">{children}</div>
      {view !== 'closed' && (
        <>
          {view === 'side' && (
            // biome-ignore lint/a11y/useSemanticElements: a focusable splitter has no native element.
            <div
              role="separator"
              aria-orientation="vertical"
              aria-label="Resize code view"
              aria-valuenow={width}
              aria-valuemin={MIN_WIDTH}
              tabIndex={0}
              onPointerDown={onPointerDown}
              onKeyDown={(e) => {
                if (e.key === 'ArrowLeft') resize(width + 40);
                else if (e.key === 'ArrowRight') resize(width - 40);
                else return;
                e.preventDefault();
              }}
              className="w-1.5 shrink-0 cursor-col-resize bg-slate-200 hover:bg-indigo-400 focus-visible:bg-indigo-500 focus-visible:outline-none dark:bg-slate-800"
            />
          )}
          <div
            className={view === 'full' ? 'absolute inset-0 z-10' : 'min-h-0 shrink-0'}
            // Containment: each keystroke re-renders a few editor lines; without it the browser
            // restyles and re-lays out the whole page, canvas included (100 ms at 10,000 nodes).
            style={view === 'full' ? { contain: 'strict' } : { width, contain: 'strict' }}
          >
            <Suspense
              fallback={
                <p role="status" className="p-3 text-xs text-slate-500 dark:text-slate-400">
                  Loading the code view…
                </p>
              }
            >
              <CodePanel />
            </Suspense>
          </div>
        </>
      )}
    </div>
  );
}
