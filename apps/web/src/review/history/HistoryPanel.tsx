import { reviewDiff } from '@stackdraft/patterns';
import { History, RotateCcw } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useShare } from '../../share/share-store';
import { editorStore } from '../../store/editor-store';
import { commentErrorText, timeAgo } from '../comments/comment-text';
import { DiffView } from './DiffView';
import { defaultPair, diffSpotlight } from './diff-marks';
import { useVersionDocument, useVersions } from './history-queries';
import { restoreVersion } from './restore';
import { SaveState } from './SaveState';

/** Review's History tab: the versions of a shared design, any two compared, an old one restored. */
export function HistoryPanel() {
  const mode = useShare((s) => s.mode);
  const id = useShare((s) => s.id);
  if (mode === 'editor' || !id) {
    return (
      <section className="flex flex-col gap-2 p-3">
        <h2 className="text-sm font-semibold">History</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Share the design to keep its history: every save to the link is a version you can compare and
          restore.
        </p>
      </section>
    );
  }
  return <SharedHistory id={id} canRestore={mode === 'edit'} />;
}

function SharedHistory({ id, canRestore }: { id: string; canRestore: boolean }) {
  const current = useShare((s) => s.version);
  const versions = useVersions(id, current);
  const base = useId();
  const list = versions.data ?? [];
  const fallback = defaultPair(list);
  // Until the person picks, compare the previous version with the newest (which moves on with saves).
  const [picked, setPicked] = useState<[number | undefined, number | undefined]>([undefined, undefined]);
  const olderV = picked[0] ?? fallback?.[0];
  const newerV = picked[1] ?? fallback?.[1];
  const older = useVersionDocument(id, olderV);
  const newer = useVersionDocument(id, newerV);
  const diff = useMemo(
    () => (older.data && newer.data ? reviewDiff(older.data, newer.data) : undefined),
    [older.data, newer.data],
  );
  // The canvas shows the current version: its changes can be marked there only when the newer
  // side of the comparison is that version (marks from two older versions would land on nodes
  // that have changed since, or are gone).
  const onCanvas = newerV !== undefined && newerV === current;
  useEffect(() => {
    editorStore.getState().setSpotlight(diff && onCanvas ? diffSpotlight(diff) : null);
  }, [diff, onCanvas]);
  useEffect(() => () => editorStore.getState().setSpotlight(null), []);
  const failure = versions.error ?? older.error ?? newer.error;

  const choose = (side: 0 | 1, value: string) => {
    const n = Number(value);
    setPicked((p) => (side === 0 ? [n, p[1]] : [p[0], n]));
  };
  const picker = (side: 0 | 1, label: string, value: number | undefined) => (
    <label className="flex flex-1 flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300">
      {label}
      <select
        id={`${base}-${side}`}
        value={value ?? ''}
        onChange={(e) => choose(side, e.target.value)}
        className="rounded border border-slate-300 px-1 py-1 text-sm font-normal text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        {list.map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-labelledby={`${base}-h`} className="flex flex-col gap-3 p-3">
      <h2 id={`${base}-h`} className="flex items-center gap-1.5 text-sm font-semibold">
        <History className="size-4" aria-hidden="true" /> History
      </h2>
      {failure && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          Could not load the history: {commentErrorText(failure, 'load')}
        </p>
      )}
      {canRestore && <SaveState />}
      <ol aria-label="Versions" className="flex max-h-56 flex-col gap-1 overflow-y-auto text-sm">
        {list.map((v) => (
          <li
            key={v.version}
            aria-label={`Version ${v.version}`}
            className={`rounded px-2 py-1 ${
              v.version === olderV || v.version === newerV ? 'bg-indigo-50 dark:bg-indigo-950' : ''
            }`}
          >
            <div className="flex items-baseline gap-2">
              <span className="font-semibold tabular-nums">v{v.version}</span>
              <time
                dateTime={v.createdAt}
                title={v.createdAt}
                className="text-xs text-slate-500 dark:text-slate-400"
              >
                {timeAgo(v.createdAt)}
              </time>
            </div>
            <p className="truncate text-xs text-slate-600 dark:text-slate-300" title={v.summary}>
              {v.summary}
            </p>
          </li>
        ))}
      </ol>
      {list.length > 1 && (
        <fieldset className="flex gap-2">
          <legend className="sr-only">Compare versions</legend>
          {picker(0, 'Compare', olderV)}
          {picker(1, 'with', newerV)}
        </fieldset>
      )}
      {diff && !onCanvas && current !== undefined && (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {`The canvas shows the current version, v${current}: changes are marked on it when you compare with v${current}.`}
        </p>
      )}
      {diff && older.data && newer.data && olderV !== undefined && newerV !== undefined && (
        <>
          <DiffView
            diff={diff}
            older={older.data}
            newer={newer.data}
            olderVersion={olderV}
            newerVersion={newerV}
          />
          {canRestore && olderV !== newerV && (
            <button
              type="button"
              onClick={() => older.data && restoreVersion(older.data, olderV)}
              className="flex items-center gap-1.5 self-start rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              <RotateCcw className="size-4" aria-hidden="true" />
              Restore version {olderV}
            </button>
          )}
        </>
      )}
    </section>
  );
}
