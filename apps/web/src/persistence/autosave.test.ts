import { emptyDocument } from '@stackdraft/patterns';
import { afterEach, describe, expect, it } from 'vitest';
import { addNode } from '../document/transforms';
import { createEditorStore } from '../store/editor-store';
import { type BackupSlot, createAutosave, type SavedMessage, type TabChannel } from './autosave';
import { type DesignRecord, memoryStorage } from './storage';

/** Tabs of one browser: a shared channel that delivers to every other listener. */
function sharedChannel() {
  const listeners = new Set<(m: SavedMessage) => void>();
  return (): TabChannel => {
    let mine: ((m: SavedMessage) => void) | undefined;
    return {
      post: (m) => {
        for (const l of listeners) if (l !== mine) l(m);
      },
      listen(fn) {
        mine = fn;
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
    };
  };
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const s of stops.splice(0)) s();
});

function tab(storage: ReturnType<typeof memoryStorage>, channel?: TabChannel, backup?: BackupSlot) {
  const store = createEditorStore();
  const autosave = createAutosave({
    store,
    storage,
    delayMs: 5,
    ...(channel ? { channel } : {}),
    ...(backup ? { backup } : {}),
  });
  stops.push(autosave.stop);
  const add = (kind: string, x = 0) => {
    const s = store.getState();
    s.commit('Add', addNode(s.doc, kind, { x, y: 0 }));
  };
  return { store, autosave, add };
}

const wait = (ms = 30) => new Promise((r) => setTimeout(r, ms));

describe('autosave', () => {
  it('saves shortly after a change and restores the design exactly in a new session', async () => {
    const storage = memoryStorage();
    const a = tab(storage);
    await a.autosave.restore();
    a.autosave.start();
    a.add('queue');
    await wait();
    expect(a.store.getState().saveState.status).toBe('saved');
    const b = tab(storage);
    expect(await b.autosave.restore()).toBe('restored');
    expect(b.store.getState().doc).toEqual(a.store.getState().doc);
  });

  it('does not save an untouched new design', async () => {
    const storage = memoryStorage();
    const a = tab(storage);
    expect(await a.autosave.restore()).toBe('empty');
    a.autosave.start();
    await wait();
    expect(storage.current()).toBeUndefined();
  });

  it('never lets a stale tab overwrite a newer save, and offers the newer design', async () => {
    const storage = memoryStorage();
    const channel = sharedChannel();
    const a = tab(storage, channel());
    const b = tab(storage, channel());
    await a.autosave.restore();
    await b.autosave.restore();
    a.autosave.start();
    b.autosave.start();
    a.add('queue');
    await wait();
    // B hears of A's save: it is told, and its own edit does not overwrite A's work.
    expect(b.store.getState().saveState.status).toBe('conflict');
    b.add('cache');
    await wait();
    expect(storage.current()?.doc.nodes.map((n) => n.id)).toEqual(['queue']);
    // B takes A's version (undoable), and saving resumes from there.
    await b.autosave.loadLatest();
    expect(b.store.getState().doc.nodes.map((n) => n.id)).toEqual(['queue']);
    b.add('function', 300);
    await wait();
    expect(storage.current()?.doc.nodes.map((n) => n.id)).toEqual(['queue', 'function']);
  });

  it("lets the person keep this tab's version on purpose", async () => {
    const storage = memoryStorage();
    const channel = sharedChannel();
    const a = tab(storage, channel());
    const b = tab(storage, channel());
    await a.autosave.restore();
    await b.autosave.restore();
    a.autosave.start();
    b.autosave.start();
    a.add('queue');
    await wait();
    b.add('cache');
    await wait();
    await b.autosave.keepMine();
    expect(storage.current()?.doc.nodes.map((n) => n.id)).toEqual(['cache']);
  });

  it('shows a full storage instead of swallowing it', async () => {
    const full = memoryStorage();
    full.writeIfUnchanged = async () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const a = tab(full);
    await a.autosave.restore();
    a.autosave.start();
    a.add('queue');
    await wait();
    const state = a.store.getState().saveState;
    expect(state.status).toBe('error');
    expect(state.status === 'error' && state.message).toMatch(/storage for Stackdraft is full/);
  });

  it('recovers changes kept in the page-hide backup when they build on the stored revision', async () => {
    const stored: DesignRecord = { doc: emptyDocument('Saved'), revision: 3, savedAt: 1, tabId: 'x' };
    const pending = { doc: emptyDocument('Unsaved'), revision: 4, savedAt: 2, tabId: 'x', base: 3 };
    let slot: typeof pending | undefined = pending;
    const backup: BackupSlot = { write: () => {}, read: () => slot, clear: () => (slot = undefined) };
    const b = tab(memoryStorage(stored), undefined, backup);
    await b.autosave.restore();
    expect(b.store.getState().doc.name).toBe('Unsaved');
    expect(slot).toBeUndefined();
  });
});
