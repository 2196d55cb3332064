import type { View } from '@stackdraft/patterns';
import { ChevronLeft, ChevronRight, FileDown, Printer, X } from 'lucide-react';
import { useEffect } from 'react';
import { useAnalysis } from '../analysis/analysis-store';
import { type EditorState, useEditor } from '../store/editor-store';
import { formatMonthly } from '../ui/format';
import { exitPresentation, showView } from './presentation';
import { ReviewPrint } from './ReviewPrint';
import { ReviewTabs } from './ReviewTabs';
import { downloadReviewMarkdown, printReview } from './report';
import { type ReviewState, reviewStore, useReview } from './review-store';
import { SpotlightStyle } from './SpotlightStyle';
import { ViewsPanel } from './ViewsPanel';

const selectName = (s: EditorState) => s.doc.name;
const selectViews = (s: EditorState) => s.doc.views;
const selectOverall = (s: { score: { overall: number } | null }) => s.score?.overall;
const selectTotal = (s: { cost: { monthlyTotal: number } | null }) => s.cost?.monthlyTotal;
const NO_VIEWS: readonly View[] = [];

function isField(el: EventTarget | null): boolean {
  return (
    el instanceof HTMLElement &&
    (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
  );
}

const selectSlide = (s: ReviewState) => s.slide;

/** Shows view `i` of `views` (ignored when out of range). */
function goTo(views: readonly View[], i: number): void {
  const view = views[i];
  if (!view) return;
  reviewStore.getState().setSlide(i);
  showView(view);
}

/** The saved view on screen, and the keys that step through the views like slides. */
function useSlides(views: readonly View[]) {
  const index = useReview(selectSlide);
  // A view deleted from the panel keeps the position sensible.
  useEffect(() => {
    if (index !== null && index >= views.length)
      reviewStore.getState().setSlide(views.length > 0 ? views.length - 1 : null);
  }, [index, views.length]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isField(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (document.querySelector('[role="dialog"]')) return;
      const last = views.length - 1;
      const at = index ?? -1;
      let next: number;
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || (e.key === ' ' && !e.shiftKey))
        next = Math.min(at + 1, last);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp' || (e.key === ' ' && e.shiftKey))
        next = Math.max(at - 1, 0);
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = last;
      else if (e.key === 'Escape') {
        e.preventDefault();
        exitPresentation();
        return;
      } else return;
      e.preventDefault();
      if (next >= 0 && next !== index) goTo(views, next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [views, index]);
  return { index, go: (i: number) => goTo(views, i) };
}

/** The bar across the top of Review (in place of the toolbar): the design, its score and cost, the slide stepper, Exit. */
export function ReviewHeader() {
  const name = useEditor(selectName);
  const views = useEditor(selectViews) ?? NO_VIEWS;
  const overall = useAnalysis(selectOverall);
  const total = useAnalysis(selectTotal);
  const { index, go } = useSlides(views);
  const current = index === null ? undefined : views[index];
  return (
    <>
      <SpotlightStyle />
      <ReviewPrint />
      <header className="flex h-14 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-5 dark:border-slate-800 dark:bg-slate-950">
        <h1 className="min-w-0 truncate text-xl font-semibold tracking-tight">{name}</h1>
        <div className="flex items-center gap-3 text-base tabular-nums">
          {overall !== undefined && (
            <span className="rounded-md bg-slate-100 px-2.5 py-1 font-semibold dark:bg-slate-800">
              Score {Math.round(overall)}
              <span className="font-normal text-slate-500 dark:text-slate-400"> / 100</span>
            </span>
          )}
          {total !== undefined && (
            <span className="rounded-md bg-slate-100 px-2.5 py-1 font-semibold dark:bg-slate-800">
              {formatMonthly(total)}
            </span>
          )}
        </div>
        <nav aria-label="Saved views" className="ml-auto flex items-center gap-2">
          <button
            type="button"
            aria-label="Previous view"
            disabled={views.length === 0 || (index ?? 0) <= 0}
            onClick={() => go((index ?? 0) - 1)}
            className="grid size-9 place-items-center rounded-md hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800"
          >
            <ChevronLeft className="size-5" aria-hidden="true" />
          </button>
          <span aria-live="polite" className="min-w-40 text-center text-base">
            {views.length === 0
              ? 'No saved views'
              : current
                ? `${(index ?? 0) + 1} / ${views.length} · ${current.name}`
                : `${views.length} view${views.length === 1 ? '' : 's'} · press →`}
          </span>
          <button
            type="button"
            aria-label="Next view"
            disabled={views.length === 0 || (index ?? -1) >= views.length - 1}
            onClick={() => go((index ?? -1) + 1)}
            className="grid size-9 place-items-center rounded-md hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800"
          >
            <ChevronRight className="size-5" aria-hidden="true" />
          </button>
        </nav>
        <button
          type="button"
          onClick={() => void downloadReviewMarkdown()}
          className="flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <FileDown className="size-4" aria-hidden="true" /> Review .md
        </button>
        <button
          type="button"
          onClick={printReview}
          className="flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <Printer className="size-4" aria-hidden="true" /> Print review
        </button>
        <button
          type="button"
          onClick={exitPresentation}
          className="flex items-center gap-1.5 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          <X className="size-4" aria-hidden="true" /> Exit review
        </button>
      </header>
    </>
  );
}

/** The panel beside the canvas in Review (in place of the inspector): one tab at a time. */
export function ReviewSidebar() {
  const views = useEditor(selectViews) ?? NO_VIEWS;
  const index = useReview(selectSlide);
  return <ReviewTabs views={<ViewsPanel current={index} onShow={(i) => goTo(views, i)} />} />;
}
