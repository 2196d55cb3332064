import { analysisTargets, analyzeFailure, type FailureSpec, type PathStatus } from '@stackdraft/patterns';
import { Copy } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import { failureSpotlight } from './failure-marks';

const selectDoc = (s: EditorState) => s.doc;
const selectSelected = (s: EditorState) => s.selection.nodes;

const STATUS_STYLE: Record<PathStatus, string> = {
  working: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  degraded: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  broken: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
};

function toggle(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

/**
 * What if: fail a region, an availability zone or nodes, and see which client paths keep working,
 * which degrade (a replica, a queue buffering, another region) and which break.
 */
export function FailurePanel() {
  const doc = useEditor(selectDoc);
  const selected = useEditor(selectSelected);
  const targets = useMemo(() => analysisTargets(doc), [doc]);
  const labels = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.label || n.id])), [doc]);
  const [spec, setSpec] = useState<Required<FailureSpec>>({ regions: [], zones: [], nodes: [] });
  const live: Required<FailureSpec> = {
    regions: spec.regions.filter((id) => targets.regions.some((t) => t.id === id)),
    zones: spec.zones.filter((id) => targets.zones.some((t) => t.id === id)),
    nodes: spec.nodes.filter((id) => labels.has(id)),
  };
  const key = JSON.stringify(live);
  const empty = live.regions.length + live.zones.length + live.nodes.length === 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `live`.
  const analysis = useMemo(() => (empty ? undefined : analyzeFailure(doc, live)), [doc, key, empty]);
  useEffect(() => {
    editorStore.getState().setSpotlight(analysis ? failureSpotlight(analysis) : null);
  }, [analysis]);
  useEffect(() => () => editorStore.getState().setSpotlight(null), []);

  const check = (group: 'regions' | 'zones', id: string) =>
    setSpec((s) => ({ ...s, [group]: toggle(s[group], id) }));
  return (
    <section aria-labelledby="failure-heading" className="flex flex-col gap-3 p-3">
      <h2 id="failure-heading" className="text-sm font-semibold">
        What if it fails?
      </h2>
      {targets.regions.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-300">Regions</legend>
          {targets.regions.map((t) => (
            <label key={t.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={live.regions.includes(t.id)}
                onChange={() => check('regions', t.id)}
              />
              Fail {t.label === t.name ? t.name : `${t.label} (${t.name})`}
            </label>
          ))}
        </fieldset>
      )}
      {targets.zones.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-300">
            Availability zones
          </legend>
          {targets.zones.map((t) => (
            <label key={t.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={live.zones.includes(t.id)}
                onChange={() => check('zones', t.id)}
              />
              Fail {t.label === t.name ? t.name : `${t.label} (${t.name})`}
            </label>
          ))}
        </fieldset>
      )}
      <div className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-300">Nodes</span>
        {live.nodes.map((id) => (
          <label key={id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked
              onChange={() => setSpec((s) => ({ ...s, nodes: s.nodes.filter((x) => x !== id) }))}
            />
            Fail {labels.get(id)}
          </label>
        ))}
        <button
          type="button"
          disabled={selected.length === 0}
          onClick={() => setSpec((s) => ({ ...s, nodes: [...new Set([...s.nodes, ...selected])] }))}
          className="self-start rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Fail the selected node{selected.length === 1 ? '' : 's'}
        </button>
      </div>
      {analysis ? (
        <FailureResult analysis={analysis} />
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">Choose what fails.</p>
      )}
    </section>
  );
}

function FailureResult({ analysis }: { analysis: ReturnType<typeof analyzeFailure> }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="flex flex-col gap-2" aria-label="Failure analysis">
      <p className="flex gap-2 text-sm tabular-nums">
        <span className={`rounded px-1.5 ${STATUS_STYLE.working}`}>{analysis.counts.working} working</span>
        <span className={`rounded px-1.5 ${STATUS_STYLE.degraded}`}>{analysis.counts.degraded} degraded</span>
        <span className={`rounded px-1.5 ${STATUS_STYLE.broken}`}>{analysis.counts.broken} broken</span>
      </p>
      <p className="text-sm">{analysis.summary}</p>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard?.writeText(analysis.summary).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
        className="flex items-center gap-1 self-start rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950/50"
      >
        <Copy className="size-3.5" aria-hidden="true" /> {copied ? 'Copied' : 'Copy summary for the notes'}
      </button>
      <ul aria-label="Client paths" className="flex flex-col gap-1.5">
        {analysis.paths.map((p) => (
          <li key={p.id} className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800">
            <span className={`mr-1.5 rounded px-1.5 text-xs font-semibold ${STATUS_STYLE[p.status]}`}>
              {p.status}
            </span>
            {p.description}
            <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-300">{p.reason}</p>
          </li>
        ))}
      </ul>
      {analysis.atRisk.length > 0 && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          At risk (not placed in a zone): {analysis.atRisk.map((r) => r.reason).join('; ')}
        </p>
      )}
    </section>
  );
}
