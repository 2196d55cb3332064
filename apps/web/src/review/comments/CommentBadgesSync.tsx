import { useEffect } from 'react';
import { type ShareState, useShare } from '../../share/share-store';
import { openCountsByNode } from './comment-logic';
import { useComments } from './comment-queries';
import { commentCountStore } from './comment-store';

const selectId = (s: ShareState) => (s.mode === 'editor' ? undefined : s.id);

function Sync({ id }: { id: string }) {
  // The same query as the Comments tab (one cache entry), refreshed every 15 s and on focus.
  const { data } = useComments(id);
  useEffect(() => {
    if (data) commentCountStore.getState().publish(id, openCountsByNode(data));
  }, [id, data]);
  return null;
}

/**
 * Keeps the open-comment badges of a shared design's nodes current from the moment it opens,
 * whether or not Review's Comments tab has been visited. Renders nothing; a local design has no
 * comments and asks nothing.
 */
export function CommentBadgesSync() {
  const id = useShare(selectId);
  useEffect(() => {
    if (!id) commentCountStore.getState().publish(undefined, new Map());
  }, [id]);
  return id ? <Sync key={id} id={id} /> : null;
}
