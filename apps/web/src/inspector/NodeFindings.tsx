import { Wrench } from 'lucide-react';
import { useAnalysis } from '../analysis/analysis-store';
import { applyFindingFix } from '../panels/fix';
import { formatMoney } from '../ui/format';
import { SEVERITY_RANK, SEVERITY_STYLE } from '../ui/severity';

/** The findings and the cost of one node, in its inspector. */
export function NodeFindings({ id }: { id: string }) {
  const findings = useAnalysis((s) => s.findings);
  const item = useAnalysis((s) => s.cost?.items.find((i) => i.nodeId === id));
  const mine = findings
    .filter((f) => !f.suppressed && f.nodeIds.includes(id))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return (
    <>
      {item && (
        <div className="rounded-lg border border-slate-200 p-2.5 dark:border-slate-800">
          <p className="flex items-baseline justify-between text-xs">
            <span className="font-medium text-slate-700 dark:text-slate-300">Monthly cost</span>
            <span className="font-semibold text-slate-900 tabular-nums dark:text-slate-100">
              {formatMoney(item.monthly)}
            </span>
          </p>
          {item.components.length > 0 && (
            <ul className="mt-1.5 grid gap-0.5 text-[11px] text-slate-500 dark:text-slate-400">
              {item.components.map((c) => (
                <li key={`${c.name}-${c.priceKey}`} className="flex justify-between gap-2">
                  <span className="truncate" title={c.usage?.basis ?? c.name}>
                    {c.name}
                  </span>
                  <span className="tabular-nums">{formatMoney(c.monthly)}</span>
                </li>
              ))}
            </ul>
          )}
          {(item.free ?? item.note) && (
            <p className="mt-1 text-[11px] text-slate-500 dark:text-slate-400">{item.free ?? item.note}</p>
          )}
        </div>
      )}
      {mine.length > 0 && (
        <ul className="grid gap-2">
          {mine.map((f) => {
            const S = SEVERITY_STYLE[f.severity];
            return (
              <li key={f.key} className="flex gap-2 rounded-lg bg-slate-50 p-2 text-xs dark:bg-slate-900">
                <S.icon className={`mt-0.5 size-3.5 shrink-0 ${S.text}`} aria-label={S.word} />
                <div className="grid gap-1.5">
                  <p className="leading-snug text-slate-700 dark:text-slate-300">{f.message}</p>
                  {f.fix && (
                    <button
                      type="button"
                      onClick={() => void applyFindingFix(f)}
                      className="flex w-fit items-center gap-1 rounded border border-indigo-200 bg-white px-1.5 py-0.5 text-[11px] font-medium text-indigo-700 hover:bg-indigo-50 dark:border-indigo-800 dark:bg-slate-900 dark:text-indigo-300"
                    >
                      <Wrench className="size-3" aria-hidden="true" />
                      {f.fix.label}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
