import type { Monaco } from '../monaco/monaco';
import { monacoTheme } from '../monaco/themes';
import type { CodeSync, SyncTarget } from './code-sync';
import type { CodeMarker } from './markers';

/** The code view's Monaco editor, wired to a `CodeSync`. */
export interface AttachedEditor {
  reveal(line: number, column: number): void;
  setTheme(theme: 'light' | 'dark'): void;
  /** A view-only design (a shared view link) can be read and searched here, not edited. */
  setReadOnly(readOnly: boolean): void;
  /** Applies what is still pending, then disposes the editor and its model. */
  detach(): Promise<void>;
}

function severityOf(monaco: Monaco, s: CodeMarker['severity']) {
  const { MarkerSeverity } = monaco;
  return s === 'error'
    ? MarkerSeverity.Error
    : s === 'warning'
      ? MarkerSeverity.Warning
      : MarkerSeverity.Info;
}

/**
 * Opens `text` in a Monaco editor inside `host` and connects it to `sync`: the person's edits go
 * to the sync; the sync's canvas edits are pushed as one edit operation of the changed range (not
 * `setValue`), so Monaco keeps every cursor and selection and the person's own undo stack.
 */
export async function attachMonaco(
  monaco: Monaco,
  host: HTMLElement,
  text: string,
  sync: CodeSync,
  theme: 'light' | 'dark',
): Promise<AttachedEditor> {
  const { DESIGN_MODEL_URI, registerDesignLanguage } = await import('../monaco/design-language');
  registerDesignLanguage(monaco);
  const uri = monaco.Uri.parse(DESIGN_MODEL_URI);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(text, 'yaml', uri);
  model.updateOptions({ tabSize: 2, insertSpaces: true });
  // Above about a megabyte (some 2,500 nodes) the features that rescan the whole text after
  // every keystroke are turned off, so typing stays responsive.
  const large = text.length > 1_000_000;
  const editor = monaco.editor.create(host, {
    model,
    theme: monacoTheme(theme),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 12,
    scrollBeyondLastLine: false,
    wordBasedSuggestions: 'off',
    quickSuggestions: { other: true, comments: false, strings: true },
    ariaLabel: 'Design as YAML',
    tabSize: 2,
    fixedOverflowWidgets: true,
    ...(large
      ? { folding: false, occurrencesHighlight: 'off', selectionHighlight: false, matchBrackets: 'never' }
      : {}),
  });
  let remote = false;
  const target: SyncTarget = {
    getText: () => model.getValue(),
    applyEdit(edit) {
      const a = model.getPositionAt(edit.start);
      const b = model.getPositionAt(edit.end);
      remote = true;
      try {
        model.pushEditOperations(
          editor.getSelections(),
          [{ range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: edit.text }],
          () => null,
        );
      } finally {
        remote = false;
      }
    },
    setMarkers(markers) {
      monaco.editor.setModelMarkers(
        model,
        'stackdraft',
        markers.map((m) => ({
          severity: severityOf(monaco, m.severity),
          message: m.message,
          source: m.source,
          startLineNumber: m.startLine,
          startColumn: m.startColumn,
          endLineNumber: m.endLine,
          endColumn: m.endColumn,
        })),
      );
    },
  };
  const changes = model.onDidChangeContent(() => {
    if (!remote) sync.textChanged();
  });
  sync.attach(target);
  return {
    reveal(line, column) {
      editor.revealPositionInCenter({ lineNumber: line, column });
      editor.setPosition({ lineNumber: line, column });
      editor.focus();
    },
    setTheme: (t) => monaco.editor.setTheme(monacoTheme(t)),
    setReadOnly: (readOnly) =>
      editor.updateOptions({
        readOnly,
        readOnlyMessage: { value: 'This design is view only: open its edit link to change it.' },
      }),
    async detach() {
      changes.dispose();
      await sync.flush();
      sync.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
