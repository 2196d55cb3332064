import { useEffect, useId, useState } from 'react';
import { CommentsPanel } from './comments/CommentsPanel';
import { clearCommentsRequest, commentsRequested } from './comments/open-comments';
import { FailurePanel } from './FailurePanel';
import { HistoryPanel } from './history/HistoryPanel';
import { WalkthroughPanel } from './WalkthroughPanel';

const TABS = ['Views', 'Walkthrough', 'What if', 'Comments', 'History'] as const;
type Tab = (typeof TABS)[number];

/** Review's side panel: saved views, flow walkthrough, what-if failure, comments, history. */
export function ReviewTabs({ views }: { views: React.ReactNode }) {
  // "Comment" on a node or edge opens Review on this tab, pinned to it.
  const [tab, setTab] = useState<Tab>(() => (commentsRequested() ? 'Comments' : 'Views'));
  useEffect(() => clearCommentsRequest(), []);
  const base = useId();
  const panel = (t: Tab) => {
    switch (t) {
      case 'Views':
        return views;
      case 'Walkthrough':
        return <WalkthroughPanel />;
      case 'What if':
        return <FailurePanel />;
      case 'Comments':
        return <CommentsPanel />;
      case 'History':
        return <HistoryPanel />;
    }
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    let next = at;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') next = (at + 1) % TABS.length;
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') next = (at - 1 + TABS.length) % TABS.length;
    else return;
    // Arrows inside the tab list choose tabs; they must not also step the slides.
    e.preventDefault();
    e.stopPropagation();
    const t = TABS[next] ?? 'Views';
    setTab(t);
    document.getElementById(`${base}-tab-${next}`)?.focus();
  };
  return (
    <aside
      aria-label="Review panel"
      className="flex min-h-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
    >
      <div
        role="tablist"
        aria-label="Review tools"
        tabIndex={-1}
        onKeyDown={onKeyDown}
        className="flex shrink-0 flex-wrap gap-1 border-b border-slate-200 px-2 pt-2 dark:border-slate-800"
      >
        {TABS.map((t, i) => (
          <button
            key={t}
            id={`${base}-tab-${i}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={`${base}-panel`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            className={`rounded-t-md px-2.5 py-1.5 text-sm ${
              tab === t
                ? 'border-b-2 border-indigo-600 font-semibold text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                : 'text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
            }`}
          >
            {t}
          </button>
        ))}
      </div>
      <div id={`${base}-panel`} role="tabpanel" aria-label={tab} className="min-h-0 flex-1 overflow-y-auto">
        {panel(tab)}
      </div>
    </aside>
  );
}
