import type { DocumentError } from '@stackdraft/patterns';
import type { StateCreator } from 'zustand';
import { EMPTY_SELECTION, type Selection } from '../document/types';
import type { Spotlight } from '../review/spotlight';
import type { EditorState } from './editor-store';

/** The dialog that is open, if any. */
export type Dialog =
  | { type: 'export' }
  | { type: 'share' }
  | { type: 'commands' }
  | { type: 'shortcuts' }
  | { type: 'file-errors'; fileName: string; errors: readonly DocumentError[] };

export type NoticeTone = 'info' | 'success' | 'error';

/** A short message; `at` (screen coordinates) shows it next to the pointer that caused it. */
export interface Notice {
  readonly id: number;
  readonly tone: NoticeTone;
  readonly text: string;
  readonly at?: { x: number; y: number };
}

export type Theme = 'light' | 'dark';

/** The code view: closed, beside the canvas, or over it at full width. */
export type CodeView = 'closed' | 'side' | 'full';

/** Local autosave, as the toolbar shows it. */
export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; at: number }
  | { status: 'error'; message: string }
  | { status: 'conflict'; message: string };

/**
 * UI state: what is selected, what is being renamed, which dialog is open, messages, the theme.
 * Kept apart from the document so that none of it is ever saved or undone.
 */
export interface UiSlice {
  selection: Selection;
  renamingId: string | null;
  dialog: Dialog | null;
  notices: readonly Notice[];
  theme: Theme;
  bottomOpen: boolean;
  codeView: CodeView;
  saveState: SaveState;
  /**
   * The design is view only (a shared design opened by its view link): editing controls are
   * disabled or hidden, and `commit` refuses changes. One flag, so no control can be forgotten.
   */
  readOnly: boolean;
  /** Review mode: the full-screen presentation without editing chrome. */
  presenting: boolean;
  /** Nodes and edges marked on the canvas (a saved view, a walkthrough hop, a failure). */
  spotlight: Spotlight | null;
  select(selection: Selection): void;
  startRename(id: string | null): void;
  openDialog(dialog: Dialog | null): void;
  notify(tone: NoticeTone, text: string, at?: { x: number; y: number }): void;
  dismissNotice(id: number): void;
  setTheme(theme: Theme): void;
  setBottomOpen(open: boolean): void;
  setCodeView(view: CodeView): void;
  setSaveState(state: SaveState): void;
  setReadOnly(readOnly: boolean): void;
  setPresenting(presenting: boolean): void;
  setSpotlight(spotlight: Spotlight | null): void;
}

let noticeId = 0;
const MAX_NOTICES = 3;

export const createUiSlice: StateCreator<EditorState, [], [], UiSlice> = (set) => ({
  selection: EMPTY_SELECTION,
  renamingId: null,
  dialog: null,
  notices: [],
  theme: 'light',
  bottomOpen: true,
  codeView: 'closed',
  saveState: { status: 'idle' },
  readOnly: false,
  presenting: false,
  spotlight: null,
  select: (selection) => set({ selection }),
  startRename: (renamingId) => set({ renamingId }),
  openDialog: (dialog) => set({ dialog }),
  notify: (tone, text, at) =>
    set((s) => {
      const notice: Notice = at ? { id: ++noticeId, tone, text, at } : { id: ++noticeId, tone, text };
      return { notices: [...s.notices.filter((n) => n.text !== text), notice].slice(-MAX_NOTICES) };
    }),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setTheme: (theme) => set({ theme }),
  setBottomOpen: (bottomOpen) => set({ bottomOpen }),
  setCodeView: (codeView) => set({ codeView }),
  setSaveState: (saveState) => set({ saveState }),
  setReadOnly: (readOnly) => set(readOnly ? { readOnly, renamingId: null } : { readOnly }),
  setPresenting: (presenting) => set(presenting ? { presenting } : { presenting, spotlight: null }),
  setSpotlight: (spotlight) => set({ spotlight }),
});
