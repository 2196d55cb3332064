import { getCommand, isEnabled } from '../commands/registry';
import { ariaShortcut, displayShortcut } from '../commands/shortcuts';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';

/**
 * A toolbar button for a command: its accessible name is the command's label (`Undo`, `Auto
 * layout`), its tooltip adds the shortcut, and it is disabled when the command does not apply.
 */
export function ToolbarButton({ command, showLabel = false }: { command: string; showLabel?: boolean }) {
  const c = getCommand(command);
  const enabled = useEditor((s: EditorState) => isEnabled(c, s));
  const Icon = c.icon;
  const shortcut = c.shortcuts?.[0];
  return (
    <button
      type="button"
      aria-label={showLabel ? undefined : c.label}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
      title={shortcut ? `${c.label} (${displayShortcut(shortcut)})` : c.label}
      disabled={!enabled}
      onClick={() => void c.run(editorStore.getState())}
      className={`flex h-8 items-center gap-1.5 rounded-md text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:text-slate-300 disabled:hover:bg-transparent dark:text-slate-200 dark:hover:bg-slate-800 dark:disabled:text-slate-600 ${
        showLabel ? 'px-2.5' : 'w-8 justify-center'
      }`}
    >
      {Icon && <Icon className="size-4" aria-hidden="true" />}
      {showLabel && <span>{c.label}</span>}
    </button>
  );
}
