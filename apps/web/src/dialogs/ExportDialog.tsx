import { slugify } from '@stackdraft/patterns';
import { Archive, Copy, Download, FileText, Image } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { exports } from '../export/export-client';
import type { ExportedFiles, FormatInfo } from '../export/export-job';
import { zipFiles } from '../export/files';
import { download } from '../persistence/files';
import { editorStore } from '../store/editor-store';
import { Dialog, primaryButton, secondaryButton } from '../ui/Dialog';

const FilePreview = lazy(() => import('../export/FilePreview').then((m) => ({ default: m.FilePreview })));

type Run =
  | { state: 'running' }
  | { state: 'done'; result: ExportedFiles }
  | { state: 'failed'; message: string };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The design's name as a file name stem: `orders-platform`. */
const stem = () => slugify(editorStore.getState().doc.name, 'design');

const MIME: Record<string, string> = {
  json: 'application/json',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  svg: 'image/svg+xml',
  xml: 'application/xml',
  drawio: 'application/xml',
  md: 'text/markdown',
};

function mimeOf(path: string): string {
  return MIME[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'text/plain';
}

/**
 * Export: pick a format from the exporters registry (Terraform, CDK, Kubernetes, Step Functions,
 * diagrams, the design file), see the files it makes, read each in a highlighted preview, copy
 * or download one, or download them all as a zip. PNG draws our SVG export onto a canvas.
 * Exporters run in a worker, so a large design never freezes the page.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const [formats, setFormats] = useState<FormatInfo[] | null>(null);
  const [format, setFormat] = useState('terraform');
  const [run, setRun] = useState<Run>({ state: 'running' });
  const [selected, setSelected] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);

  useEffect(() => {
    exports()
      .formats()
      .then(setFormats, (err: unknown) => setListError(`The exporters could not load: ${message(err)}`));
  }, []);

  useEffect(() => {
    let current = true;
    setRun({ state: 'running' });
    setSelected(0);
    setNote(null);
    exports()
      .run(format, editorStore.getState().doc)
      .then(
        (result) => current && setRun({ state: 'done', result }),
        (err: unknown) => current && setRun({ state: 'failed', message: message(err) }),
      );
    return () => {
      current = false;
    };
  }, [format]);

  const result = run.state === 'done' ? run.result : undefined;
  const file = result?.files[selected];
  const label = formats?.find((f) => f.format === format)?.label ?? format;

  const downloadPng = async () => {
    setNote('Drawing the PNG…');
    try {
      const svg = (await exports().run('svg', editorStore.getState().doc)).files.find((f) =>
        f.path.endsWith('.svg'),
      );
      if (!svg) throw new Error('the SVG exporter made no drawing');
      const { svgToPng } = await import('../export/png');
      download(`${stem()}.png`, await svgToPng(svg.content), 'image/png');
      setNote('PNG downloaded.');
    } catch (err) {
      setNote(`Could not make the PNG: ${message(err)}`);
    }
  };

  return (
    <Dialog
      title="Export"
      description="Infrastructure code, diagrams and the design file, generated from this design."
      onClose={onClose}
      width="max-w-6xl"
    >
      <div className="grid h-[68vh] min-h-0 grid-cols-[230px_minmax(0,1fr)] gap-4">
        <fieldset className="min-h-0 overflow-y-auto">
          <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 dark:text-slate-400 uppercase">
            Format
          </legend>
          {listError && (
            <p role="alert" className="text-xs text-red-700 dark:text-red-400">
              {listError}
            </p>
          )}
          {!formats && !listError && (
            <p className="text-xs text-slate-500 dark:text-slate-400">Loading formats…</p>
          )}
          <div className="grid gap-1">
            {formats?.map((f) => (
              <label
                key={f.format}
                className={`flex cursor-pointer gap-2 rounded-md border p-2 text-left ${
                  f.format === format
                    ? 'border-indigo-400 bg-indigo-50 dark:border-indigo-600 dark:bg-indigo-950/40'
                    : 'border-transparent hover:bg-slate-50 dark:hover:bg-slate-800'
                }`}
              >
                <input
                  type="radio"
                  name="export-format"
                  value={f.format}
                  checked={f.format === format}
                  onChange={() => setFormat(f.format)}
                  className="mt-0.5 accent-indigo-600"
                />
                <span>
                  <span className="block text-sm font-medium text-slate-900 dark:text-slate-100">
                    {f.label}
                  </span>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">{f.description}</span>
                </span>
              </label>
            ))}
          </div>
          <button
            type="button"
            className={`${secondaryButton} mt-3 w-full justify-center`}
            onClick={downloadPng}
          >
            <Image className="size-4" aria-hidden="true" /> Download PNG
          </button>
        </fieldset>

        <div className="flex min-h-0 flex-col gap-2">
          {run.state === 'running' && (
            <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
              Generating {label}…
            </p>
          )}
          {run.state === 'failed' && (
            <p
              role="alert"
              className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300"
            >
              {label} export failed: {run.message}
            </p>
          )}
          {result && (
            <>
              <div className="flex min-h-0 flex-1 gap-3">
                <ul aria-label="Files" className="w-56 shrink-0 overflow-y-auto text-sm">
                  {result.files.map((f, i) => (
                    <li key={f.path}>
                      <button
                        type="button"
                        aria-current={i === selected ? 'true' : undefined}
                        onClick={() => setSelected(i)}
                        className={`flex w-full items-center gap-1.5 truncate rounded px-2 py-1 text-left font-mono text-xs ${
                          i === selected
                            ? 'bg-indigo-600 text-white'
                            : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                        }`}
                      >
                        <FileText className="size-3.5 shrink-0" aria-hidden="true" />
                        <span className="truncate">{f.path}</span>
                      </button>
                    </li>
                  ))}
                </ul>
                <div className="min-h-0 min-w-0 flex-1">
                  {file ? (
                    <Suspense
                      fallback={
                        <p className="text-xs text-slate-500 dark:text-slate-400">Loading the preview…</p>
                      }
                    >
                      <FilePreview path={file.path} content={file.content} />
                    </Suspense>
                  ) : (
                    <p className="text-sm text-slate-500 dark:text-slate-400">
                      This design produced no {label} files.
                    </p>
                  )}
                </div>
              </div>
              {result.diagnostics.length > 0 && (
                <ul aria-label="Export notes" className="max-h-24 shrink-0 overflow-y-auto text-xs">
                  {result.diagnostics.map((d) => (
                    <li
                      key={`${d.severity}:${d.nodeId ?? ''}:${d.message}`}
                      className={
                        d.severity === 'error'
                          ? 'text-red-700 dark:text-red-400'
                          : 'text-slate-600 dark:text-slate-400'
                      }
                    >
                      {d.severity === 'error' ? 'Error' : d.severity === 'warning' ? 'Warning' : 'Note'}
                      {d.nodeId ? ` (${d.nodeId})` : ''}: {d.message}
                    </li>
                  ))}
                </ul>
              )}
              <div className="flex shrink-0 flex-wrap items-center gap-2">
                <span role="status" className="mr-auto text-xs text-slate-500 dark:text-slate-400">
                  {note ?? `${result.files.length} ${result.files.length === 1 ? 'file' : 'files'}`}
                </span>
                <button
                  type="button"
                  className={secondaryButton}
                  disabled={!file}
                  onClick={async () => {
                    if (!file) return;
                    try {
                      await navigator.clipboard.writeText(file.content);
                      setNote(`Copied ${file.path}.`);
                    } catch {
                      setNote('The browser did not allow copying to the clipboard.');
                    }
                  }}
                >
                  <Copy className="size-4" aria-hidden="true" /> Copy
                </button>
                <button
                  type="button"
                  className={secondaryButton}
                  disabled={!file}
                  onClick={() => {
                    if (!file) return;
                    const name = file.path.split('/').pop() ?? file.path;
                    download(name, new Blob([file.content], { type: mimeOf(file.path) }), mimeOf(file.path));
                  }}
                >
                  <Download className="size-4" aria-hidden="true" /> Download
                </button>
                <button
                  type="button"
                  className={primaryButton}
                  disabled={result.files.length === 0}
                  onClick={() =>
                    download(`${stem()}-${format}.zip`, zipFiles(result.files), 'application/zip')
                  }
                >
                  <Archive className="size-4" aria-hidden="true" /> Download .zip
                </button>
              </div>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
