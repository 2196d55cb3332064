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
  comments: ReviewComment[];
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
 * Groups the comments that pass `filter` by what they are pinned to. Groups come in the order of
 * their oldest shown comment, so a new thread goes to the end and a reply-less list reads like a
 * conversation per element (the API has no replies: each comment stands on its own).
 */
export function groupComments(
  comments: readonly ReviewComment[],
  doc: ArchitectureDocument,
  filter: CommentFilter,
): CommentGroup[] {
  const groups = new Map<string, CommentGroup>();
  for (const c of comments) {
    if (!matchesFilter(c, filter)) continue;
    const target = targetOf(c);
    const key = `${target.type}:${target.id}`;
    let g = groups.get(key);
    if (!g) {
      const name = targetName(doc, target);
      g = { target, name: name ?? target.id, present: name !== undefined, comments: [] };
      groups.set(key, g);
    }
    g.comments.push(c);
  }
  return [...groups.values()];
}

/** Open comments per node id: what the badge on each commented node shows. */
export function openCountsByNode(comments: readonly ReviewComment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of comments) {
    if (c.resolved || c.nodeId === undefined) continue;
    counts.set(c.nodeId, (counts.get(c.nodeId) ?? 0) + 1);
  }
  return counts;
}

/** How many comments each filter would show, for the filter buttons. */
export function countByFilter(comments: readonly ReviewComment[]): Record<CommentFilter, number> {
  const open = comments.filter((c) => !c.resolved).length;
  return { open, resolved: comments.length - open, all: comments.length };
}
