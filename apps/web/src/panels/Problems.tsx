import { CircleCheck, MessageSquare, Wrench } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useAnalysis } from '../analysis/analysis-store';
import type { ShownFinding } from '../analysis/engine';
import { openCommentsOnSelection } from '../review/comments/open-comments';
import { type ShareState, useShare } from '../share/share-store';
import { editorStore } from '../store/editor-store';
import { SEVERITY_RANK, SEVERITY_STYLE } from '../ui/severity';
import { applyFindingFix, showFinding } from './fix';
import { PanelHeading } from './PanelHeading';

const selectFindings = (s: { findings: readonly ShownFinding[] }) => s.findings;
const selectError = (s: { error: string | null }) => s.error;

/**
 * Problems: the findings of the design rules, worst first. Selecting one selects and centres its
 * nodes; its fix button applies the rule's fix as one undoable step.
 */
export function Problems() {
  const findings = useAnalysis(selectFindings);
  const error = useAnalysis(selectError);
  const [showAccepted, setShowAccepted] = useState(false);
  const open = useMemo(
    () =>
      findings
        .filter((f) => !f.suppressed)
        .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
    [findings],
  );
  const accepted = findings.filter((f) => f.suppressed);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of open) counts[f.severity]++;

  return (
    <section aria-labelledby="problems-heading" className="flex min-h-0 min-w-0 flex-col">
      <PanelHeading id="problems-heading" title="Problems">
        <span className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
          {(['error', 'warning', 'info'] as const).map((sev) => {
            const S = SEVERITY_STYLE[sev];
            return (
              <span
                key={sev}
                className="flex items-center gap-1"
                title={`${counts[sev]} ${S.word.toLowerCase()}`}
              >
                <S.icon className={`size-3.5 ${S.text}`} aria-hidden="true" />
                <span className="tabular-nums">{counts[sev]}</span>
                <span className="sr-only">{S.word.toLowerCase()}</span>
              </span>
            );
          })}
        </span>
      </PanelHeading>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {error && (
          <p className="m-3 rounded-md bg-red-50 p-2 text-xs text-red-700 dark:bg-red-950 dark:text-red-300">
            {error}
          </p>
        )}
        {open.length === 0 && !error ? (
          <p className="flex items-center gap-2 px-4 py-3 text-sm text-slate-500 dark:text-slate-400">
            <CircleCheck className="size-4 text-emerald-500" aria-hidden="true" />
            No problems found.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {open.map((f) => (
              <FindingRow key={f.key} finding={f} />
            ))}
          </ul>
        )}
        {accepted.length > 0 && (
          <div className="border-t border-slate-100 px-4 py-2 dark:border-slate-800">
            <button
              type="button"
              aria-expanded={showAccepted}
              onClick={() => setShowAccepted(!showAccepted)}
              className="text-xs text-slate-500 underline-offset-2 hover:underline dark:text-slate-400"
            >
              {accepted.length} accepted {accepted.length === 1 ? 'finding' : 'findings'}
            </button>
            {showAccepted && (
              <ul className="mt-1 grid gap-1 text-xs text-slate-500 dark:text-slate-400">
                {accepted.map((f) => (
                  <li key={f.key}>
                    <span className="font-mono">{f.rule}</span>: {f.suppressed?.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

/** Comments pin to one element: the finding's main node (or edge), selected, then Review opens. */
function commentOnFinding(f: ShownFinding): void {
  const node = f.nodeIds[0];
  const edge = f.edgeIds[0];
  editorStore
    .getState()
    .select(node ? { nodes: [node], edges: [] } : { nodes: [], edges: edge ? [edge] : [] });
  openCommentsOnSelection();
}

const selectShared = (s: ShareState) => s.mode !== 'editor';

function FindingRow({ finding: f }: { finding: ShownFinding }) {
  const S = SEVERITY_STYLE[f.severity];
  // Comments live with a shared design: a local one has nowhere to keep them yet.
  const shared = useShare(selectShared);
  return (
    <li className="flex items-start gap-2 px-3 py-2 hover:bg-slate-50 dark:hover:bg-slate-900/60">
      <S.icon className={`mt-0.5 size-4 shrink-0 ${S.text}`} aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <button
          type="button"
          onClick={() => showFinding(f)}
          className="block w-full rounded text-left focus-visible:outline-2 focus-visible:outline-indigo-500"
          title="Show on the canvas"
        >
          <span className="sr-only">{S.word}: </span>
          <span className="block text-[13px] leading-snug text-slate-800 dark:text-slate-100">
            {f.message}
          </span>
        </button>
        <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="truncate text-[11px] text-slate-500 dark:text-slate-400" title={f.pattern}>
            <span className="font-mono">{f.rule}</span>
            {f.pattern ? ` · ${f.pattern}` : ''}
          </span>
          {shared && (f.nodeIds.length > 0 || f.edgeIds.length > 0) && (
            <button
              type="button"
              onClick={() => commentOnFinding(f)}
              aria-label={`Comment on: ${f.message}`}
              title="Discuss this finding in Review (pinned to its main node)"
              className="flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800"
            >
              <MessageSquare className="size-3.5 shrink-0" aria-hidden="true" /> Comment
            </button>
          )}
          {f.fix && (
            <button
              type="button"
              onClick={() => void applyFindingFix(f)}
              className="ml-auto flex max-w-full items-center gap-1 rounded-md border border-indigo-200 bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-300 dark:hover:bg-indigo-900"
            >
              <Wrench className="size-3.5 shrink-0" aria-hidden="true" />
              <span className="truncate">{f.fix.label}</span>
            </button>
          )}
        </div>
      </div>
    </li>
  );
}
