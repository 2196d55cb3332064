import { CheckCircle2, RotateCcw } from 'lucide-react';
import type { ReviewComment } from '../../share/api';
import type { CommentGroup } from './comment-logic';
import { timeAgo } from './comment-text';

interface Props {
  group: CommentGroup;
  /** Whether this person may resolve/reopen comment `c` (edit token, or its own token here). */
  canResolve: (c: ReviewComment) => boolean;
  onResolve: (c: ReviewComment, resolved: boolean) => void;
  onShow: (group: CommentGroup) => void;
  busy: boolean;
}

/** The comments pinned to one node or edge, each with its author, time and resolve control. */
export function CommentThread({ group, canResolve, onResolve, onShow, busy }: Props) {
  const kind = group.target.type === 'node' ? 'node' : 'edge';
  return (
    <li className="rounded-md border border-slate-200 dark:border-slate-800">
      <button
        type="button"
        onClick={() => onShow(group)}
        disabled={!group.present}
        aria-label={`Show ${kind} ${group.name}`}
        className="flex w-full items-center gap-2 rounded-t-md bg-slate-50 px-2 py-1.5 text-left text-xs font-semibold hover:bg-slate-100 disabled:cursor-default dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        <span className="truncate">{group.name}</span>
        <span className="ml-auto shrink-0 font-normal text-slate-500 dark:text-slate-400">
          {group.present ? kind : `${kind} removed`}
        </span>
      </button>
      <ul
        aria-label={`Comments on ${group.name}`}
        className="divide-y divide-slate-100 dark:divide-slate-800"
      >
        {group.comments.map((c) => (
          <li
            key={c.id}
            aria-label={`Comment by ${c.author}`}
            className="flex flex-col gap-1 px-2 py-2 text-sm"
          >
            <div className="flex items-baseline gap-2 text-xs">
              <span className="font-semibold">{c.author}</span>
              <time dateTime={c.createdAt} title={c.createdAt} className="text-slate-500 dark:text-slate-400">
                {timeAgo(c.createdAt)} · v{c.version}
              </time>
              {c.resolved && (
                <span className="ml-auto rounded bg-emerald-100 px-1.5 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
                  Resolved
                </span>
              )}
            </div>
            <p className="whitespace-pre-wrap break-words">{c.text}</p>
            {canResolve(c) && (
              <button
                type="button"
                disabled={busy}
                onClick={() => onResolve(c, !c.resolved)}
                className="flex items-center gap-1 self-start rounded px-1.5 py-0.5 text-xs text-indigo-700 hover:bg-indigo-50 disabled:opacity-50 dark:text-indigo-300 dark:hover:bg-slate-800"
              >
                {c.resolved ? (
                  <RotateCcw className="size-3.5" aria-hidden="true" />
                ) : (
                  <CheckCircle2 className="size-3.5" aria-hidden="true" />
                )}
                {c.resolved ? 'Reopen' : 'Resolve'}
              </button>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}
