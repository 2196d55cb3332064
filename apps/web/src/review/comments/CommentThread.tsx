import { CheckCircle2, Reply, RotateCcw } from 'lucide-react';
import { useId, useState } from 'react';
import type { ReviewComment } from '../../share/api';
import type { CommentGroup } from './comment-logic';
import { timeAgo } from './comment-text';

interface Props {
  group: CommentGroup;
  /** Whether this person may resolve/reopen comment `c` (edit token, or its own token here). */
  canResolve: (c: ReviewComment) => boolean;
  onResolve: (c: ReviewComment, resolved: boolean) => void;
  onShow: (group: CommentGroup) => void;
  /** Answers `root` (the first comment of a thread); rejects with a message to show. */
  onReply: (root: ReviewComment, author: string, text: string) => Promise<unknown>;
  /** The name this browser comments under ('' until given). */
  name: string;
  busy: boolean;
}

/** A reply under its thread: author, time, text. */
function ReplyItem({ c }: { c: ReviewComment }) {
  return (
    <li
      aria-label={`Reply by ${c.author}`}
      className="border-l-2 border-slate-200 pl-2 dark:border-slate-700"
    >
      <div className="flex items-baseline gap-2 text-xs">
        <span className="font-semibold">{c.author}</span>
        <time dateTime={c.createdAt} title={c.createdAt} className="text-slate-500 dark:text-slate-400">
          {timeAgo(c.createdAt)} · v{c.version}
        </time>
      </div>
      <p className="whitespace-pre-wrap break-words">{c.text}</p>
    </li>
  );
}

/** The answer box under a thread: the person's name (once) and the text. */
function ReplyForm({
  root,
  name,
  onReply,
  onDone,
}: {
  root: ReviewComment;
  name: string;
  onReply: Props['onReply'];
  onDone: () => void;
}) {
  const [author, setAuthor] = useState(name);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const ids = useId();
  const ready = author.trim() !== '' && text.trim() !== '' && !sending;
  return (
    <form
      aria-label={`Reply to ${root.author}`}
      className="flex flex-col gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        setSending(true);
        onReply(root, author.trim(), text.trim()).then(
          () => onDone(),
          (err: unknown) => {
            setSending(false);
            setError(err instanceof Error ? err.message : String(err));
          },
        );
      }}
    >
      {name === '' && (
        <>
          <label htmlFor={`${ids}-name`} className="text-xs font-medium">
            Your name
          </label>
          <input
            id={`${ids}-name`}
            value={author}
            maxLength={100}
            onChange={(e) => setAuthor(e.target.value)}
            className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </>
      )}
      <label htmlFor={`${ids}-text`} className="sr-only">
        Reply
      </label>
      <textarea
        id={`${ids}-text`}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to reply.
        autoFocus
        rows={2}
        maxLength={5000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={!ready}
          className="rounded-md bg-indigo-600 px-2 py-1 text-xs font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          Send reply
        </button>
        <button
          type="button"
          onClick={onDone}
          className="rounded-md px-2 py-1 text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * The threads pinned to one node or edge: each first comment with its author, time, replies, a
 * Reply box and the resolve control (resolving the first comment resolves the thread).
 */
export function CommentThread({ group, canResolve, onResolve, onShow, onReply, name, busy }: Props) {
  const [replying, setReplying] = useState<string | null>(null);
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
            {(group.replies.get(c.id)?.length ?? 0) > 0 && (
              <ul aria-label={`Replies to ${c.author}`} className="mt-1 flex flex-col gap-1.5">
                {group.replies.get(c.id)?.map((r) => (
                  <ReplyItem key={r.id} c={r} />
                ))}
              </ul>
            )}
            {replying === c.id ? (
              <ReplyForm root={c} name={name} onReply={onReply} onDone={() => setReplying(null)} />
            ) : (
              <button
                type="button"
                onClick={() => setReplying(c.id)}
                className="flex items-center gap-1 self-start rounded px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              >
                <Reply className="size-3.5" aria-hidden="true" /> Reply
              </button>
            )}
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
