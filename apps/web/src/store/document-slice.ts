import {
  type ArchitectureDocument,
  checkIntegrity,
  describeError,
  emptyDocument,
} from '@stackdraft/patterns';
import type { StateCreator } from 'zustand';
import type { Size, XY } from '../document/geometry';
import { EMPTY_SELECTION, type Selection, type TransformResult } from '../document/types';
import type { EditorState } from './editor-store';
import { EMPTY_HISTORY, type History, record, stepBack, stepForward } from './history';

/**
 * What the canvas shows while a gesture is in progress (a drag, a resize, an animated layout):
 * positions and sizes that override the document's until the gesture ends and is committed as
 * one step. Nothing else (validation, cost, autosave) sees them.
 */
export interface Transient {
  readonly positions: ReadonlyMap<string, XY>;
  readonly sizes: ReadonlyMap<string, Size>;
}

export interface DocumentSlice {
  /** The design: the single source of truth for everything drawn, checked, costed and saved. */
  doc: ArchitectureDocument;
  history: History;
  /** Increments whenever `doc` changes (edits, undo, loading): autosave watches it. */
  changeCount: number;
  transient: Transient | null;
  /**
   * Applies a transform's result as one undoable step named `label`. A refused transform, or one
   * that would leave the design invalid, changes nothing and shows its reason. Returns whether the
   * document changed.
   */
  commit(label: string, result: TransformResult): boolean;
  undo(): void;
  redo(): void;
  /** Replaces the whole design (open a file, restore, another tab's save): history starts afresh. */
  replaceDocument(doc: ArchitectureDocument, selection?: Selection): void;
  setTransient(transient: Transient | null): void;
}

export const createDocumentSlice: StateCreator<EditorState, [], [], DocumentSlice> = (set, get) => ({
  doc: emptyDocument(),
  history: EMPTY_HISTORY,
  changeCount: 0,
  transient: null,
  commit(label, result) {
    const s = get();
    // The one gate behind every editing control: a view-only design never changes.
    if (s.readOnly) {
      s.notify('info', 'This design is view only: use "Make a copy" to edit your own copy.');
      return false;
    }
    if (!result.ok) {
      s.notify('error', result.reason);
      return false;
    }
    if (result.doc === s.doc) {
      if (result.select) s.select(result.select);
      return false;
    }
    // The guard that keeps every saved design loadable: a transform bug shows, it is not saved.
    const [problem] = checkIntegrity(result.doc);
    if (problem) {
      s.notify('error', `That change would make the design invalid: ${describeError(problem)}`);
      return false;
    }
    set({
      doc: result.doc,
      history: record(s.history, { doc: s.doc, selection: s.selection, label }),
      changeCount: s.changeCount + 1,
      transient: null,
      selection: result.select ?? pruneSelection(s.selection, result.doc),
    });
    return true;
  },
  undo() {
    step(get, set, stepBack);
  },
  redo() {
    step(get, set, stepForward);
  },
  replaceDocument(doc, selection = EMPTY_SELECTION) {
    set((s) => ({
      doc,
      history: EMPTY_HISTORY,
      changeCount: s.changeCount + 1,
      transient: null,
      selection,
      renamingId: null,
    }));
  },
  setTransient: (transient) => set({ transient }),
});

/** Undo or redo: moves one step through the history (`move`), never in a view-only design. */
function step(
  get: () => EditorState,
  set: (partial: Partial<EditorState>) => void,
  move: typeof stepBack,
): void {
  const s = get();
  if (s.readOnly) return;
  const r = move(s.history, { doc: s.doc, selection: s.selection, label: '' });
  if (!r) return;
  set({
    doc: r.restore.doc,
    selection: pruneSelection(r.restore.selection, r.restore.doc),
    history: r.history,
    changeCount: s.changeCount + 1,
    transient: null,
    renamingId: null,
  });
}

/** Drops ids from a selection that the document no longer has. */
function pruneSelection(sel: Selection, doc: ArchitectureDocument): Selection {
  if (sel.nodes.length === 0 && sel.edges.length === 0) return sel;
  const nodes = new Set(doc.nodes.map((n) => n.id));
  const edges = new Set(doc.edges.map((e) => e.id));
  const n = sel.nodes.filter((id) => nodes.has(id));
  const e = sel.edges.filter((id) => edges.has(id));
  return n.length === sel.nodes.length && e.length === sel.edges.length ? sel : { nodes: n, edges: e };
}
