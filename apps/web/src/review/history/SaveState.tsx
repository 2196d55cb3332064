import { type ShareState, useShare } from '../../share/share-store';

const selectSync = (s: ShareState) => s.sync;

/**
 * Where saving to the link stands, inside the History tab: Review hides the toolbar that shows
 * it elsewhere, and a restore is only safe once it is saved as the new version.
 */
export function SaveState() {
  const sync = useShare(selectSync);
  let text: string | undefined;
  switch (sync.status) {
    case 'saving':
      text = 'Saving to the link…';
      break;
    case 'saved':
      text = `Saved to link · v${sync.version}`;
      break;
    case 'offline':
      text = `Not saved yet: ${sync.message} Kept in this browser; retrying.`;
      break;
    case 'conflict':
      text = `Not saved: someone else saved ${sync.currentVersion === undefined ? 'a newer version' : `version ${sync.currentVersion}`}. Exit Review to choose what to keep.`;
      break;
    case 'error':
      text = `Not saved: ${sync.message}`;
      break;
    default:
      text = undefined;
  }
  return (
    <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
      {text}
    </p>
  );
}
