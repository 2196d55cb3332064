import { analysisTargets, type FlowHop, walkFlow } from '@stackdraft/patterns';
import { AlertTriangle, Check, ChevronLeft, ChevronRight } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { canvasApi } from '../canvas/canvas-api';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import type { Mark, Spotlight } from './spotlight';

const selectDoc = (s: EditorState) => s.doc;
const selectFirstSelected = (s: EditorState) => s.selection.nodes[0];

/** The walk up to hop `at`: visited hops in focus, the current one marked apart. */
export function walkSpotlight(hops: readonly FlowHop[], at: number): Spotlight {
  const nodes = new Map<string, Mark>();
  const edges = new Map<string, Mark>();
  for (const hop of hops.slice(0, at + 1)) {
    nodes.set(hop.nodeId, 'focus');
    if (hop.edgeId) edges.set(hop.edgeId, 'focus');
  }
  const current = hops[at];
  if (current) {
    nodes.set(current.nodeId, 'current');
    if (current.edgeId) edges.set(current.edgeId, 'current');
  }
  return { nodes, edges, dimOthers: true };
}

/**
 * Flow walkthrough: from a client (or any node) through the path a request or message takes,
 * one hop at a time, each with the settings that matter on it and the ones that are missing.
 */
export function WalkthroughPanel() {
  const doc = useEditor(selectDoc);
  const selected = useEditor(selectFirstSelected);
  const labels = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.label || n.id])), [doc]);
  const entries = useMemo(() => analysisTargets(doc).entryIds, [doc]);
  const [start, setStart] = useState<string | undefined>(undefined);
  const startId = start && labels.has(start) ? start : (entries[0] ?? selected);
  const walk = useMemo(() => (startId ? walkFlow(doc, startId) : undefined), [doc, startId]);
  const [at, setAt] = useState(0);
  const hops = walk?.hops ?? [];
  const hop = hops[Math.min(at, hops.length - 1)];

  // A new start (or a changed design) starts the walk again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resetting on a new walk is the point.
  useEffect(() => setAt(0), [walk]);
  useEffect(() => {
    if (!walk || hops.length === 0) return;
    const i = Math.min(at, hops.length - 1);
    editorStore.getState().setSpotlight(walkSpotlight(hops, i));
    const h = hops[i];
    if (h) canvasApi.centreOn(h.fromId ? [h.fromId, h.nodeId] : [h.nodeId]);
  }, [walk, hops, at]);
  // Leaving the tab takes the marks away.
  useEffect(() => () => editorStore.getState().setSpotlight(null), []);

  const options = [...new Set([...entries, ...(selected ? [selected] : []), ...(startId ? [startId] : [])])];
  return (
    <section aria-labelledby="walk-heading" className="flex flex-col gap-3 p-3">
      <h2 id="walk-heading" className="text-sm font-semibold">
        Flow walkthrough
      </h2>
      {options.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          Add a client (or select a node) to walk the path its requests take.
        </p>
      ) : (
        <>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300">
            Start from
            <select
              value={startId}
              onChange={(e) => setStart(e.target.value)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
            >
              {options.map((id) => (
                <option key={id} value={id}>
                  {labels.get(id) ?? id}
                </option>
              ))}
            </select>
          </label>
          <div className="flex items-center gap-2">
            <button
              type="button"
              aria-label="Previous hop"
              disabled={at <= 0}
              onClick={() => setAt((i) => Math.max(0, i - 1))}
              className="grid size-8 place-items-center rounded-md border border-slate-300 disabled:opacity-40 dark:border-slate-700"
            >
              <ChevronLeft className="size-4" aria-hidden="true" />
            </button>
            <span aria-live="polite" className="flex-1 text-center text-sm tabular-nums">
              Hop {Math.min(at, hops.length - 1) + 1} of {hops.length}
            </span>
            <button
              type="button"
              aria-label="Next hop"
              disabled={at >= hops.length - 1}
              onClick={() => setAt((i) => Math.min(hops.length - 1, i + 1))}
              className="grid size-8 place-items-center rounded-md border border-slate-300 disabled:opacity-40 dark:border-slate-700"
            >
              <ChevronRight className="size-4" aria-hidden="true" />
            </button>
          </div>
          {hop && <HopDetail hop={hop} />}
          <ol aria-label="Hops" className="flex flex-col gap-0.5 text-sm">
            {hops.map((h, i) => (
              <li key={h.index} style={{ paddingLeft: `${Math.min(h.depth, 8) * 10}px` }}>
                <button
                  type="button"
                  onClick={() => setAt(i)}
                  aria-current={i === at ? 'step' : undefined}
                  className={`w-full truncate rounded px-1.5 py-0.5 text-left ${
                    i === at
                      ? 'bg-sky-100 font-medium text-sky-900 dark:bg-sky-950 dark:text-sky-100'
                      : 'hover:bg-slate-100 dark:hover:bg-slate-800'
                  } ${h.branch === 'side' ? 'italic' : ''}`}
                  title={h.title}
                >
                  {i + 1}. {h.title}
                  {h.revisit ? ' (already visited)' : ''}
                </button>
              </li>
            ))}
          </ol>
          {walk?.truncated && (
            <p className="text-xs text-amber-800 dark:text-amber-300">
              The walk stops after {hops.length} hops; start from a node further along to see the rest.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function HopDetail({ hop }: { hop: FlowHop }) {
  return (
    <div className="rounded-md border border-sky-300 bg-sky-50 p-2.5 dark:border-sky-800 dark:bg-sky-950/40">
      <p className="text-sm font-semibold">{hop.title}</p>
      {hop.branch === 'side' && (
        <p className="text-xs text-slate-600 dark:text-slate-300">What happens when processing fails.</p>
      )}
      {hop.settings.length + hop.missing.length > 0 && (
        <ul className="mt-1.5 flex flex-col gap-0.5 text-xs">
          {hop.settings.map((s) => (
            <li key={`s-${s}`} className="flex items-start gap-1.5 text-emerald-800 dark:text-emerald-300">
              <Check className="mt-px size-3.5 shrink-0" aria-hidden="true" />
              {s}
            </li>
          ))}
          {hop.missing.map((s) => (
            <li key={`m-${s}`} className="flex items-start gap-1.5 text-amber-800 dark:text-amber-300">
              <AlertTriangle className="mt-px size-3.5 shrink-0" aria-hidden="true" />
              {s}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
