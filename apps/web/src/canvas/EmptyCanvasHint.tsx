import { MousePointerClick } from 'lucide-react';

/** What an empty canvas says to a first-time visitor. */
export function EmptyCanvasHint() {
  return (
    <div className="pointer-events-none absolute inset-0 grid place-items-center">
      <div className="max-w-sm rounded-xl border border-dashed border-slate-300 bg-white/80 px-6 py-5 text-center shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/80">
        <MousePointerClick className="mx-auto mb-2 size-6 text-indigo-500" aria-hidden="true" />
        <p className="text-sm font-medium text-slate-800 dark:text-slate-100">Start your architecture</p>
        <p className="mt-1 text-xs leading-relaxed text-slate-500 dark:text-slate-400">
          Drag a component from the palette, or insert a template. Connect nodes by dragging from the dot on a
          node's right edge to another node.
        </p>
      </div>
    </div>
  );
}
