import type { View } from '@stackdraft/patterns';
import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import { saveCurrentView } from './presentation';
import { deleteView, moveView, renameView } from './views';

const selectViews = (s: EditorState) => s.doc.views;
const NO_VIEWS: readonly View[] = [];
const iconButton =
  'grid size-7 place-items-center rounded-md text-slate-600 hover:bg-slate-100 disabled:opacity-30 dark:text-slate-300 dark:hover:bg-slate-800';

/** One saved view: its name (editable in place), show, reorder, delete. */
function ViewRow({
  view,
  index,
  count,
  current,
  onShow,
}: {
  view: View;
  index: number;
  count: number;
  current: boolean;
  onShow: () => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (label: string, fn: (doc: EditorState['doc']) => ReturnType<typeof renameView>) => {
    const s = editorStore.getState();
    s.commit(label, fn(s.doc));
  };
  const highlighted = view.highlighted?.length ?? 0;
  return (
    <li
      className={`flex items-center gap-1 rounded-md border px-2 py-1.5 ${
        current
          ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950/40'
          : 'border-slate-200 dark:border-slate-800'
      }`}
    >
      <span className="w-6 text-sm text-slate-500 tabular-nums">{index + 1}</span>
      {draft === null ? (
        <button
          type="button"
          onClick={onShow}
          onDoubleClick={() => setDraft(view.name)}
          aria-current={current ? 'step' : undefined}
          className="min-w-0 flex-1 truncate text-left text-sm font-medium"
          title="Show this view (double-click to rename)"
        >
          {view.name}
          {highlighted > 0 && (
            <span className="ml-1 text-xs font-normal text-slate-500 dark:text-slate-400">
              · {highlighted} highlighted
            </span>
          )}
        </button>
      ) : (
        <input
          aria-label={`Name of view ${index + 1}`}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to rename this view.
          autoFocus
          value={draft}
          maxLength={200}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            commit('Rename view', (doc) => renameView(doc, index, draft));
            setDraft(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') {
              e.stopPropagation();
              setDraft(null);
            }
          }}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
      )}
      <button
        type="button"
        className={iconButton}
        aria-label={`Move ${view.name} up`}
        disabled={index === 0}
        onClick={() => commit('Reorder views', (doc) => moveView(doc, index, -1))}
      >
        <ArrowUp className="size-3.5" aria-hidden="true" />
      </button>
      <button
        type="button"
        className={iconButton}
        aria-label={`Move ${view.name} down`}
        disabled={index === count - 1}
        onClick={() => commit('Reorder views', (doc) => moveView(doc, index, 1))}
      >
        <ArrowDown className="size-3.5" aria-hidden="true" />
      </button>
      <button
        type="button"
        className={iconButton}
        aria-label={`Delete ${view.name}`}
        onClick={() => commit('Delete view', (doc) => deleteView(doc, index))}
      >
        <Trash2 className="size-3.5" aria-hidden="true" />
      </button>
    </li>
  );
}

/**
 * Saved views: named viewports (with highlighted nodes) that Review steps through like slides.
 * Stored in the design, so they travel with it and through share links.
 */
export function ViewsPanel({ current, onShow }: { current: number | null; onShow: (index: number) => void }) {
  const views = useEditor(selectViews) ?? NO_VIEWS;
  return (
    <section aria-labelledby="views-heading" className="p-3">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="views-heading" className="text-sm font-semibold">
          Views
        </h2>
        <button
          type="button"
          onClick={() => saveCurrentView()}
          className="flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950/50"
        >
          <Plus className="size-3.5" aria-hidden="true" /> Save current view
        </button>
      </div>
      {views.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No saved views yet. Frame part of the design, select the nodes to highlight, and save the view: then
          step through the views with ← and →.
        </p>
      ) : (
        <ol className="flex flex-col gap-1.5">
          {views.map((v, i) => (
            <ViewRow
              // Views have no ids; position is their identity within the list.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              key={i}
              view={v}
              index={i}
              count={views.length}
              current={current === i}
              onShow={() => onShow(i)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
