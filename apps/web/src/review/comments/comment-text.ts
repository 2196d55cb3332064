import { ShareError } from '../../share/api';

/** What a person is told when a comment action fails, in the words of that action. */
export function commentErrorText(err: unknown, action: 'load' | 'add' | 'resolve'): string {
  if (!(err instanceof ShareError)) return err instanceof Error ? err.message : 'Something went wrong.';
  if (err.kind === 'forbidden')
    return action === 'resolve'
      ? 'Only the comment’s author or someone with the edit link can resolve or reopen it.'
      : 'This link does not open this design: it is wrong, or the owner replaced it.';
  if (err.kind === 'refused' && err.details.code === 'unknown-target')
    return 'That node or edge is not in the saved version yet: wait for the design to save, then comment.';
  return err.message;
}

/** "3 min ago", "2 h ago", or the date: when a comment was written, at a glance. */
export function timeAgo(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(at).toLocaleDateString();
}
