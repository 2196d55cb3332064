import { type DocumentError, describeError } from '@stackdraft/patterns';
import { Dialog, primaryButton } from '../ui/Dialog';

/** Why a file could not be opened: every error with its path and line. The design is unchanged. */
export function FileErrorsDialog({
  fileName,
  errors,
  onClose,
}: {
  fileName: string;
  errors: readonly DocumentError[];
  onClose: () => void;
}) {
  const shown = errors.slice(0, 50);
  return (
    <Dialog
      title={`${fileName} could not be opened`}
      description={`It has ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}. Your current design was not changed.`}
      onClose={onClose}
      width="max-w-2xl"
    >
      <ul className="max-h-80 space-y-1.5 overflow-y-auto rounded-md bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {shown.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: errors are a fixed list that never reorders
          <li key={i} className="break-words">
            {describeError(e, fileName)}
          </li>
        ))}
        {errors.length > shown.length && <li>… and {errors.length - shown.length} more.</li>}
      </ul>
      <div className="mt-4 flex justify-end">
        <button type="button" className={primaryButton} onClick={onClose}>
          OK
        </button>
      </div>
    </Dialog>
  );
}
