import {
  type ArchitectureDocument,
  type ChangedItem,
  type ReviewDiff,
  signedUsd,
} from '@stackdraft/patterns';
import { formatMoney } from '../../ui/format';
import { changeLine, edgeName, nodeName } from './diff-marks';

interface Props {
  diff: ReviewDiff;
  older: ArchitectureDocument;
  newer: ArchitectureDocument;
  olderVersion: number;
  newerVersion: number;
}

function Changed({ items, name }: { items: readonly ChangedItem[]; name: (id: string) => string }) {
  return (
    <>
      {items.map((c) => (
        <li key={c.id}>
          <span className="font-medium">~ {name(c.id)}</span>
          <ul className="ml-4 list-disc text-xs">
            {c.changes.map((ch) => (
              <li key={ch.path} className="break-words">
                {changeLine(ch)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </>
  );
}

/** The comparison of two versions: what changed, the monthly cost difference, the findings moved. */
export function DiffView({ diff, older, newer, olderVersion, newerVersion }: Props) {
  const empty =
    diff.nodes.added.length + diff.nodes.removed.length + diff.nodes.changed.length === 0 &&
    diff.edges.added.length + diff.edges.removed.length + diff.edges.changed.length === 0 &&
    diff.settings.length === 0;
  return (
    <section
      aria-label={`Changes from version ${olderVersion} to version ${newerVersion}`}
      className="flex flex-col gap-2 text-sm"
    >
      <p data-testid="cost-delta" className="font-semibold tabular-nums">
        Cost: {signedUsd(diff.cost.delta)} / month
        <span className="font-normal text-slate-500 dark:text-slate-400">
          {' '}
          ({formatMoney(diff.cost.before)} → {formatMoney(diff.cost.after)})
        </span>
      </p>
      <p className="tabular-nums">
        Score: {diff.score.before} → {diff.score.after}
      </p>
      {empty ? (
        <p className="text-slate-500 dark:text-slate-400">No changes between these versions.</p>
      ) : (
        <ul aria-label="Changes" className="flex flex-col gap-1">
          {diff.nodes.added.map((id) => (
            <li key={`na-${id}`} className="text-emerald-800 dark:text-emerald-300">
              + {nodeName(newer, id)}
            </li>
          ))}
          {diff.nodes.removed.map((id) => (
            <li key={`nr-${id}`} className="text-red-800 dark:text-red-300">
              − {nodeName(older, id)} (removed: not on the canvas)
            </li>
          ))}
          <Changed items={diff.nodes.changed} name={(id) => nodeName(newer, id)} />
          {diff.edges.added.map((id) => (
            <li key={`ea-${id}`} className="text-emerald-800 dark:text-emerald-300">
              + {edgeName(newer, id)}
            </li>
          ))}
          {diff.edges.removed.map((id) => (
            <li key={`er-${id}`} className="text-red-800 dark:text-red-300">
              − {edgeName(older, id)} (removed)
            </li>
          ))}
          <Changed items={diff.edges.changed} name={(id) => edgeName(newer, id)} />
          {diff.settings.map((s) => (
            <li key={`s-${s.path}`}>~ {changeLine(s)}</li>
          ))}
        </ul>
      )}
      {(diff.findings.added.length > 0 || diff.findings.resolved.length > 0) && (
        <ul aria-label="Findings" className="flex flex-col gap-1 text-xs">
          {diff.findings.added.map((f) => (
            <li key={`fa-${f.key}`} className="text-red-800 dark:text-red-300">
              New finding: {f.message}
            </li>
          ))}
          {diff.findings.resolved.map((f) => (
            <li key={`fr-${f.key}`} className="text-emerald-800 dark:text-emerald-300">
              Resolved: {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
