import type { CostEstimate } from '@stackdraft/patterns';
import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { useAnalysis } from '../analysis/analysis-store';
import { formatMoney, formatMonthly } from '../ui/format';
import { showNodes } from './fix';
import { PanelHeading } from './PanelHeading';

const selectCost = (s: { cost: CostEstimate | null }) => s.cost;
const TOP_NODES = 8;

/**
 * Cost: the monthly total, where it goes (by category and by node), and every assumption the
 * estimate rests on, with the prices' source and date.
 */
export function Cost() {
  const cost = useAnalysis(selectCost);
  const [allNodes, setAllNodes] = useState(false);
  const [showAssumptions, setShowAssumptions] = useState(false);
  const items = cost
    ? [...cost.items].filter((i) => i.monthly > 0).sort((a, b) => b.monthly - a.monthly)
    : [];
  const shown = allNodes ? items : items.slice(0, TOP_NODES);
  return (
    <section aria-labelledby="cost-heading" className="flex min-h-0 min-w-0 flex-col">
      <PanelHeading id="cost-heading" title="Cost">
        {cost?.budget && (
          <span
            className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${
              cost.budget.overBudget
                ? 'bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300'
                : 'bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300'
            }`}
          >
            {cost.budget.percentUsed ?? 0}% of {formatMoney(cost.budget.amount)} budget
          </span>
        )}
      </PanelHeading>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-2">
        {!cost ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">Estimating…</p>
        ) : (
          <>
            <p className="flex items-baseline gap-2">
              <span
                data-testid="cost-total"
                className="text-xl font-semibold text-slate-900 tabular-nums dark:text-slate-50"
              >
                {formatMonthly(cost.monthlyTotal)}
              </span>
            </p>
            <p className="text-[11px] text-slate-500 dark:text-slate-400">
              Low {formatMoney(cost.scenarios.low.monthlyTotal)} · peak{' '}
              {formatMoney(cost.scenarios.peak.monthlyTotal)}
            </p>
            {cost.breakdown.byCategory.length > 0 && (
              <>
                <h3 className="mt-3 mb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
                  By category
                </h3>
                <ul className="grid gap-1">
                  {cost.breakdown.byCategory
                    .filter((c) => c.monthly > 0)
                    .map((c) => (
                      <li key={c.category} className="grid grid-cols-[1fr_auto] items-center gap-x-2 text-xs">
                        <span className="truncate text-slate-700 dark:text-slate-300">{c.label}</span>
                        <span className="text-slate-600 tabular-nums dark:text-slate-300">
                          {formatMoney(c.monthly)}
                        </span>
                        <span className="col-span-2 h-1 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800">
                          <span
                            className="block h-full rounded-full bg-indigo-500"
                            style={{ width: `${Math.min(100, c.percent)}%` }}
                          />
                        </span>
                      </li>
                    ))}
                </ul>
              </>
            )}
            {items.length > 0 && (
              <>
                <h3 className="mt-3 mb-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
                  By node
                </h3>
                <table className="w-full table-fixed text-xs">
                  <caption className="sr-only">Monthly cost by node</caption>
                  <thead className="sr-only">
                    <tr>
                      <th scope="col">Node</th>
                      <th scope="col" className="w-20">
                        Monthly
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((i) => (
                      <tr key={i.nodeId}>
                        <td className="truncate py-0.5 pr-2">
                          <button
                            type="button"
                            className="max-w-full truncate text-left text-slate-700 hover:underline dark:text-slate-300"
                            title={i.components.map((c) => `${c.name}: ${formatMoney(c.monthly)}`).join('\n')}
                            onClick={() => showNodes([i.nodeId])}
                          >
                            {i.label}
                            {i.usesDefaultUsage ? ' *' : ''}
                          </button>
                        </td>
                        <td className="w-20 py-0.5 text-right text-slate-600 tabular-nums dark:text-slate-300">
                          {formatMoney(i.monthly)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {items.length > TOP_NODES && (
                  <button
                    type="button"
                    onClick={() => setAllNodes(!allNodes)}
                    className="mt-1 text-xs text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {allNodes ? 'Show fewer' : `Show all ${items.length} nodes`}
                  </button>
                )}
              </>
            )}
            <button
              type="button"
              aria-expanded={showAssumptions}
              onClick={() => setShowAssumptions(!showAssumptions)}
              className="mt-3 flex items-center gap-1 text-[11px] font-semibold tracking-wider text-slate-500 uppercase hover:text-slate-700 dark:text-slate-400"
            >
              <ChevronRight
                className={`size-3.5 transition-transform ${showAssumptions ? 'rotate-90' : ''}`}
                aria-hidden="true"
              />
              Assumptions ({cost.assumptions.length})
            </button>
            {showAssumptions && (
              <ul className="mt-1 list-disc space-y-1 pl-4 text-[11px] leading-snug text-slate-600 dark:text-slate-400">
                {cost.assumptions.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            )}
            <p className="mt-2 text-[11px] text-slate-500 dark:text-slate-400">
              {cost.pricing.source}, as of {cost.pricing.asOf}. * uses assumed usage.
            </p>
          </>
        )}
      </div>
    </section>
  );
}
