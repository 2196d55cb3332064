import { enterPresentation } from '../presentation';

/**
 * "Comment" on a node or edge (its context menu, or the command palette): enters Review with the
 * Comments tab asked for; the new-comment form pins to the selection, which is that element.
 */
let requested = false;

export function openCommentsOnSelection(): void {
  requested = true;
  enterPresentation();
}

/**
 * Whether Review was entered to comment: ReviewTabs reads it for its first tab (a pure read, so a
 * StrictMode double render sees the same answer) and clears it once mounted.
 */
export function commentsRequested(): boolean {
  return requested;
}

/** Forgets the request, so the next Review opens on its usual first tab. */
export function clearCommentsRequest(): void {
  requested = false;
}
