import { CircleCheck, Info, OctagonX, X } from 'lucide-react';
import { useEffect } from 'react';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import type { Notice } from '../store/ui-slice';

const selectNotices = (s: EditorState) => s.notices;
const ICON = { info: Info, success: CircleCheck, error: OctagonX } as const;
const TONE = {
  info: 'text-sky-600',
  success: 'text-emerald-600',
  error: 'text-red-600',
} as const;

/**
 * Short messages. One caused by a pointer gesture (a refused connection) appears next to the
 * pointer; the others at the bottom of the canvas. Each goes away by itself after a while.
 */
export function Notices() {
  const notices = useEditor(selectNotices);
  return (
    <div aria-live="polite" className="pointer-events-none fixed inset-0 z-40">
      {notices.map((n) => (
        <NoticeCard key={n.id} notice={n} />
      ))}
    </div>
  );
}

function NoticeCard({ notice: n }: { notice: Notice }) {
  useEffect(() => {
    const t = setTimeout(() => editorStore.getState().dismissNotice(n.id), n.tone === 'error' ? 7000 : 4000);
    return () => clearTimeout(t);
  }, [n.id, n.tone]);
  const Icon = ICON[n.tone];
  const at = n.at
    ? {
        left: Math.min(n.at.x + 12, window.innerWidth - 340),
        top: Math.min(n.at.y + 12, window.innerHeight - 100),
      }
    : undefined;
  return (
    <div
      role={n.tone === 'error' ? 'alert' : 'status'}
      style={at}
      className={`pointer-events-auto absolute flex max-w-sm items-start gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${
        at ? '' : 'bottom-72 left-1/2 -translate-x-1/2'
      }`}
    >
      <Icon className={`mt-0.5 size-4 shrink-0 ${TONE[n.tone]}`} aria-hidden="true" />
      <span className="leading-snug">{n.text}</span>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => editorStore.getState().dismissNotice(n.id)}
        className="-mr-1 grid size-5 shrink-0 place-items-center rounded text-slate-500 hover:text-slate-700 dark:text-slate-400"
      >
        <X className="size-3.5" aria-hidden="true" />
      </button>
    </div>
  );
}
