import { CopyPlus, Trash } from 'lucide-react';
import { runCommand } from '../commands/registry';
import { type EditorState, useEditor } from '../store/editor-store';
import { DocumentSettings } from './DocumentSettings';
import { EdgeInspector } from './EdgeInspector';
import { NodeInspector } from './NodeInspector';

const selectSelection = (s: EditorState) => s.selection;
const selectReadOnly = (s: EditorState) => s.readOnly;

/**
 * The inspector: the selected node's or edge's form, a summary of a multiple selection, or the
 * design's settings when nothing is selected. It subscribes to the selected element only.
 */
export function Inspector() {
  const sel = useEditor(selectSelection);
  const readOnly = useEditor(selectReadOnly);
  const count = sel.nodes.length + sel.edges.length;
  let body: React.ReactNode;
  if (count === 0) body = <DocumentSettings />;
  else if (sel.nodes.length === 1 && sel.edges.length === 0)
    body = <NodeInspector key={sel.nodes[0]} id={sel.nodes[0] as string} />;
  else if (sel.edges.length === 1 && sel.nodes.length === 0)
    body = <EdgeInspector key={sel.edges[0]} id={sel.edges[0] as string} />;
  else body = <MultiSelection nodes={sel.nodes.length} edges={sel.edges.length} />;
  return (
    <aside
      aria-label="Inspector"
      className="min-h-0 overflow-y-auto border-l border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-950"
    >
      {/* View only: one disabled fieldset disables every field and button of every form below. */}
      <fieldset disabled={readOnly} className="contents">
        {readOnly && (
          <p className="mb-3 rounded-md bg-sky-50 p-2 text-xs text-sky-900 dark:bg-sky-950/60 dark:text-sky-100">
            View only: settings are shown, not editable.
          </p>
        )}
        {body}
      </fieldset>
    </aside>
  );
}

function MultiSelection({ nodes, edges }: { nodes: number; edges: number }) {
  const parts = [
    nodes ? `${nodes} ${nodes === 1 ? 'node' : 'nodes'}` : '',
    edges ? `${edges} ${edges === 1 ? 'connection' : 'connections'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <div className="grid gap-3">
      <h2 className="text-sm font-semibold text-slate-900 dark:text-slate-100">{parts} selected</h2>
      <div className="flex gap-2">
        {nodes > 0 && (
          <button
            type="button"
            onClick={() => runCommand('edit.duplicate')}
            className="flex items-center gap-1.5 rounded-md border border-slate-200 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-900"
          >
            <CopyPlus className="size-3.5" aria-hidden="true" /> Duplicate
          </button>
        )}
        <button
          type="button"
          onClick={() => runCommand('edit.delete')}
          className="flex items-center gap-1.5 rounded-md border border-red-200 px-2.5 py-1 text-xs font-medium text-red-700 hover:bg-red-50 dark:border-red-900 dark:text-red-300 dark:hover:bg-red-950"
        >
          <Trash className="size-3.5" aria-hidden="true" /> Delete
        </button>
      </div>
    </div>
  );
}
