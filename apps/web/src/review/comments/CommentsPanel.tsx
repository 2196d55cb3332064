import { Share2 } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import type { ReviewComment } from '../../share/api';
import { useShare } from '../../share/share-store';
import { type EditorState, editorStore, useEditor } from '../../store/editor-store';
import { focusOn } from '../spotlight';
import { CommentThread } from './CommentThread';
import { type CommentFilter, type CommentGroup, countByFilter, groupComments } from './comment-logic';
import { resolveTokenFor, useAddComment, useComments, useSetResolved } from './comment-queries';
import { commentErrorText } from './comment-text';
import { commentIdentity } from './local-identity';
import { NewCommentForm } from './NewCommentForm';

const selectDoc = (s: EditorState) => s.doc;
const FILTERS: readonly { value: CommentFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
];

/** Review's Comments tab: comments pinned to nodes and edges of a shared design. */
export function CommentsPanel() {
  const mode = useShare((s) => s.mode);
  const id = useShare((s) => s.id);
  if (mode === 'editor' || !id) return <NotShared />;
  return <SharedComments id={id} />;
}

function NotShared() {
  return (
    <section aria-labelledby="comments-heading" className="flex flex-col gap-3 p-3">
      <h2 id="comments-heading" className="text-sm font-semibold">
        Comments
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Share the design to collect comments: anyone with its view link can comment.
      </p>
      <button
        type="button"
        onClick={() => editorStore.getState().openDialog({ type: 'share' })}
        className="flex items-center gap-1.5 self-start rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        <Share2 className="size-4" aria-hidden="true" />
        Share
      </button>
    </section>
  );
}

/** Selects the node or edge a thread is pinned to and marks it on the canvas. */
function showTarget(group: CommentGroup): void {
  const s = editorStore.getState();
  const { type, id } = group.target;
  s.select(type === 'node' ? { nodes: [id], edges: [] } : { nodes: [], edges: [id] });
  s.setSpotlight(type === 'node' ? focusOn([id]) : focusOn([], [id]));
}

function SharedComments({ id }: { id: string }) {
  const doc = useEditor(selectDoc);
  const [filter, setFilter] = useState<CommentFilter>('open');
  const comments = useComments(id);
  const add = useAddComment(id);
  const resolve = useSetResolved(id);
  const list = comments.data;
  const groups = useMemo(() => groupComments(list ?? [], doc, filter), [list, doc, filter]);
  const counts = useMemo(() => countByFilter(list ?? []), [list]);

  // The canvas badges follow the same query from CommentBadgesSync, open or not.
  useEffect(() => () => editorStore.getState().setSpotlight(null), []);

  const canResolve = (c: ReviewComment) => resolveTokenFor(id, c) !== undefined;
  return (
    <section aria-labelledby="comments-heading" className="flex flex-col">
      <h2 id="comments-heading" className="px-3 pt-3 text-sm font-semibold">
        Comments
      </h2>
      <NewCommentForm
        busy={add.isPending}
        error={add.error ? commentErrorText(add.error, 'add') : undefined}
        onSubmit={(c) => add.mutateAsync(c)}
      />
      <fieldset className="flex gap-1 px-3 pt-3">
        <legend className="sr-only">Show comments</legend>
        {FILTERS.map((f) => (
          <button
            key={f.value}
            type="button"
            aria-pressed={filter === f.value}
            onClick={() => setFilter(f.value)}
            className={`rounded-md px-2 py-1 text-xs ${
              filter === f.value
                ? 'bg-indigo-100 font-semibold text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200'
                : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
            }`}
          >
            {f.label} ({counts[f.value]})
          </button>
        ))}
      </fieldset>
      {comments.isError && (
        <p role="alert" className="px-3 pt-2 text-xs text-red-700 dark:text-red-300">
          Could not load comments: {commentErrorText(comments.error, 'load')}
        </p>
      )}
      {resolve.error && (
        <p role="alert" className="px-3 pt-2 text-xs text-red-700 dark:text-red-300">
          {commentErrorText(resolve.error, 'resolve')}
        </p>
      )}
      {comments.isPending ? (
        <p className="p-3 text-sm text-slate-500">Loading comments…</p>
      ) : groups.length === 0 ? (
        <p className="p-3 text-sm text-slate-500 dark:text-slate-400">
          {filter === 'resolved' ? 'No resolved comments.' : 'No open comments.'}
        </p>
      ) : (
        <ul aria-label="Comment threads" className="flex flex-col gap-2 p-3">
          {groups.map((g) => (
            <CommentThread
              key={`${g.target.type}:${g.target.id}`}
              group={g}
              canResolve={canResolve}
              busy={resolve.isPending}
              onShow={showTarget}
              onResolve={(comment, resolved) => resolve.mutate({ comment, resolved })}
              name={commentIdentity.name()}
              onReply={async (root, author, text) => {
                try {
                  await add.mutateAsync({ replyTo: root.id, author, text });
                  commentIdentity.setName(author);
                } catch (err) {
                  throw new Error(commentErrorText(err, 'add'));
                }
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
