import { CATEGORIES, KINDS, type KindDefinition, TEMPLATES } from '@stackdraft/patterns';
import { ChevronDown, LayoutTemplate, Search, X } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { KIND_MIME } from '../canvas/interactions';
import { addKindInView, insertTemplateInView } from '../commands/app-commands';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import { CATEGORY_STYLE } from '../ui/category-style';
import { KIND_ICONS } from '../ui/kind-icons';

const selectReadOnly = (s: EditorState) => s.readOnly;

function matchesQuery(k: KindDefinition, q: string): boolean {
  const aws = 'service' in k.aws ? k.aws.service : '';
  return [k.label, k.id, k.description, aws].some((t) => t.toLowerCase().includes(q));
}

/**
 * The palette: every kind of the catalog by category (drag one onto the canvas, or activate
 * `Add <Label>` to place it in view), a search box, and the templates.
 */
export function Palette() {
  const [query, setQuery] = useState('');
  const [templatesOpen, setTemplatesOpen] = useState(true);
  // View only: the palette stays (to read what kinds exist) but adds nothing.
  const readOnly = useEditor(selectReadOnly);
  const searchId = useId();
  const q = query.trim().toLowerCase();
  const groups = useMemo(
    () =>
      CATEGORIES.map((c) => ({
        ...c,
        kinds: KINDS.filter((k) => k.category === c.id && (!q || matchesQuery(k, q))),
      })).filter((g) => g.kinds.length > 0),
    [q],
  );
  const templates = TEMPLATES.filter(
    (t) => !q || t.name.toLowerCase().includes(q) || t.description.toLowerCase().includes(q),
  );

  return (
    <aside
      aria-label="Palette"
      className="flex min-h-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
    >
      <div className="border-b border-slate-200 p-3 dark:border-slate-800">
        <label htmlFor={searchId} className="sr-only">
          Search components and templates
        </label>
        <div className="relative">
          <Search
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400"
            aria-hidden="true"
          />
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search components"
            className="w-full rounded-md border border-slate-200 bg-slate-50 py-1.5 pr-8 pl-8 text-sm text-slate-900 placeholder:text-slate-500 focus:border-indigo-400 focus:bg-white focus:ring-2 focus:ring-indigo-500/20 focus:outline-none dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
          />
          {query && (
            <button
              type="button"
              aria-label="Clear search"
              onClick={() => setQuery('')}
              className="absolute top-1/2 right-1.5 grid size-6 -translate-y-1/2 place-items-center rounded text-slate-500 hover:text-slate-700 dark:text-slate-400"
            >
              <X className="size-3.5" aria-hidden="true" />
            </button>
          )}
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pt-1 pb-4">
        {readOnly && (
          <p className="mx-1 mt-3 rounded-md bg-sky-50 p-2 text-xs text-sky-900 dark:bg-sky-950/60 dark:text-sky-100">
            View only: nothing can be added. Use “Make a copy” to edit your own copy.
          </p>
        )}
        {groups.map((g) => (
          <section key={g.id} aria-labelledby={`cat-${g.id}`} className="mt-3">
            <h2
              id={`cat-${g.id}`}
              className="px-1.5 pb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400"
            >
              {g.label}
            </h2>
            <ul className="grid grid-cols-1 gap-0.5">
              {g.kinds.map((k) => (
                <li key={k.id}>
                  <PaletteItem kind={k} disabled={readOnly} />
                </li>
              ))}
            </ul>
          </section>
        ))}
        {templates.length > 0 && (
          <section
            aria-labelledby="templates-heading"
            className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-800"
          >
            <h2 id="templates-heading">
              <button
                type="button"
                aria-expanded={templatesOpen}
                onClick={() => setTemplatesOpen(!templatesOpen)}
                className="flex w-full items-center gap-1 px-1.5 pb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase hover:text-slate-700 dark:text-slate-400"
              >
                <ChevronDown
                  className={`size-3.5 transition-transform ${templatesOpen ? '' : '-rotate-90'}`}
                  aria-hidden="true"
                />
                Templates
              </button>
            </h2>
            {templatesOpen && (
              <ul className="grid gap-0.5">
                {templates.map((t) => (
                  <li key={t.id}>
                    <button
                      type="button"
                      aria-label={`Insert ${t.name}`}
                      title={t.description}
                      disabled={readOnly}
                      onClick={() => insertTemplateInView(editorStore.getState(), t.id)}
                      className="flex w-full items-start gap-2.5 rounded-md px-1.5 py-1.5 text-left hover:bg-slate-100 disabled:opacity-50 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800/70"
                    >
                      <span className="mt-0.5 grid size-7 shrink-0 place-items-center rounded-md bg-indigo-50 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-300">
                        <LayoutTemplate className="size-4" aria-hidden="true" />
                      </span>
                      <span className="min-w-0">
                        <span className="block text-[13px] leading-snug font-medium text-slate-800 dark:text-slate-100">
                          {t.name}
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {groups.length === 0 && templates.length === 0 && (
          <p className="px-2 py-6 text-center text-sm text-slate-500 dark:text-slate-400">
            Nothing matches “{query}”.
          </p>
        )}
      </div>
    </aside>
  );
}

function PaletteItem({ kind, disabled }: { kind: KindDefinition; disabled: boolean }) {
  const Icon = KIND_ICONS[kind.icon];
  const style = CATEGORY_STYLE[kind.category];
  return (
    <button
      type="button"
      draggable={!disabled}
      disabled={disabled}
      aria-label={`Add ${kind.label}`}
      title={`${kind.description}\nDrag onto the canvas, or press Enter to add it in view.`}
      onDragStart={(e) => {
        e.dataTransfer.setData(KIND_MIME, kind.id);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => addKindInView(editorStore.getState(), kind.id, kind.label)}
      className="group flex w-full cursor-grab items-center gap-2.5 rounded-md px-1.5 py-1 text-left hover:bg-slate-100 disabled:cursor-default disabled:opacity-50 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 active:cursor-grabbing dark:hover:bg-slate-800/70 dark:focus-visible:bg-slate-800/70"
    >
      <span className={`grid size-7 shrink-0 place-items-center rounded-md ${style.icon}`}>
        <Icon className="size-4" aria-hidden="true" />
      </span>
      <span className="truncate text-[13px] text-slate-700 dark:text-slate-200">{kind.label}</span>
    </button>
  );
}
