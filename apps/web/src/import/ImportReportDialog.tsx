import type { ImportReport } from '@stackdraft/exporters';
import { Dialog, primaryButton } from '../ui/Dialog';

/** How many report lines are drawn; the rest are counted ("… and 12 more"). */
const SHOWN = 100;

/**
 * What a Terraform import did: how many resources became nodes, which did not and why (grouped:
 * the supporting resources of each node on one line), and the warnings.
 */
export function ImportReportDialog({
  fileNames,
  nodeCount,
  edgeCount,
  report,
  onClose,
}: {
  fileNames: readonly string[];
  nodeCount: number;
  edgeCount: number;
  report: ImportReport;
  onClose: () => void;
}) {
  const skipped = report.unmapped.filter((u) => !u.supports);
  const supporting = new Map<string, string[]>();
  for (const u of report.unmapped)
    if (u.supports) supporting.set(u.supports, [...(supporting.get(u.supports) ?? []), u.address]);
  const files = fileNames.length === 1 ? fileNames[0] : `${fileNames.length} files`;
  return (
    <Dialog
      title="Terraform imported"
      description={`${files}: ${report.mapped.length} resources became ${nodeCount} nodes and ${edgeCount} edges; ${report.unmapped.length} did not become nodes. Undo restores your previous design.`}
      onClose={onClose}
      width="max-w-2xl"
    >
      <div className="max-h-96 space-y-3 overflow-y-auto text-sm text-slate-800 dark:text-slate-200">
        <Section
          title={`Not mapped (${skipped.length})`}
          items={skipped.map((u) => `${u.address}: ${u.reason}`)}
        />
        <Section
          title={`Supporting resources (${report.unmapped.length - skipped.length})`}
          items={[...supporting].map(([id, addresses]) => `${id}: ${addresses.join(', ')}`)}
        />
        <Section
          title={`Warnings (${report.warnings.length})`}
          items={report.warnings.map((w) => (w.address ? `${w.address}: ${w.message}` : w.message))}
        />
      </div>
      <div className="mt-4 flex justify-end">
        <button type="button" className={primaryButton} onClick={onClose}>
          OK
        </button>
      </div>
    </Dialog>
  );
}

function Section({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  const shown = items.slice(0, SHOWN);
  return (
    <section aria-label={title}>
      <h3 className="mb-1 font-medium">{title}</h3>
      <ul className="space-y-1 rounded-md bg-slate-50 p-3 font-mono text-xs leading-relaxed dark:bg-slate-950">
        {shown.map((text) => (
          <li key={text} className="break-words">
            {text}
          </li>
        ))}
        {items.length > shown.length && <li>… and {items.length - shown.length} more.</li>}
      </ul>
    </section>
  );
}
