import type { ArchitectureDocument, CostEstimate, ReviewScore } from '@stackdraft/patterns';
import type { StoreApi } from 'zustand';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { EditorState } from '../store/editor-store';
import { SEVERITY_RANK } from '../ui/severity';
import type { AnalysisResult, ShownFinding } from './engine';
import { type NodeAnalysis, publishNodeAnalysis } from './node-analysis';

/** The latest validation and cost of the design, for the Problems, Cost and Review score panels. */
export interface AnalysisState {
  /** The document these results are for (they lag an edit by a moment). */
  doc: ArchitectureDocument | null;
  findings: readonly ShownFinding[];
  score: ReviewScore | null;
  cost: CostEstimate | null;
  /** Set when validation or cost failed (a bug: shown rather than hidden). */
  error: string | null;
  /** Time the last run took, in milliseconds. */
  ms: number;
}

export const analysisStore = createStore<AnalysisState>()(() => ({
  doc: null,
  findings: [],
  score: null,
  cost: null,
  error: null,
  ms: 0,
}));

export function useAnalysis<T>(selector: (s: AnalysisState) => T): T {
  return useStore(analysisStore, selector);
}

/** Runs the analysis of a document somewhere (a worker in the browser, in-process in tests). */
export type Analyzer = (doc: ArchitectureDocument) => Promise<AnalysisResult>;

/** The browser's analyzer: a module worker, started on first use. */
export function workerAnalyzer(): Analyzer {
  let worker: Worker | undefined;
  let seq = 0;
  const pending = new Map<number, { resolve(r: AnalysisResult): void; reject(e: Error): void }>();
  return (doc) => {
    if (!worker) {
      worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), {
        type: 'module',
        name: 'stackdraft-analysis',
      });
      worker.onmessage = (e: MessageEvent<{ id: number; result?: AnalysisResult; error?: string }>) => {
        const p = pending.get(e.data.id);
        pending.delete(e.data.id);
        if (e.data.result) p?.resolve(e.data.result);
        else p?.reject(new Error(e.data.error ?? 'the analysis failed'));
      };
      worker.onerror = (e) => {
        for (const p of pending.values())
          p.reject(new Error(e.message || 'the analysis worker could not start'));
        pending.clear();
        worker = undefined;
      };
    }
    const id = ++seq;
    const w = worker;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, doc });
    });
  };
}

/** In-process analysis (tests, and browsers without module workers). */
export const inlineAnalyzer: Analyzer = async (doc) => (await import('./engine')).analyseDocument(doc);

/** Publishes results for `doc` (panels and node badges). */
export function publish(doc: ArchitectureDocument, r: AnalysisResult): void {
  analysisStore.setState({ doc, findings: r.findings, score: r.score, cost: r.cost, error: null, ms: r.ms });
  publishNodeAnalysis(perNode(r.findings, r.cost));
}

/** Badges per node: its monthly cost and its worst open finding (with how many it has). */
export function perNode(findings: readonly ShownFinding[], cost: CostEstimate): Map<string, NodeAnalysis> {
  const out = new Map<string, { monthly?: number; usageAssumed?: boolean; worst?: NodeAnalysis['worst'] }>();
  for (const item of cost.items) {
    if (item.free !== undefined) continue;
    out.set(item.nodeId, { monthly: item.monthly, usageAssumed: item.usesDefaultUsage });
  }
  for (const f of findings) {
    if (f.suppressed) continue;
    const id = f.nodeIds[0];
    if (id === undefined) continue;
    const entry = out.get(id) ?? {};
    const w = entry.worst;
    if (!w) entry.worst = { severity: f.severity, message: f.message, count: 1 };
    else if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[w.severity])
      entry.worst = { severity: f.severity, message: f.message, count: w.count + 1 };
    else entry.worst = { ...w, count: w.count + 1 };
    out.set(id, entry);
  }
  return out as Map<string, NodeAnalysis>;
}

/**
 * Keeps the analysis current: after each change of the document (never during a drag, which only
 * moves the transient overlay) it waits for a quiet moment, then analyses the latest version; a
 * result for a version that is no longer current is dropped. Returns the stopper.
 */
export function startAnalysis(store: StoreApi<EditorState>, analyze: Analyzer, delayMs = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  const run = async () => {
    timer = undefined;
    if (running) return;
    const { doc } = store.getState();
    if (analysisStore.getState().doc === doc) return;
    running = true;
    try {
      const r = await analyze(doc);
      if (store.getState().doc === doc) publish(doc, r);
    } catch (err) {
      analysisStore.setState({
        doc,
        error: `Checking the design failed: ${err instanceof Error ? err.message : String(err)}`,
      });
    } finally {
      running = false;
    }
    // The design changed while this ran: analyse the newest version now.
    if (store.getState().doc !== doc && !timer) void run();
  };
  void run();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.doc === prev.doc) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
