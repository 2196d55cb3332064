import { MessageSquare } from 'lucide-react';
import { useOpenComments } from './comment-store';

/** The open-comment count on a node's card (nothing when there are none). */
export function CommentBadge({ id }: { id: string }) {
  const open = useOpenComments(id);
  if (open === 0) return null;
  const text = `${open} open comment${open === 1 ? '' : 's'}`;
  return (
    <span
      role="img"
      aria-label={text}
      title={text}
      className="absolute -top-2 -right-2 flex h-4 min-w-4 items-center gap-0.5 rounded-full bg-indigo-600 px-1 text-[10px] leading-none font-semibold text-white shadow-sm"
    >
      <MessageSquare className="size-2.5" aria-hidden="true" />
      {open}
    </span>
  );
}
