import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { GRID } from '../document/geometry';
import { type EditorState, useEditor } from '../store/editor-store';

const selectTheme = (s: EditorState) => s.theme;

/** Tiles are about this big: a few dozen of them fill the canvas, not thousands of one-dot tiles. */
const TILE = 128;

/**
 * A tile of `n` x `n` dots spaced `gap` px apart, as an SVG image. The browser rasterises it once
 * per zoom step and then only copies it: painting the grid on each pan frame stays cheap.
 */
function tile(gap: number, n: number, colour: string): string {
  let dots = '';
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) dots += `M${i * gap} ${j * gap + 1}a1 1 0 1 0 2 0a1 1 0 1 0-2 0`;
  const size = gap * n;
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='${size}' height='${size}'><path fill='${colour}' d='${dots}'/></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}

/**
 * The dot grid behind the canvas. It follows the viewport by writing CSS properties from a store
 * subscription, not by re-rendering: panning commits nothing to React. The tile is redrawn only
 * when the zoom changes the spacing, so dots stay one pixel at every zoom, and it holds many dots
 * (see `tile`).
 */
export function GridBackground() {
  const ref = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  const theme = useEditor(selectTheme);
  useEffect(() => {
    const colour = theme === 'dark' ? '#334155' : '#cbd5e1';
    let last: readonly number[] | undefined;
    let lastSize = 0; // the dot spacing the current tile was drawn for
    const apply = (transform: readonly [number, number, number]) => {
      const el = ref.current;
      if (!el || transform === last) return;
      last = transform;
      const [x, y, zoom] = transform;
      // Far out, a dot every grid step would be a grey haze: show every fourth (or sixteenth).
      let gap = GRID * zoom;
      while (gap < 10) gap *= 4;
      const step = Math.round(gap * 4) / 4;
      if (step !== lastSize) {
        lastSize = step;
        const n = Math.max(1, Math.floor(TILE / step));
        el.style.backgroundImage = tile(step, n, colour);
        el.style.backgroundSize = `${step * n}px ${step * n}px`;
      }
      el.style.backgroundPosition = `${x}px ${y}px`;
    };
    apply(store.getState().transform);
    return store.subscribe((s) => apply(s.transform));
  }, [store, theme]);
  return <div ref={ref} className="sd-grid pointer-events-none absolute inset-0" aria-hidden="true" />;
}
