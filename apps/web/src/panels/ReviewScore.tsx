import type { ReviewScore as Score } from '@stackdraft/patterns';
import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { useAnalysis } from '../analysis/analysis-store';
import { PanelHeading } from './PanelHeading';

const selectScore = (s: { score: Score | null }) => s.score;

function tone(score: number): { bar: string; text: string } {
  if (score >= 85) return { bar: 'bg-emerald-500', text: 'text-emerald-700 dark:text-emerald-400' };
  if (score >= 60) return { bar: 'bg-amber-500', text: 'text-amber-700 dark:text-amber-400' };
  return { bar: 'bg-red-500', text: 'text-red-700 dark:text-red-400' };
}

/** Review score: the six Well-Architected pillars, 0-100 each, explained by their findings. */
export function ReviewScore() {
  const score = useAnalysis(selectScore);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section
      id="review-score"
      tabIndex={-1}
      aria-labelledby="review-heading"
      className="flex min-h-0 min-w-0 flex-col focus:outline-none"
    >
      <PanelHeading id="review-heading" title="Review score">
        {score && (
          <span className={`text-sm font-semibold tabular-nums ${tone(score.overall).text}`}>
            {Math.round(score.overall)}
            <span className="text-xs font-normal text-slate-500 dark:text-slate-400"> / 100</span>
          </span>
        )}
      </PanelHeading>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-2">
        {!score ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">Reviewing…</p>
        ) : (
          <>
            {score.cappedByErrors && (
              <p className="mb-2 text-[11px] text-red-600 dark:text-red-400">
                Capped while an error is open.
              </p>
            )}
            <ul className="grid gap-1.5">
              {score.pillars.map((p) => {
                const t = tone(p.score);
                const expanded = open === p.pillar;
                return (
                  <li key={p.pillar}>
                    <button
                      type="button"
                      aria-expanded={expanded}
                      disabled={p.deductions.length === 0}
                      onClick={() => setOpen(expanded ? null : p.pillar)}
                      className="grid w-full grid-cols-[auto_1fr_auto] items-center gap-x-1.5 text-left text-xs disabled:cursor-default"
                    >
                      <ChevronRight
                        className={`size-3 text-slate-400 transition-transform ${expanded ? 'rotate-90' : ''} ${p.deductions.length === 0 ? 'invisible' : ''}`}
                        aria-hidden="true"
                      />
                      <span className="truncate text-slate-700 dark:text-slate-300">{p.label}</span>
                      <span className={`font-semibold tabular-nums ${t.text}`}>{Math.round(p.score)}</span>
                      <span className="col-start-2 col-end-4 mt-0.5 h-1.5 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800">
                        <span
                          className={`block h-full rounded-full ${t.bar}`}
                          style={{ width: `${p.score}%` }}
                        />
                      </span>
                    </button>
                    {expanded && (
                      <ul className="mt-1 mb-1 ml-4 grid gap-1 text-[11px] leading-snug text-slate-600 dark:text-slate-400">
                        {p.deductions.map((d) => (
                          <li key={`${d.key}`}>
                            <span className="font-medium tabular-nums">
                              −{Math.round(d.points * 10) / 10}
                            </span>{' '}
                            {d.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
