import { useRef } from 'react';
import { renameNode } from '../document/transforms';
import { editorStore } from '../store/editor-store';

/**
 * The inline editor that replaces a node's label while it is renamed (double-click or Enter).
 * Enter or leaving the field saves (one undo step), Escape cancels.
 */
export function RenameInput({ id, label, className }: { id: string; label: string; className: string }) {
  const done = useRef(false);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    const s = editorStore.getState();
    s.startRename(null);
    if (value !== null) s.commit('Rename', renameNode(s.doc, id, value));
    // Give the keyboard back to the canvas node, so Enter renames again and arrows move it.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus(),
    );
  };
  return (
    <input
      // biome-ignore lint/a11y/noAutofocus: the field appears because the person asked to rename this node
      autoFocus
      aria-label="Name"
      defaultValue={label}
      maxLength={200}
      onFocus={(e) => e.currentTarget.select()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(e.currentTarget.value);
        else if (e.key === 'Escape') finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
      className={`nodrag nopan nowheel w-full min-w-0 rounded border border-indigo-400 bg-white px-1 py-0 text-slate-900 outline-none focus:ring-2 focus:ring-indigo-500/40 dark:bg-slate-800 dark:text-slate-100 ${className}`}
    />
  );
}
