import { type ArchitectureDocument, loadDocument } from '@stackdraft/patterns';
import type { StoreApi } from 'zustand';
import type { EditorState } from '../store/editor-store';
import { type DesignRecord, type DesignStorage, isQuotaError } from './storage';

/** How tabs tell each other that they saved (a BroadcastChannel in the browser). */
export interface TabChannel {
  post(message: SavedMessage): void;
  listen(fn: (message: SavedMessage) => void): () => void;
}
export interface SavedMessage {
  type: 'saved';
  revision: number;
  tabId: string;
}

/** A synchronous place for the last unsaved changes when the page goes away (localStorage). */
export interface BackupSlot {
  write(record: DesignRecord & { base: number }): void;
  read(): (DesignRecord & { base: number }) | undefined;
  clear(): void;
}

export interface AutosaveOptions {
  store: StoreApi<EditorState>;
  storage: DesignStorage;
  channel?: TabChannel;
  backup?: BackupSlot;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  tabId?: string;
}

export type RestoreOutcome = 'restored' | 'empty' | 'unreadable';

/**
 * Keeps the design in the browser: saves shortly after every change and when the page is hidden
 * or closed, restores it on the next visit, and never lets one tab overwrite what another tab
 * saved after it last looked (each save names the revision it builds on; a stale tab is told and
 * offered the newer design instead of silently reverting it).
 */
export function createAutosave(opts: AutosaveOptions) {
  const { store, storage, channel, backup } = opts;
  const delayMs = opts.delayMs ?? 400;
  const tabId = opts.tabId ?? Math.random().toString(36).slice(2);
  /** The stored revision this tab's design builds on. */
  let base = 0;
  /** `changeCount` of the design last saved (or restored). */
  let savedCount = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | undefined;
  let again = false;
  let conflict: { revision: number } | undefined;
  let started = false;
  const stops: (() => void)[] = [];

  const set = (s: EditorState['saveState']) => store.getState().setSaveState(s);
  const dirty = () => store.getState().changeCount !== savedCount;

  function accept(doc: unknown): ArchitectureDocument | undefined {
    const r = loadDocument(doc);
    return r.ok ? r.document : undefined;
  }

  /** Loads the saved design (or the unsaved changes of a closed tab that built on it). */
  async function restore(): Promise<RestoreOutcome> {
    let record: DesignRecord | undefined;
    try {
      record = await storage.read();
    } catch (err) {
      set({
        status: 'error',
        message: `The design saved in this browser could not be read (${errText(err)}).`,
      });
      return 'unreadable';
    }
    const pending = backup?.read();
    const useBackup =
      pending && pending.base === (record?.revision ?? 0) && (!record || pending.savedAt > record.savedAt);
    const source = useBackup ? pending : record;
    base = record?.revision ?? 0;
    if (!source) {
      // Nothing to save until the person changes something.
      savedCount = store.getState().changeCount;
      return 'empty';
    }
    const doc = accept(source.doc);
    if (!doc) {
      set({
        status: 'error',
        message: 'The design saved in this browser is not a valid design any more; it was left as it is.',
      });
      return 'unreadable';
    }
    store.getState().replaceDocument(doc);
    // Changes recovered from the page-hide backup still need saving; a stored design does not.
    savedCount = useBackup ? -1 : store.getState().changeCount;
    backup?.clear();
    return 'restored';
  }

  async function flush(): Promise<void> {
    if (!started || conflict || !dirty()) return;
    if (saving) {
      again = true;
      return saving;
    }
    const s = store.getState();
    const count = s.changeCount;
    const record: DesignRecord = { doc: s.doc, revision: base + 1, savedAt: Date.now(), tabId };
    set({ status: 'saving' });
    saving = (async () => {
      try {
        const r = await storage.writeIfUnchanged(record, base);
        if (r.ok) {
          base = record.revision;
          savedCount = count;
          backup?.clear();
          channel?.post({ type: 'saved', revision: base, tabId });
          set({ status: 'saved', at: record.savedAt });
        } else {
          conflict = { revision: r.conflict.revision };
          set({
            status: 'conflict',
            message: 'This design was changed in another tab. Your changes here are not saved over it.',
          });
        }
      } catch (err) {
        set({
          status: 'error',
          message: isQuotaError(err)
            ? "Not saved: this browser's storage for Stackdraft is full. Save the design to a file to keep it."
            : `Not saved in this browser (${errText(err)}). Save the design to a file to keep it.`,
        });
      }
    })();
    await saving;
    saving = undefined;
    if (again) {
      again = false;
      await flush();
    }
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, delayMs);
  }

  /** When the page is hidden or closed: save now, and keep a synchronous copy in case that is cut short. */
  function onHide() {
    if (!dirty() || conflict) return;
    const s = store.getState();
    try {
      backup?.write({ doc: s.doc, revision: base + 1, savedAt: Date.now(), tabId, base });
    } catch {
      // The backup is a second line; the IndexedDB save below is the first.
    }
    void flush();
  }

  function start() {
    if (started) return;
    started = true;
    stops.push(
      store.subscribe((s, prev) => {
        if (s.changeCount !== prev.changeCount) schedule();
      }),
    );
    if (channel) {
      stops.push(
        channel.listen((m) => {
          if (m.type !== 'saved' || m.tabId === tabId || m.revision <= base) return;
          conflict = { revision: m.revision };
          set({
            status: 'conflict',
            message: dirty()
              ? 'This design was changed in another tab. Your changes here are not saved over it.'
              : 'This design was changed in another tab.',
          });
        }),
      );
    }
    if (typeof window !== 'undefined') {
      const onVisibility = () => {
        if (document.visibilityState === 'hidden') onHide();
      };
      window.addEventListener('pagehide', onHide);
      document.addEventListener('visibilitychange', onVisibility);
      stops.push(() => {
        window.removeEventListener('pagehide', onHide);
        document.removeEventListener('visibilitychange', onVisibility);
      });
    }
    if (dirty()) schedule();
  }

  /** Replaces this tab's design with the one the other tab saved (undoable). */
  async function loadLatest(): Promise<void> {
    const record = await storage.read();
    const doc = record && accept(record.doc);
    if (!record || !doc) return;
    const s = store.getState();
    s.commit('Load the design from the other tab', { ok: true, doc });
    base = record.revision;
    savedCount = store.getState().changeCount;
    conflict = undefined;
    set({ status: 'saved', at: record.savedAt });
  }

  /** Keeps this tab's design and saves it over the other tab's (the person chose to). */
  async function keepMine(): Promise<void> {
    const record = await storage.read();
    base = record?.revision ?? base;
    conflict = undefined;
    savedCount = -1;
    await flush();
  }

  function stop() {
    if (timer) clearTimeout(timer);
    for (const s of stops.splice(0)) s();
    started = false;
  }

  return { restore, start, flush, loadLatest, keepMine, stop, tabId };
}

export type Autosave = ReturnType<typeof createAutosave>;

function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The browser's channel between tabs of this site. */
export function broadcastChannel(name = 'stackdraft-design'): TabChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const ch = new BroadcastChannel(name);
  return {
    post: (m) => ch.postMessage(m),
    listen(fn) {
      const h = (e: MessageEvent<SavedMessage>) => fn(e.data);
      ch.addEventListener('message', h);
      return () => ch.removeEventListener('message', h);
    },
  };
}

/** localStorage as the page-hide backup slot. */
export function localStorageBackup(key = 'stackdraft:unsaved'): BackupSlot | undefined {
  if (typeof localStorage === 'undefined') return undefined;
  return {
    write: (r) => localStorage.setItem(key, JSON.stringify(r)),
    read() {
      try {
        const text = localStorage.getItem(key);
        return text ? (JSON.parse(text) as DesignRecord & { base: number }) : undefined;
      } catch {
        return undefined;
      }
    },
    clear: () => localStorage.removeItem(key),
  };
}
