import { type EditorState, useEditor } from '../store/editor-store';
import { Cost } from './Cost';
import { Problems } from './Problems';
import { ReviewScore } from './ReviewScore';

const selectOpen = (s: EditorState) => s.bottomOpen;

/** The bottom area: Problems, Cost and Review score side by side, all visible at once. */
export function BottomPanels() {
  const open = useEditor(selectOpen);
  if (!open) return null;
  return (
    <div className="grid h-64 shrink-0 grid-cols-[minmax(0,1.7fr)_minmax(0,1.15fr)_minmax(0,1fr)] divide-x divide-slate-200 border-t border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-950">
      <Problems />
      <Cost />
      <ReviewScore />
    </div>
  );
}
