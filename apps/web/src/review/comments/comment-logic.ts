import type { ArchitectureDocument } from '@stackdraft/patterns';
import type { ReviewComment } from '../../share/api';

/**
 * Pure logic behind the Comments tab: which comments a filter shows, how they group by the node
 * or edge they are pinned to, and the open-comment count per node that the canvas badges show.
 */

export type CommentFilter = 'open' | 'resolved' | 'all';

/** What a comment is pinned to. */
export interface CommentTarget {
  type: 'node' | 'edge';
  id: string;
}

export function targetOf(c: ReviewComment): CommentTarget {
  return c.nodeId !== undefined ? { type: 'node', id: c.nodeId } : { type: 'edge', id: c.edgeId ?? '' };
}

export function matchesFilter(c: ReviewComment, filter: CommentFilter): boolean {
  return filter === 'all' || (filter === 'open') === !c.resolved;
}

/** Comments on one node or edge, oldest first, with the name to show for it. */
export interface CommentGroup {
  target: CommentTarget;
  /** The node's label or "Source → Target" for an edge; the id when it is no longer in the design. */
  name: string;
  /** False when the node or edge was removed after the comment was written. */
  present: boolean;
  /** The first comments of the threads shown, oldest first. */
  comments: ReviewComment[];
  /** The replies to each of them, oldest first (a thread shows whole, whatever the filter). */
  replies: Map<string, ReviewComment[]>;
}

/** A readable name for a node or edge of `doc` (undefined when it is not there). */
export function targetName(doc: ArchitectureDocument, target: CommentTarget): string | undefined {
  const label = (id: string) => {
    const n = doc.nodes.find((x) => x.id === id);
    return n ? n.label.trim() || n.id : id;
  };
  if (target.type === 'node') return doc.nodes.some((n) => n.id === target.id) ? label(target.id) : undefined;
  const e = doc.edges.find((x) => x.id === target.id);
  if (!e) return undefined;
  const base = `${label(e.source)} → ${label(e.target)}`;
  return e.label?.trim() ? `${base} (${e.label.trim()})` : base;
}

/**
 * Groups the threads that pass `filter` by what they are pinned to. A thread is its first comment
 * with the replies to it; the filter looks at the first comment (resolving it resolves the
 * thread). Groups come in the order of their oldest shown thread, so a new thread goes to the end.
 */
export function groupComments(
  comments: readonly ReviewComment[],
  doc: ArchitectureDocument,
  filter: CommentFilter,
): CommentGroup[] {
  const groups = new Map<string, CommentGroup>();
  const replies = new Map<string, ReviewComment[]>();
  for (const c of comments) {
    if (c.replyTo === undefined) continue;
    const list = replies.get(c.replyTo);
    if (list) list.push(c);
    else replies.set(c.replyTo, [c]);
  }
  for (const c of comments) {
    if (c.replyTo !== undefined || !matchesFilter(c, filter)) continue;
    const target = targetOf(c);
    const key = `${target.type}:${target.id}`;
    let g = groups.get(key);
    if (!g) {
      const name = targetName(doc, target);
      g = { target, name: name ?? target.id, present: name !== undefined, comments: [], replies: new Map() };
      groups.set(key, g);
    }
    g.comments.push(c);
    const answers = replies.get(c.id);
    if (answers) g.replies.set(c.id, answers);
  }
  return [...groups.values()];
}

/** Open threads per node id (replies are part of their thread): what the node badges show. */
export function openCountsByNode(comments: readonly ReviewComment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of comments) {
    if (c.resolved || c.nodeId === undefined || c.replyTo !== undefined) continue;
    counts.set(c.nodeId, (counts.get(c.nodeId) ?? 0) + 1);
  }
  return counts;
}

/** How many comments each filter would show, for the filter buttons. */
export function countByFilter(comments: readonly ReviewComment[]): Record<CommentFilter, number> {
  const threads = comments.filter((c) => c.replyTo === undefined);
  const open = threads.filter((c) => !c.resolved).length;
  return { open, resolved: threads.length - open, all: threads.length };
}
