import { Columns2, Maximize2, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { analysisStore } from '../analysis/analysis-store';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import { inlineCodeText, workerCodeText } from './code-client';
import { CodeSync, type SyncStatus } from './code-sync';
import { attachMonaco } from './monaco-target';

const selectTheme = (s: EditorState) => s.theme;
const selectView = (s: EditorState) => s.codeView;
const selectReadOnly = (s: EditorState) => s.readOnly;

const iconButton =
  'grid size-7 place-items-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800';

/** One sentence about where the text and the canvas stand. */
function describeStatus(s: SyncStatus): string {
  switch (s.state) {
    case 'loading':
      return 'Loading the code view…';
    case 'synced':
      return 'In sync with the canvas';
    case 'pending':
      return 'Applies to the canvas when you pause typing';
    case 'invalid': {
      const n = s.errors.length;
      return `${n} ${n === 1 ? 'problem' : 'problems'}: the canvas keeps the last valid design`;
    }
  }
}

/**
 * The code view: the design as YAML in Monaco, in step with the canvas both ways (`CodeSync`).
 * Monaco, its worker and the code worker load when this panel first opens.
 */
export function CodePanel() {
  const host = useRef<HTMLDivElement>(null);
  const sync = useRef<CodeSync | null>(null);
  const reveal = useRef<((line: number, column: number) => void) | null>(null);
  const [status, setStatus] = useState<SyncStatus>({ state: 'loading', errors: [], canvasWaiting: false });
  const [failure, setFailure] = useState<string | null>(null);
  const theme = useEditor(selectTheme);
  const view = useEditor(selectView);
  const themeRef = useRef(theme);
  themeRef.current = theme;
  const setTheme = useRef<((t: 'light' | 'dark') => void) | null>(null);
  const setReadOnly = useRef<((readOnly: boolean) => void) | null>(null);
  const readOnly = useEditor(selectReadOnly);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;

  useEffect(() => {
    let cancelled = false;
    let detach: (() => Promise<void>) | undefined;
    (async () => {
      const s = new CodeSync({
        store: editorStore,
        analysis: analysisStore,
        text: typeof Worker === 'undefined' ? inlineCodeText() : workerCodeText(),
        onStatus: (st) => {
          if (!cancelled) setStatus(st);
        },
      });
      const [text, m] = await Promise.all([s.initialText(), import('../monaco/monaco')]);
      const el = host.current;
      if (cancelled || !el) {
        s.dispose();
        return;
      }
      const attached = await attachMonaco(m.monaco, el, text, s, themeRef.current);
      if (cancelled) {
        await attached.detach();
        return;
      }
      sync.current = s;
      reveal.current = attached.reveal;
      setTheme.current = attached.setTheme;
      setReadOnly.current = attached.setReadOnly;
      attached.setReadOnly(readOnlyRef.current);
      detach = attached.detach;
    })().catch((err: unknown) => {
      if (!cancelled) setFailure(err instanceof Error ? err.message : String(err));
    });
    return () => {
      cancelled = true;
      sync.current = null;
      reveal.current = null;
      setTheme.current = null;
      setReadOnly.current = null;
      void detach?.();
    };
  }, []);

  useEffect(() => setTheme.current?.(theme), [theme]);
  useEffect(() => setReadOnly.current?.(readOnly), [readOnly]);

  const first = status.errors[0];
  return (
    <section
      aria-label="Code view"
      className="flex h-full min-h-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex h-9 shrink-0 items-center gap-2 border-b border-slate-200 px-2 dark:border-slate-800">
        <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          Code
        </h2>
        <p
          role="status"
          data-testid="code-status"
          className={`min-w-0 flex-1 truncate text-xs ${
            status.state === 'invalid'
              ? 'text-red-700 dark:text-red-400'
              : 'text-slate-500 dark:text-slate-400'
          }`}
        >
          {failure ? `The code view could not start: ${failure}` : describeStatus(status)}
        </p>
        <button
          type="button"
          className={iconButton}
          aria-pressed={view === 'full'}
          aria-label={view === 'full' ? 'Code side by side' : 'Code full width'}
          title={view === 'full' ? 'Side by side with the canvas' : 'Full width'}
          onClick={() => editorStore.getState().setCodeView(view === 'full' ? 'side' : 'full')}
        >
          {view === 'full' ? (
            <Columns2 className="size-4" aria-hidden="true" />
          ) : (
            <Maximize2 className="size-4" aria-hidden="true" />
          )}
        </button>
        <button
          type="button"
          className={iconButton}
          aria-label="Close code view"
          title="Close code view"
          onClick={() => editorStore.getState().setCodeView('closed')}
        >
          <X className="size-4" aria-hidden="true" />
        </button>
      </div>
      {first && (
        <button
          type="button"
          onClick={() => reveal.current?.(first.line ?? 1, first.column ?? 1)}
          className="shrink-0 truncate border-b border-red-200 bg-red-50 px-3 py-1 text-left font-mono text-xs text-red-800 hover:underline dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
        >
          Line {first.line ?? 1}: {first.path ? `${first.path}: ` : ''}
          {first.message}
        </button>
      )}
      {status.canvasWaiting && (
        <div
          role="alert"
          className="flex shrink-0 items-center gap-2 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          <span className="min-w-0 flex-1">
            The canvas changed while your code had edits not applied yet. Your code is kept: once it is valid
            it applies over the canvas change (Undo brings that back).
          </span>
          <button
            type="button"
            onClick={() => void sync.current?.takeDesign()}
            className="shrink-0 rounded border border-amber-300 bg-white px-2 py-0.5 font-medium hover:bg-amber-100 dark:border-amber-800 dark:bg-amber-950"
          >
            Use canvas version
          </button>
        </div>
      )}
      <div ref={host} className="min-h-0 flex-1" data-testid="code-editor" />
    </section>
  );
}
