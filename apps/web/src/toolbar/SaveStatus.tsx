import { CircleCheck, CloudOff, LoaderCircle, TriangleExclamationPoint } from 'lucide-react';
import { type EditorState, useEditor } from '../store/editor-store';

const selectSave = (s: EditorState) => s.saveState;

/** Where the autosave stands, next to the design name. Failures stay visible until resolved. */
export function SaveStatus() {
  const save = useEditor(selectSave);
  const base = 'flex items-center gap-1 text-xs whitespace-nowrap';
  switch (save.status) {
    case 'saving':
      return (
        <span className={`${base} text-slate-500 dark:text-slate-400`} role="status">
          <LoaderCircle className="size-3.5 animate-spin" aria-hidden="true" /> Saving…
        </span>
      );
    case 'saved':
      return (
        <span
          className={`${base} text-slate-500 dark:text-slate-400`}
          role="status"
          title={`Saved in this browser at ${new Date(save.at).toLocaleTimeString()}`}
        >
          <CircleCheck className="size-3.5 text-emerald-500" aria-hidden="true" /> Saved
        </span>
      );
    case 'error':
      return (
        <span
          className={`${base} font-medium text-red-600 dark:text-red-400`}
          role="alert"
          title={save.message}
        >
          <CloudOff className="size-3.5" aria-hidden="true" /> Not saved
          <span className="sr-only">: {save.message}</span>
        </span>
      );
    case 'conflict':
      return (
        <span
          className={`${base} font-medium text-amber-700 dark:text-amber-400`}
          role="status"
          title={save.message}
        >
          <TriangleExclamationPoint className="size-3.5" aria-hidden="true" /> Changed in another tab
        </span>
      );
    default:
      return null;
  }
}
