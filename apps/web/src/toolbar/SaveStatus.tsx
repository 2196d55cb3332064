import { CircleCheck, CloudOff, LoaderCircle, TriangleExclamationPoint } from 'lucide-react';
import { ShareStatus } from '../share/ShareStatus';
import { type ShareState, useShare } from '../share/share-store';
import { type EditorState, useEditor } from '../store/editor-store';

const selectSave = (s: EditorState) => s.saveState;
const selectShared = (s: ShareState) => s.mode !== 'editor';

/** Where the autosave stands, next to the design name. Failures stay visible until resolved. */
export function SaveStatus() {
  const save = useEditor(selectSave);
  // A shared design is saved to its link: that is the state that matters (the copy in this
  // browser is kept quietly, and its failures still show in the banner below the toolbar).
  const shared = useShare(selectShared);
  if (shared) return <ShareStatus />;
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
