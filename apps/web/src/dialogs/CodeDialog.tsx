import { type DocumentFormat, serializeDocument } from '@stackdraft/patterns';
import { Copy } from 'lucide-react';
import { useMemo, useState } from 'react';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import { Dialog, secondaryButton } from '../ui/Dialog';

const selectDoc = (s: EditorState) => s.doc;

/**
 * Code: the design as its file text (YAML or JSON), read-only. The editable code view and the
 * infrastructure code previews arrive later; this shows exactly what Save writes.
 */
export function CodeDialog({ onClose }: { onClose: () => void }) {
  const doc = useEditor(selectDoc);
  const [format, setFormat] = useState<DocumentFormat>('yaml');
  const [copied, setCopied] = useState(false);
  const text = useMemo(() => serializeDocument(doc, format), [doc, format]);
  return (
    <Dialog
      title="Code"
      description="The design as it is saved to a file."
      onClose={onClose}
      width="max-w-3xl"
    >
      <div className="mb-2 flex items-center justify-between gap-2">
        <fieldset className="inline-flex rounded-md border border-slate-200 p-0.5 dark:border-slate-700">
          <legend className="sr-only">Format</legend>
          {(['yaml', 'json'] as const).map((f) => (
            <button
              key={f}
              type="button"
              aria-pressed={format === f}
              onClick={() => setFormat(f)}
              className={`rounded px-2.5 py-1 text-xs font-medium ${
                format === f
                  ? 'bg-indigo-600 text-white'
                  : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
              }`}
            >
              {f.toUpperCase()}
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          className={secondaryButton}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(serializeDocument(editorStore.getState().doc, format));
              setCopied(true);
            } catch {
              editorStore.getState().notify('error', 'The browser did not allow copying to the clipboard.');
            }
          }}
        >
          <Copy className="size-4" aria-hidden="true" /> {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <textarea
        readOnly
        value={text}
        spellCheck={false}
        aria-label={`Design as ${format.toUpperCase()}`}
        className="h-[60vh] w-full resize-none rounded-md bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100 focus:ring-2 focus:ring-indigo-500 focus:outline-none"
      />
    </Dialog>
  );
}
