import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Open-comment counts per node, published by the Comments tab whenever it fetches comments and
 * read by each node on the canvas for its badge. A store of its own so that a new comment
 * re-renders only the nodes whose count changed, never the document.
 */
export interface CommentCountState {
  /** The shared design the counts belong to. */
  designId: string | undefined;
  counts: ReadonlyMap<string, number>;
  publish(designId: string | undefined, counts: ReadonlyMap<string, number>): void;
}

const NONE: ReadonlyMap<string, number> = new Map();

export const commentCountStore = createStore<CommentCountState>()((set) => ({
  designId: undefined,
  counts: NONE,
  publish: (designId, counts) => set({ designId, counts }),
}));

/** The open-comment count on node `id` (0 when none). */
export function useOpenComments(id: string): number {
  return useStore(commentCountStore, (s) => s.counts.get(id) ?? 0);
}
