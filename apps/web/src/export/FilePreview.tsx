import type { editor } from 'monaco-editor/editor/editor.api';
import { useEffect, useRef, useState } from 'react';
import { monacoTheme } from '../monaco/themes';
import { type EditorState, useEditor } from '../store/editor-store';
import { languageFor } from './files';

const selectTheme = (s: EditorState) => s.theme;

/**
 * A read-only Monaco view of one generated file, highlighted by its type (HCL, TypeScript, YAML,
 * JSON, XML, Markdown). Monaco loads when the first preview opens.
 */
export function FilePreview({ path, content }: { path: string; content: string }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<{
    editor: editor.IStandaloneCodeEditor;
    model: editor.ITextModel;
    setLanguage(l: string): void;
  } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const theme = useEditor(selectTheme);
  const latest = useRef({ path, content, theme });
  latest.current = { path, content, theme };

  useEffect(() => {
    let cancelled = false;
    import('../monaco/monaco')
      .then(({ monaco }) => {
        const el = host.current;
        if (cancelled || !el) return;
        const { path: p, content: c, theme: t } = latest.current;
        const model = monaco.editor.createModel(c, languageFor(p));
        const ed = monaco.editor.create(el, {
          model,
          readOnly: true,
          domReadOnly: true,
          theme: monacoTheme(t),
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 12,
          scrollBeyondLastLine: false,
          ariaLabel: `Preview of ${p}`,
          fixedOverflowWidgets: true,
        });
        view.current = {
          editor: ed,
          model,
          setLanguage: (l) => monaco.editor.setModelLanguage(model, l),
        };
        setReady(true);
      })
      .catch((err: unknown) => {
        if (!cancelled) setFailure(err instanceof Error ? err.message : String(err));
      });
    return () => {
      cancelled = true;
      view.current?.editor.dispose();
      view.current?.model.dispose();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!ready || !v) return;
    if (v.model.getValue() !== content) v.model.setValue(content);
    v.setLanguage(languageFor(path));
    v.editor.updateOptions({ ariaLabel: `Preview of ${path}` });
    v.editor.setScrollTop(0);
  }, [ready, path, content]);

  useEffect(() => {
    if (ready) view.current?.editor.updateOptions({ theme: monacoTheme(theme) });
  }, [ready, theme]);

  return (
    <div className="relative h-full min-h-0 overflow-hidden rounded-md border border-slate-200 dark:border-slate-700">
      {!ready && !failure && (
        <p className="p-3 text-xs text-slate-500 dark:text-slate-400">Loading the preview…</p>
      )}
      {failure && (
        <p role="alert" className="p-3 text-xs text-red-700 dark:text-red-400">
          The preview could not start: {failure}
        </p>
      )}
      <div ref={host} className="absolute inset-0" data-testid="export-preview" />
    </div>
  );
}
