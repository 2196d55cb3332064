import { findKind } from '@stackdraft/patterns';
import { Handle, type NodeProps, NodeResizer, Position } from '@xyflow/react';
import { memo } from 'react';
import { useNodeAnalysis } from '../analysis/node-analysis';
import { MIN_GROUP_SIZE } from '../document/geometry';
import { CommentBadge } from '../review/comments/CommentBadge';
import { type EditorState, useEditor } from '../store/editor-store';
import { CATEGORY_STYLE } from '../ui/category-style';
import { formatBadge } from '../ui/format';
import { KIND_ICONS } from '../ui/kind-icons';
import { SEVERITY_STYLE } from '../ui/severity';
import { GROUP_STYLE } from './group-style';
import { useLite } from './lod';
import { RenameInput } from './RenameInput';
import type { KindFlowNode } from './types';

const selectReadOnly = (s: EditorState) => s.readOnly;

/**
 * The one node component for every kind: icon, colour and wording come from the catalog entry of
 * `data.kind`, so a new kind needs no React code. Groups draw as a titled, resizable frame; when
 * the canvas is zoomed out, plain nodes draw as a simple tinted box.
 */
export const KindNode = memo(function KindNode({ id, data, selected }: NodeProps<KindFlowNode>) {
  const lite = useLite();
  if (data.group) return <GroupBody id={id} data={data} selected={selected} lite={lite} />;
  if (lite) return <LiteBody data={data} selected={selected} />;
  return <FullBody id={id} data={data} selected={selected} />;
});

function LiteBody({ data, selected }: { data: KindFlowNode['data']; selected: boolean }) {
  const kind = findKind(data.kind);
  const style = kind ? CATEGORY_STYLE[kind.category] : CATEGORY_STYLE.operations;
  // No handles here: the node declares them up front, so edges still attach where they belong.
  return (
    <div
      className={`flex h-full w-full items-center rounded-lg border-l-[6px] px-3 ${style.accent} ${style.lite} ${
        selected ? 'outline-4 outline-indigo-500' : ''
      }`}
    >
      <span className="line-clamp-2 text-[20px] leading-[1.15] font-semibold text-slate-800 dark:text-slate-100">
        {data.label}
      </span>
    </div>
  );
}

function FullBody({ id, data, selected }: { id: string; data: KindFlowNode['data']; selected: boolean }) {
  const kind = findKind(data.kind);
  const analysis = useNodeAnalysis(id);
  if (!kind) return null;
  const Icon = KIND_ICONS[kind.icon];
  const style = CATEGORY_STYLE[kind.category];
  const worst = analysis.worst;
  const Sev = worst ? SEVERITY_STYLE[worst.severity] : undefined;
  const hasCost = analysis.monthly !== undefined;
  return (
    <>
      <Handle type="target" position={Position.Left} className="sd-handle" />
      {/* Everything is drawn inside the card, so that the card can skip painting when off screen. */}
      <div
        className={`sd-card-rich relative flex h-full w-full items-center gap-2.5 rounded-lg border bg-white pl-2.5 dark:bg-slate-900 ${
          hasCost || worst ? 'pr-2' : 'pr-3'
        } ${
          selected
            ? 'border-indigo-500 ring-2 ring-indigo-500/30 dark:border-indigo-400'
            : 'border-slate-200 hover:border-slate-300 dark:border-slate-700 dark:hover:border-slate-600'
        }`}
      >
        <span className={`grid size-8 shrink-0 place-items-center rounded-md ${style.icon}`}>
          <Icon className="size-[18px]" aria-hidden="true" />
        </span>
        <span className="min-w-0 flex-1">
          {data.renaming ? (
            <RenameInput id={id} label={data.label} className="text-[13px] font-medium" />
          ) : (
            <span
              className="block truncate text-[13px] leading-tight font-medium text-slate-900 dark:text-slate-100"
              title={data.label}
            >
              {data.label}
            </span>
          )}
          <span className="block truncate text-[11px] leading-tight text-slate-500 dark:text-slate-400">
            {data.label === kind.label && 'service' in kind.aws ? kind.aws.service : kind.label}
          </span>
        </span>
        {(hasCost || (worst && Sev)) && (
          <span className="flex shrink-0 flex-col items-end justify-center gap-0.5 self-stretch">
            {worst && Sev && (
              <span
                className={`grid size-4 place-items-center rounded-full ${Sev.badge}`}
                title={`${Sev.word}: ${worst.message}${worst.count > 1 ? ` (and ${worst.count - 1} more)` : ''}`}
                role="img"
                aria-label={`${Sev.word}: ${worst.message}`}
              >
                <Sev.icon className="size-2.5" aria-hidden="true" />
              </span>
            )}
            {analysis.monthly !== undefined && (
              <span
                className="text-[10px] leading-none font-semibold text-slate-600 tabular-nums dark:text-slate-300"
                title={`Estimated ${formatBadge(analysis.monthly)} per month${analysis.usageAssumed ? ' (depends on assumed usage)' : ''}`}
              >
                {formatBadge(analysis.monthly)}
                {analysis.usageAssumed ? '*' : ''}
              </span>
            )}
          </span>
        )}
      </div>
      {/* Outside the card: the card's content-visibility clips whatever overhangs it. */}
      <CommentBadge id={id} />
      <Handle type="source" position={Position.Right} className="sd-handle" />
    </>
  );
}

function GroupBody({
  id,
  data,
  selected,
  lite,
}: {
  id: string;
  data: KindFlowNode['data'];
  selected: boolean;
  lite: boolean;
}) {
  const kind = findKind(data.kind);
  const analysis = useNodeAnalysis(id);
  const readOnly = useEditor(selectReadOnly);
  if (!kind) return null;
  const Icon = KIND_ICONS[kind.icon];
  const look = GROUP_STYLE[data.kind] ?? GROUP_STYLE.default;
  const worst = analysis.worst;
  const Sev = worst ? SEVERITY_STYLE[worst.severity] : undefined;
  return (
    <>
      <NodeResizer
        isVisible={selected && !lite && !readOnly}
        minWidth={MIN_GROUP_SIZE.width}
        minHeight={MIN_GROUP_SIZE.height}
        lineClassName="sd-resize-line"
        handleClassName="sd-resize-handle"
      />
      <div
        className={`h-full w-full rounded-xl border-2 ${look.frame} ${
          selected ? 'ring-2 ring-indigo-500/40 ring-offset-0' : ''
        }`}
      >
        <div className={`flex h-10 items-center gap-2 px-3 ${look.title}`}>
          <Icon className="size-4 shrink-0" aria-hidden="true" />
          {data.renaming ? (
            <RenameInput id={id} label={data.label} className="text-xs font-semibold" />
          ) : (
            <span className={`truncate font-semibold ${lite ? 'text-2xl' : 'text-xs'}`} title={data.label}>
              {data.label}
            </span>
          )}
          {!lite && (
            <span className="truncate text-[11px] font-normal opacity-70">
              {[data.label === kind.label ? '' : kind.label, data.detail === data.label ? '' : data.detail]
                .filter(Boolean)
                .join(' · ')}
            </span>
          )}
          {worst && Sev && !lite && (
            <span
              className={`ml-auto grid size-5 shrink-0 place-items-center rounded-full ${Sev.badge}`}
              title={`${Sev.word}: ${worst.message}`}
              role="img"
              aria-label={`${Sev.word}: ${worst.message}`}
            >
              <Sev.icon className="size-3" aria-hidden="true" />
            </span>
          )}
        </div>
      </div>
    </>
  );
}
