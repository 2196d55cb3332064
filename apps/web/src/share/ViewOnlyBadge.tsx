import { Copy, Eye } from 'lucide-react';
import { makeCopy } from './session';
import { type ShareState, useShare } from './share-store';

const selectMode = (s: ShareState) => s.mode;

/** In the toolbar of a view-only shared design: says so, and offers an editable copy. */
export function ViewOnlyBadge() {
  const mode = useShare(selectMode);
  if (mode !== 'view') return null;
  return (
    <span className="ml-2 flex items-center gap-1.5">
      <span className="flex items-center gap-1 rounded-full bg-sky-100 whitespace-nowrap px-2 py-0.5 text-xs font-semibold text-sky-800 dark:bg-sky-950 dark:text-sky-200">
        <Eye className="size-3.5" aria-hidden="true" /> View only
      </span>
      <button
        type="button"
        onClick={makeCopy}
        title="Open this design as your own design in this browser, to edit it"
        className="flex items-center gap-1 whitespace-nowrap rounded-md border border-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-900"
      >
        <Copy className="size-3.5" aria-hidden="true" /> Make a copy
      </button>
    </span>
  );
}
