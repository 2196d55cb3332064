import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type Severity = 'error' | 'warning' | 'info';

/** What a node's badges show: its monthly cost and the worst finding about it. */
export interface NodeAnalysis {
  readonly monthly?: number;
  /** True when the cost rests on assumed usage rather than stated volumes. */
  readonly usageAssumed?: boolean;
  readonly worst?: { readonly severity: Severity; readonly message: string; readonly count: number };
}

interface NodeAnalysisState {
  byNode: ReadonlyMap<string, NodeAnalysis>;
}

/**
 * Per-node results of validation and cost, kept apart from the editor store: they change only
 * after an analysis run, so the thousand node badges never wake up during a drag or a pan.
 */
export const nodeAnalysisStore = createStore<NodeAnalysisState>()(() => ({ byNode: new Map() }));

const EMPTY: NodeAnalysis = Object.freeze({});

/** The badges of one node (a stable object until its own results change). */
export function useNodeAnalysis(id: string): NodeAnalysis {
  return useStore(nodeAnalysisStore, (s) => s.byNode.get(id) ?? EMPTY);
}

/**
 * Publishes new per-node results, keeping the previous object for nodes whose results did not
 * change, so only their badges re-render.
 */
export function publishNodeAnalysis(next: Map<string, NodeAnalysis>): void {
  const prev = nodeAnalysisStore.getState().byNode;
  for (const [id, value] of next) {
    const old = prev.get(id);
    if (old && sameAnalysis(old, value)) next.set(id, old);
  }
  nodeAnalysisStore.setState({ byNode: next });
}

function sameAnalysis(a: NodeAnalysis, b: NodeAnalysis): boolean {
  return (
    a.monthly === b.monthly &&
    a.usageAssumed === b.usageAssumed &&
    a.worst?.severity === b.worst?.severity &&
    a.worst?.message === b.worst?.message &&
    a.worst?.count === b.worst?.count
  );
}
