import { useId, useMemo, useState } from 'react';
import { COMMANDS, isEnabled } from '../commands/registry';
import { displayShortcut } from '../commands/shortcuts';
import type { Command } from '../commands/types';
import { editorStore } from '../store/editor-store';
import { Dialog } from '../ui/Dialog';

const HIDDEN = new Set(['edit.deselect']);

function score(c: Command, q: string): number {
  const label = c.label.toLowerCase();
  if (!q) return 1;
  if (label.startsWith(q)) return 3;
  if (label.split(/\s+/).some((w) => w.startsWith(q))) return 2;
  return label.includes(q) ? 1 : 0;
}

/** The command palette (Ctrl/Cmd+K): every command, including adding any kind or template, by name. */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const s = editorStore.getState();
  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    return COMMANDS.filter((c) => !HIDDEN.has(c.id) && !c.id.startsWith('edit.nudge') && isEnabled(c, s))
      .map((c) => ({ c, score: score(c, q) }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 40)
      .map((r) => r.c);
  }, [query, s]);
  const run = (c: Command | undefined) => {
    if (!c) return;
    onClose();
    requestAnimationFrame(() => void c.run(editorStore.getState()));
  };
  const activeId = results[active] ? `${listId}-${active}` : undefined;
  return (
    <Dialog title="Command palette" onClose={onClose} initialFocus="input">
      <input
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-label="Search commands"
        placeholder="Type a command, a component or a template"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') run(results[active]);
          else return;
          e.preventDefault();
        }}
        className="w-full rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm focus:border-indigo-400 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
      />
      <div id={listId} role="listbox" aria-label="Commands" className="mt-2 max-h-80 overflow-y-auto">
        {results.map((c, i) => {
          const Icon = c.icon;
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox above handles the keyboard (aria-activedescendant)
            <div
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseEnter={() => setActive(i)}
              onClick={() => run(c)}
              className={`flex cursor-pointer items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm ${
                i === active
                  ? 'bg-indigo-50 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100'
                  : 'text-slate-700 dark:text-slate-200'
              }`}
            >
              {Icon ? (
                <Icon className="size-4 text-slate-500" aria-hidden="true" />
              ) : (
                <span className="size-4" />
              )}
              <span className="flex-1">{c.label}</span>
              {c.shortcuts?.[0] && (
                <kbd className="font-sans text-xs text-slate-500 dark:text-slate-400">
                  {displayShortcut(c.shortcuts[0])}
                </kbd>
              )}
            </div>
          );
        })}
        {results.length === 0 && (
          <p className="px-2.5 py-3 text-sm text-slate-500 dark:text-slate-400">No command matches.</p>
        )}
      </div>
    </Dialog>
  );
}
