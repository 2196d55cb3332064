import { CircleCheck, CloudOff, LoaderCircle, TriangleExclamationPoint } from 'lucide-react';
import { type ShareState, useShare } from './share-store';

const selectSync = (s: ShareState) => s.sync;
const selectMode = (s: ShareState) => s.mode;

/**
 * Where saving to the share link stands (in the toolbar, instead of the local autosave's state):
 * "Saved to link · v7", "Saving…", "Offline — kept locally, retrying". Problems stay visible.
 */
export function ShareStatus() {
  const sync = useShare(selectSync);
  const mode = useShare(selectMode);
  const base = 'flex items-center gap-1 text-xs whitespace-nowrap';
  const quiet = `${base} text-slate-500 dark:text-slate-400`;
  switch (sync.status) {
    case 'loading':
      return (
        <span className={quiet} role="status">
          <LoaderCircle className="size-3.5 animate-spin" aria-hidden="true" /> Loading shared design…
        </span>
      );
    case 'saving':
      return (
        <span className={quiet} role="status">
          <LoaderCircle className="size-3.5 animate-spin" aria-hidden="true" /> Saving…
        </span>
      );
    case 'saved':
      return (
        <span
          className={quiet}
          role="status"
          title={`Version ${sync.version} on the server, as of ${new Date(sync.at).toLocaleTimeString()}`}
        >
          <CircleCheck className="size-3.5 text-emerald-500" aria-hidden="true" />
          {mode === 'edit' ? `Saved to link · v${sync.version}` : `Shared design · v${sync.version}`}
        </span>
      );
    case 'offline':
      return (
        <span
          className={`${base} font-medium text-amber-700 dark:text-amber-400`}
          role="status"
          title={`${sync.message} Next try at ${new Date(sync.retryAt).toLocaleTimeString()}.`}
        >
          <CloudOff className="size-3.5" aria-hidden="true" />
          {mode === 'edit' ? 'Offline — kept locally, retrying' : 'Offline — retrying'}
        </span>
      );
    case 'conflict':
      return (
        <span className={`${base} font-medium text-amber-700 dark:text-amber-400`} role="status">
          <TriangleExclamationPoint className="size-3.5" aria-hidden="true" /> Changed by someone else
        </span>
      );
    case 'error':
      return (
        <span
          className={`${base} font-medium text-red-600 dark:text-red-400`}
          role="status"
          title={sync.message}
        >
          <CloudOff className="size-3.5" aria-hidden="true" /> {sync.message}
        </span>
      );
    default:
      return null;
  }
}
