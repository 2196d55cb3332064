import { Layers, Moon, Sun } from 'lucide-react';
import { ViewOnlyBadge } from '../share/ViewOnlyBadge';
import { type EditorState, useEditor } from '../store/editor-store';
import { DesignName } from './DesignName';
import { SaveStatus } from './SaveStatus';
import { ToolbarButton } from './ToolbarButton';

const selectTheme = (s: EditorState) => s.theme;
const selectSetTheme = (s: EditorState) => s.setTheme;

function Divider() {
  return <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" aria-hidden="true" />;
}

/** The toolbar: the design's name and save state, then file, edit, arrange and review actions. */
export function Toolbar() {
  const theme = useEditor(selectTheme);
  const setTheme = useEditor(selectSetTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="flex h-12 shrink-0 items-center gap-1 border-b border-slate-200 bg-white px-3 dark:border-slate-800 dark:bg-slate-950">
      <span className="mr-1 flex items-center gap-1.5 pr-1 text-sm font-bold tracking-tight text-slate-900 dark:text-white">
        <span className="grid size-7 place-items-center rounded-md bg-indigo-600 text-white">
          <Layers className="size-4" aria-hidden="true" />
        </span>
        Stackdraft
      </span>
      <DesignName />
      <SaveStatus />
      <ViewOnlyBadge />
      <div role="toolbar" aria-label="Design actions" className="ml-auto flex items-center gap-0.5">
        <ToolbarButton command="file.open" />
        <ToolbarButton command="file.save" />
        <Divider />
        <ToolbarButton command="edit.undo" />
        <ToolbarButton command="edit.redo" />
        <Divider />
        <ToolbarButton command="arrange.auto-layout" showLabel />
        <Divider />
        <ToolbarButton command="view.code" showLabel />
        <ToolbarButton command="file.export" showLabel />
        <ToolbarButton command="file.share" showLabel />
        <ToolbarButton command="view.review" showLabel />
        <Divider />
        <ToolbarButton command="help.commands" />
        <button
          type="button"
          aria-label={`Switch to ${next} theme`}
          title={`Switch to ${next} theme`}
          onClick={() => setTheme(next)}
          className="grid size-8 place-items-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          {theme === 'dark' ? (
            <Sun className="size-4" aria-hidden="true" />
          ) : (
            <Moon className="size-4" aria-hidden="true" />
          )}
        </button>
      </div>
    </header>
  );
}
