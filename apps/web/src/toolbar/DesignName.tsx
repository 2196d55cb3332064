import { useEffect, useState } from 'react';
import { checkDocumentSetting, setDocumentSetting } from '../document/settings';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';

const selectName = (s: EditorState) => s.doc.name;
const selectReadOnly = (s: EditorState) => s.readOnly;

/** The design's name in the toolbar, editable in place (Enter or leaving the field saves it). */
export function DesignName() {
  const name = useEditor(selectName);
  const readOnly = useEditor(selectReadOnly);
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const commit = () => {
    const text = draft.trim();
    if (text === name) return;
    if (checkDocumentSetting('name', text)) {
      setDraft(name);
      return;
    }
    const s = editorStore.getState();
    s.commit('Rename design', setDocumentSetting(s.doc, 'name', text));
  };
  return (
    <input
      aria-label="Design name"
      value={draft}
      readOnly={readOnly}
      maxLength={200}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(name);
          e.currentTarget.blur();
        }
      }}
      className="w-56 min-w-0 truncate rounded-md border border-transparent bg-transparent px-2 py-1 text-sm font-semibold text-slate-900 hover:border-slate-200 focus:border-indigo-400 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none dark:text-slate-100 dark:hover:border-slate-700"
    />
  );
}
