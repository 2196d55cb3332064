import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Where the design in this tab lives: only in this browser, or behind a share link. */
export type ShareMode = 'editor' | 'view' | 'edit';

/** Saving to the share link, as the toolbar shows it. */
export type SyncStatus =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'saving' }
  | { status: 'saved'; version: number; at: number }
  /** Not saved yet: kept in this browser, retried at `retryAt`. */
  | { status: 'offline'; message: string; retryAt: number }
  /** Someone else saved `currentVersion`: nothing is saved until the person chooses. */
  | { status: 'conflict'; currentVersion: number | undefined }
  /** Saving cannot continue (link gone, token replaced, design refused); the local copy stays. */
  | { status: 'error'; message: string };

export interface ShareState {
  mode: ShareMode;
  /** The shared design's id (view and edit modes). */
  id: string | undefined;
  /** The server version this tab's design builds on. */
  version: number | undefined;
  viewEnabled: boolean | undefined;
  sync: SyncStatus;
  /** Why this link cannot be used as asked (bad link, replaced edit token, gone). */
  problem: string | undefined;
}

/** A fresh share state store (the app has one; tests make their own). */
export function createShareStore() {
  return createStore<ShareState>()(() => ({
    mode: 'editor',
    id: undefined,
    version: undefined,
    viewEnabled: undefined,
    sync: { status: 'idle' },
    problem: undefined,
  }));
}

/** Share-link state of this tab, apart from the editor store: none of it is saved or undone. */
export const shareStore = createShareStore();

export function useShare<T>(selector: (s: ShareState) => T): T {
  return useStore(shareStore, selector);
}
