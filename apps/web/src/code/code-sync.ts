import type { ArchitectureDocument, DocumentError } from '@stackdraft/patterns';
import type { StoreApi } from 'zustand';
import type { AnalysisState } from '../analysis/analysis-store';
import type { EditorState } from '../store/editor-store';
import type { CodeText } from './code-client';
import { type CodeMarker, errorMarkers, findingMarkers } from './markers';
import { shareUnchanged } from './share-unchanged';
import { minimalEdit, type TextEdit } from './text-sync';

/** The code editor as the sync sees it (Monaco in the app, a string in tests). */
export interface SyncTarget {
  getText(): string;
  /** Applies a canvas change as an edit of that range only, keeping cursors and selections. */
  applyEdit(edit: TextEdit): void;
  setMarkers(markers: readonly CodeMarker[]): void;
}

/** What the code view tells the person about the text and the canvas. */
export interface SyncStatus {
  /**
   * `loading`: writing the design out; `synced`: text and canvas agree; `pending`: typed, applies
   * after a pause; `invalid`: the text has errors and the canvas keeps the last valid design.
   */
  readonly state: 'loading' | 'synced' | 'pending' | 'invalid';
  readonly errors: readonly DocumentError[];
  /** The canvas changed while the text had edits not yet applied: those canvas changes wait. */
  readonly canvasWaiting: boolean;
}

export interface CodeSyncOptions {
  store: StoreApi<EditorState>;
  analysis: StoreApi<AnalysisState>;
  text: CodeText;
  onStatus(status: SyncStatus): void;
  /** Quiet time after the last keystroke before the text is applied. */
  debounceMs?: number;
  /** Quiet time after a canvas change before the text is rewritten (drags commit once anyway). */
  canvasDelayMs?: number;
}

/**
 * Keeps the code view and the design in step, both ways.
 *
 * Text to design: after `debounceMs` without typing the text is parsed (in the code worker); a
 * valid text is committed as one undo step, an invalid one leaves the design as it was and shows
 * the errors as markers.
 *
 * Design to text: a canvas change is serialized (in the worker, as it takes ~0.8 s at 10k nodes)
 * and applied as the smallest edit, so cursors and selections stay. But text the person has typed
 * and that has not applied yet (pending or invalid) is never overwritten: canvas changes then
 * wait, the view says so, and the person either finishes the text (it applies over the canvas
 * change, which undo brings back) or takes the canvas version, dropping the typed edits. A
 * three-way merge of YAML text that does not parse cannot be done reliably; a visible choice can.
 */
export class CodeSync {
  private syncedDoc: ArchitectureDocument;
  private syncedText = '';
  private target: SyncTarget | undefined;
  private status: SyncStatus = { state: 'loading', errors: [], canvasWaiting: false };
  private parseTimer: ReturnType<typeof setTimeout> | undefined;
  private serializeTimer: ReturnType<typeof setTimeout> | undefined;
  private parseSeq = 0;
  private serializeSeq = 0;
  private committing = false;
  private readonly unsubscribe: (() => void)[] = [];
  private disposed = false;

  constructor(private readonly o: CodeSyncOptions) {
    this.syncedDoc = o.store.getState().doc;
  }

  /** Writes the current design out; the editor opens on this text, then calls `attach`. */
  async initialText(): Promise<string> {
    this.syncedDoc = this.o.store.getState().doc;
    this.syncedText = await this.o.text.serialize(this.syncedDoc);
    return this.syncedText;
  }

  /** Starts syncing with the editor showing `initialText()`. */
  attach(target: SyncTarget): void {
    this.target = target;
    this.unsubscribe.push(
      this.o.store.subscribe((s, prev) => {
        if (s.doc !== prev.doc) this.designChanged(s.doc);
      }),
      this.o.analysis.subscribe((a, prev) => {
        if (a.findings !== prev.findings) this.refreshMarkers();
      }),
    );
    this.setStatus({ state: 'synced', errors: [], canvasWaiting: false });
    // The design may have changed while the text was being written.
    if (this.o.store.getState().doc !== this.syncedDoc) this.designChanged(this.o.store.getState().doc);
    else this.refreshMarkers();
  }

  /**
   * The person edited the text. Nothing is read here (the text of a large design is megabytes):
   * the work happens once typing pauses.
   */
  textChanged(): void {
    if (!this.target || this.disposed) return;
    if (this.parseTimer) clearTimeout(this.parseTimer);
    this.parseSeq++;
    if (this.status.state === 'synced') this.setStatus({ ...this.status, state: 'pending' });
    this.parseTimer = setTimeout(() => void this.applyText(), this.o.debounceMs ?? 300);
  }

  /** Drops the typed edits that have not applied and shows the design as it is now. */
  async takeDesign(): Promise<void> {
    if (!this.target) return;
    if (this.parseTimer) clearTimeout(this.parseTimer);
    this.parseTimer = undefined;
    this.parseSeq++;
    const doc = this.o.store.getState().doc;
    const text = await this.o.text.serialize(doc);
    if (this.disposed || this.o.store.getState().doc !== doc) return void this.takeDesign();
    this.replaceText(text, doc);
    this.setStatus({ state: 'synced', errors: [], canvasWaiting: false });
    this.refreshMarkers();
  }

  /** Applies now what is typed, without waiting for the pause (e.g. when the view closes). */
  flush(): Promise<void> {
    if (!this.parseTimer) return Promise.resolve();
    clearTimeout(this.parseTimer);
    this.parseTimer = undefined;
    return this.applyText();
  }

  dispose(): void {
    this.disposed = true;
    if (this.parseTimer) clearTimeout(this.parseTimer);
    if (this.serializeTimer) clearTimeout(this.serializeTimer);
    for (const u of this.unsubscribe) u();
    this.target = undefined;
  }

  private async applyText(): Promise<void> {
    this.parseTimer = undefined;
    const target = this.target;
    if (!target) return;
    const text = target.getText();
    if (text === this.syncedText) {
      // Typed back to what the design is: nothing to apply; waiting canvas changes come in now.
      const waiting = this.status.canvasWaiting;
      this.setStatus({ state: 'synced', errors: [], canvasWaiting: false });
      const doc = this.o.store.getState().doc;
      if (waiting || doc !== this.syncedDoc) this.designChanged(doc);
      else this.refreshMarkers();
      return;
    }
    const seq = ++this.parseSeq;
    const r = await this.o.text.parse(text);
    // Typed again meanwhile: the newer text gets its own turn.
    if (this.disposed || seq !== this.parseSeq || target.getText() !== text) return;
    if (!r.ok) {
      this.setStatus({ state: 'invalid', errors: r.errors, canvasWaiting: this.status.canvasWaiting });
      target.setMarkers(errorMarkers(text, r.errors));
      return;
    }
    const s = this.o.store.getState();
    const next = shareUnchanged(s.doc, r.doc);
    if (next === s.doc) {
      this.syncedDoc = s.doc;
    } else {
      this.committing = true;
      const ok = s.commit('Edit code', { ok: true, doc: next });
      this.committing = false;
      if (!ok) {
        const errors: DocumentError[] = [
          {
            code: 'invalid-value',
            message: 'the design refused this change',
            path: '',
            segments: [],
            line: 1,
            column: 1,
          },
        ];
        this.setStatus({ state: 'invalid', errors, canvasWaiting: this.status.canvasWaiting });
        target.setMarkers(errorMarkers(text, errors));
        return;
      }
      this.syncedDoc = this.o.store.getState().doc;
    }
    this.syncedText = text;
    this.setStatus({ state: 'synced', errors: [], canvasWaiting: false });
    this.refreshMarkers();
  }

  private designChanged(doc: ArchitectureDocument): void {
    if (this.committing || doc === this.syncedDoc || !this.target) return;
    if (this.status.state === 'pending' || this.status.state === 'invalid') {
      if (!this.status.canvasWaiting) this.setStatus({ ...this.status, canvasWaiting: true });
      return;
    }
    if (this.serializeTimer) clearTimeout(this.serializeTimer);
    this.serializeTimer = setTimeout(() => void this.writeDesign(), this.o.canvasDelayMs ?? 50);
  }

  private async writeDesign(): Promise<void> {
    this.serializeTimer = undefined;
    const doc = this.o.store.getState().doc;
    const seq = ++this.serializeSeq;
    const text = await this.o.text.serialize(doc);
    if (this.disposed || seq !== this.serializeSeq || this.o.store.getState().doc !== doc) return;
    const target = this.target;
    if (!target) return;
    if (target.getText() !== this.syncedText) {
      // The person typed while this was being written: their text wins until they choose.
      this.setStatus({ ...this.status, canvasWaiting: true });
      return;
    }
    this.replaceText(text, doc);
    this.refreshMarkers();
  }

  private replaceText(text: string, doc: ArchitectureDocument): void {
    const target = this.target;
    if (!target) return;
    const edit = minimalEdit(target.getText(), text);
    this.syncedText = text;
    this.syncedDoc = doc;
    if (edit) target.applyEdit(edit);
  }

  private refreshMarkers(): void {
    const target = this.target;
    if (!target || this.status.state !== 'synced') return;
    const a = this.o.analysis.getState();
    target.setMarkers(a.doc === this.syncedDoc ? findingMarkers(this.syncedText, a.findings) : []);
  }

  private setStatus(status: SyncStatus): void {
    this.status = status;
    this.o.onStatus(status);
  }
}
