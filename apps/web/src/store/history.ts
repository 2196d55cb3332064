import type { ArchitectureDocument } from '@stackdraft/patterns';
import type { Selection } from '../document/types';

/** One undoable step: the document and selection as they were before it, and what it was. */
export interface HistoryEntry {
  readonly doc: ArchitectureDocument;
  readonly selection: Selection;
  readonly label: string;
}

/** Steps kept for undo; documents share unchanged nodes, so each step costs little memory. */
export const HISTORY_LIMIT = 200;

export interface History {
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
}

export const EMPTY_HISTORY: History = { past: [], future: [] };

/** Records `entry` (the state before a change); a new change clears what could be redone. */
export function record(h: History, entry: HistoryEntry): History {
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(h.past.length - HISTORY_LIMIT + 1) : h.past;
  return { past: [...past, entry], future: [] };
}

/** Steps back: returns the entry to restore and the history with `current` on the redo side. */
export function stepBack(
  h: History,
  current: HistoryEntry,
): { restore: HistoryEntry; history: History } | undefined {
  const restore = h.past[h.past.length - 1];
  if (!restore) return undefined;
  return {
    restore,
    history: { past: h.past.slice(0, -1), future: [...h.future, { ...current, label: restore.label }] },
  };
}

/** Steps forward again after an undo. */
export function stepForward(
  h: History,
  current: HistoryEntry,
): { restore: HistoryEntry; history: History } | undefined {
  const restore = h.future[h.future.length - 1];
  if (!restore) return undefined;
  return {
    restore,
    history: { past: [...h.past, { ...current, label: restore.label }], future: h.future.slice(0, -1) },
  };
}
