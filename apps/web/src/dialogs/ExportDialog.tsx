import { serializeDocument } from '@stackdraft/patterns';
import { FileCode2, FileText } from 'lucide-react';
import { download, fileNameFor } from '../persistence/files';
import { editorStore } from '../store/editor-store';
import { Dialog } from '../ui/Dialog';

const FORMATS = [
  {
    format: 'yaml',
    label: 'Stackdraft YAML',
    icon: FileText,
    type: 'application/yaml',
    note: 'The design file: readable, diffable, opens here and in the CLI.',
  },
  {
    format: 'json',
    label: 'Stackdraft JSON',
    icon: FileCode2,
    type: 'application/json',
    note: 'The same design as JSON, for scripts and the API.',
  },
] as const;

/**
 * Export: downloads the design in the formats this build has. Infrastructure code (Terraform,
 * CDK, Kubernetes) and diagrams arrive with the exporters; until then they are not offered.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { doc } = editorStore.getState();
  return (
    <Dialog title="Export" description="Download the design as a file." onClose={onClose}>
      <ul className="grid gap-2">
        {FORMATS.map((f) => {
          const name = fileNameFor(doc, f.format);
          return (
            <li key={f.format}>
              <button
                type="button"
                onClick={() => {
                  download(name, serializeDocument(editorStore.getState().doc, f.format), f.type);
                  onClose();
                }}
                className="flex w-full items-start gap-3 rounded-lg border border-slate-200 p-3 text-left hover:border-indigo-300 hover:bg-indigo-50/50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:hover:border-indigo-700 dark:hover:bg-indigo-950/30"
              >
                <f.icon className="mt-0.5 size-5 text-indigo-600 dark:text-indigo-400" aria-hidden="true" />
                <span>
                  <span className="block text-sm font-medium text-slate-900 dark:text-slate-100">
                    Download {f.label}
                  </span>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    {name} · {f.note}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
        Terraform, AWS CDK, Kubernetes and diagram exports are not in this build yet.
      </p>
    </Dialog>
  );
}
