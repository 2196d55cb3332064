import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import { useLite } from './lod';
import type { KindFlowEdge } from './types';

/**
 * Every edge, drawn by its kind: sync solid, async dashed, trigger dashed and moving, replication
 * as a tinted double line, redrive red. The look lives in CSS (`.sd-edge-<kind>`); this component
 * only picks the class, the arrowhead and the label.
 */
export const KindEdge = memo(function KindEdge(props: EdgeProps<KindFlowEdge>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const lite = useLite();
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 10,
  });
  const kind = data?.kind ?? 'invalid';
  const cls = `sd-edge sd-edge-${kind}${selected ? ' sd-edge-selected' : ''}`;
  return (
    <>
      {kind === 'replication' && <path d={path} className="sd-edge-replication-outer" fill="none" />}
      <BaseEdge path={path} className={cls} markerEnd={`url(#sd-arrow-${kind})`} interactionWidth={16} />
      {data?.label && !lite && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-none absolute rounded border border-slate-200 bg-white/95 px-1.5 py-px text-[10px] font-medium text-slate-600 shadow-sm dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-300"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

/** Arrowheads, one per edge kind (referenced as `url(#sd-arrow-<kind>)`), drawn once per canvas. */
export function EdgeMarkers() {
  const kinds = ['sync', 'async', 'trigger', 'replication', 'redrive', 'invalid'] as const;
  return (
    <svg className="pointer-events-none absolute size-0" aria-hidden="true">
      <defs>
        {kinds.map((k) => (
          <marker
            key={k}
            id={`sd-arrow-${k}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="10"
            markerHeight="10"
            orient="auto-start-reverse"
            markerUnits="userSpaceOnUse"
            className={`sd-marker-${k}`}
          >
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
