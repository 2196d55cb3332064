import { reloadTheirs, saveMineAsNew } from './session';
import { type ShareState, useShare } from './share-store';

const selectSync = (s: ShareState) => s.sync;
const selectProblem = (s: ShareState) => s.problem;

const amber =
  'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100';
const button =
  'rounded-md px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-indigo-500';

/**
 * Under the toolbar on a shared design: the conflict ("Someone else changed this design", with
 * the two ways out, neither losing anything), or why the link cannot be used as it was meant.
 */
export function ShareBanner() {
  const sync = useShare(selectSync);
  const problem = useShare(selectProblem);
  if (sync.status === 'conflict') {
    const theirs = sync.currentVersion ? ` (version ${sync.currentVersion})` : '';
    return (
      <section
        role="alert"
        aria-label="Someone else changed this design"
        className={`flex flex-wrap items-center gap-3 border-b px-4 py-2 text-sm ${amber}`}
      >
        <span className="flex-1">
          <strong>Someone else changed this design</strong>
          {theirs} while you were editing. Your changes are not saved to the link yet, and are kept in this
          browser. Load theirs (yours is downloaded as a file and stays one Undo away), or save yours as the
          newest version (theirs stays in the version history).
        </span>
        <button
          type="button"
          onClick={() => void reloadTheirs()}
          className={`${button} bg-amber-600 text-white hover:bg-amber-500`}
        >
          Reload theirs
        </button>
        <button
          type="button"
          onClick={() => void saveMineAsNew()}
          className={`${button} border border-amber-300 hover:bg-amber-100 dark:border-amber-700 dark:hover:bg-amber-900`}
        >
          Save mine as new version
        </button>
      </section>
    );
  }
  const message = problem ?? (sync.status === 'error' ? sync.message : undefined);
  if (!message) return null;
  return (
    <div role="alert" className={`flex items-center gap-3 border-b px-4 py-2 text-sm ${amber}`}>
      <span className="flex-1">{message}</span>
      <a href="/" className={`${button} border border-amber-300 hover:bg-amber-100 dark:border-amber-700`}>
        Open my own design
      </a>
    </div>
  );
}
