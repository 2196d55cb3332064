import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewComment, ReviewComment } from '../../share/api';
import { shareApi } from '../../share/query';
import { links } from '../../share/session';
import { commentIdentity } from './local-identity';

/** The query key of a design's comments (never with a token in it: keys show in dev tools). */
export const commentsKey = (id: string) => ['diagram', id, 'comments'] as const;

/** How often an open Comments tab looks for other people's comments. */
export const COMMENTS_REFRESH_MS = 15_000;

/** The edit token this browser holds for design `id`, if any. */
export const editTokenOf = (id: string): string | undefined => links.get(id)?.editToken;

/** A design's comments, refetched on focus and every 15 s while the tab is open. */
export function useComments(id: string) {
  return useQuery({
    queryKey: commentsKey(id),
    queryFn: ({ signal }) => shareApi.listComments(id, editTokenOf(id), signal),
    refetchInterval: COMMENTS_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** Writes a comment and remembers its own token, so its author can resolve it later. */
export function useAddComment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: NewComment) => shareApi.addComment(id, c, editTokenOf(id)),
    onSuccess: (r) => {
      commentIdentity.setToken(r.comment.id, r.commentToken);
      client.setQueryData<ReviewComment[]>(commentsKey(id), (old) => [...(old ?? []), r.comment]);
    },
  });
}

/**
 * The token that may resolve comment `c`: the edit token (resolves any), else the comment's own
 * token when this browser wrote it. Undefined: this person cannot resolve it.
 */
export function resolveTokenFor(id: string, c: ReviewComment): string | undefined {
  return editTokenOf(id) ?? commentIdentity.tokenFor(c.id);
}

/** Resolves or reopens a comment and puts the answer in the cached list. */
export function useSetResolved(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ comment, resolved }: { comment: ReviewComment; resolved: boolean }) => {
      const token = resolveTokenFor(id, comment);
      if (!token) throw new Error('Only the comment’s author or someone with the edit link can do that.');
      return shareApi.setCommentResolved(id, comment.id, token, resolved);
    },
    onSuccess: (updated) => {
      client.setQueryData<ReviewComment[]>(commentsKey(id), (old) =>
        (old ?? []).map((c) => (c.id === updated.id ? updated : c)),
      );
    },
  });
}
