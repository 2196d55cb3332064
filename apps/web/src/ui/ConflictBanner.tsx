import { getAutosave } from '../persistence/instance';
import { type EditorState, useEditor } from '../store/editor-store';

const selectSave = (s: EditorState) => s.saveState;

/**
 * Shown when another tab saved this design after this tab last loaded or saved it: this tab does
 * not save over it until the person chooses which version to keep.
 */
export function ConflictBanner() {
  const save = useEditor(selectSave);
  if (save.status !== 'conflict' && save.status !== 'error') return null;
  const conflict = save.status === 'conflict';
  return (
    <div
      role={conflict ? 'status' : 'alert'}
      className={`flex items-center gap-3 border-b px-4 py-2 text-sm ${
        conflict
          ? 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100'
          : 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100'
      }`}
    >
      <span className="flex-1">{save.message}</span>
      {conflict && (
        <>
          <button
            type="button"
            onClick={() => void getAutosave()?.loadLatest()}
            className="rounded-md bg-amber-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-amber-500"
          >
            Load the latest version
          </button>
          <button
            type="button"
            onClick={() => void getAutosave()?.keepMine()}
            className="rounded-md border border-amber-300 px-2.5 py-1 text-xs font-medium hover:bg-amber-100 dark:border-amber-700 dark:hover:bg-amber-900"
          >
            Keep this tab's version
          </button>
        </>
      )}
    </div>
  );
}
