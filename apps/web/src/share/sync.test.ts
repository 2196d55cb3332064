import type { ArchitectureDocument } from '@stackdraft/patterns';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNode } from '../document/transforms';
import { createEditorStore } from '../store/editor-store';
import { type SavedDiagram, ShareError } from './api';
import { createLinkStore, type KeyValue } from './links';
import type { SaveVars } from './query';
import { createShareStore } from './share-store';
import { createShareSync } from './sync';

const ID = 'e_wQj6pX8ezOX1ZJxUROBg';
const TOKEN = 't'.repeat(43);

function memoryKv(): KeyValue {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

/** A server stand-in: answers each save with what `next` says (a version or an error). */
function setup(answers: (vars: SaveVars) => Promise<SavedDiagram>) {
  const store = createEditorStore();
  const share = createShareStore();
  const links = createLinkStore(memoryKv());
  links.put({ id: ID, editToken: TOKEN, version: 3 });
  const saves: SaveVars[] = [];
  const sync = createShareSync({
    store,
    share,
    links,
    id: ID,
    delayMs: 1500,
    backoff: (attempt) => attempt * 1000,
    save: (vars) => {
      saves.push(vars);
      return answers(vars);
    },
  });
  let x = 0;
  const edit = (kind = 'queue') => {
    const s = store.getState();
    x += 240;
    expect(s.commit(`Add ${kind}`, addNode(s.doc, kind, { x, y: 0 }))).toBe(true);
  };
  const kinds = (doc: ArchitectureDocument | undefined) => doc?.nodes.map((n) => n.kind);
  return { store, share, links, saves, sync, edit, kinds };
}

const ok = (version: number) => async (): Promise<SavedDiagram> => ({
  version,
  updatedAt: '2026-01-01T00:00:00Z',
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('saving a shared design to its link', () => {
  it('saves once after 1.5 s without edits, with the newest design and If-Match of its base', async () => {
    const t = setup(ok(4));
    t.sync.start(3, true);
    t.edit('queue');
    await vi.advanceTimersByTimeAsync(1000);
    t.edit('cache');
    await vi.advanceTimersByTimeAsync(1400);
    expect(t.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(t.saves).toHaveLength(1);
    expect(t.saves[0]?.version).toBe(3);
    expect(t.saves[0]?.token).toBe(TOKEN);
    expect(t.kinds(t.saves[0]?.document)).toEqual(['queue', 'cache']);
    expect(t.share.getState().sync).toMatchObject({ status: 'saved', version: 4 });
    expect(t.links.get(ID)).toMatchObject({ version: 4, pending: false });
  });

  it('saves at once on explicit save', async () => {
    const t = setup(ok(4));
    t.sync.start(3, true);
    t.edit();
    await t.sync.saveNow();
    expect(t.saves).toHaveLength(1);
    expect(t.sync.version()).toBe(4);
  });

  it('keeps edits while the server is unreachable and retries with backoff, sending the newest design', async () => {
    let fail = 2;
    const t = setup(async () => {
      if (fail-- > 0) throw new ShareError('network', 'offline');
      return { version: 4, updatedAt: '2026-01-01T00:00:00Z' };
    });
    t.sync.start(3, true);
    t.edit('queue');
    await vi.advanceTimersByTimeAsync(1500);
    expect(t.saves).toHaveLength(1);
    expect(t.share.getState().sync.status).toBe('offline');
    expect(t.links.get(ID)?.pending).toBe(true);
    // First retry after 1 s (attempt 1), the second after 2 s more (attempt 2).
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.saves).toHaveLength(2);
    t.edit('cache');
    await vi.advanceTimersByTimeAsync(2000);
    expect(t.saves).toHaveLength(3);
    expect(t.kinds(t.saves[2]?.document)).toEqual(['queue', 'cache']);
    expect(t.saves.every((s) => s.version === 3)).toBe(true);
    expect(t.share.getState().sync).toMatchObject({ status: 'saved', version: 4 });
    expect(t.links.get(ID)?.pending).toBe(false);
  });

  it('stops on a conflict until the person chooses, then saves over the current version', async () => {
    const t = setup(async (vars) => {
      if (vars.version === 3) throw new ShareError('conflict', 'stale', { status: 409, currentVersion: 5 });
      return { version: vars.version + 1, updatedAt: '2026-01-01T00:00:00Z' };
    });
    t.sync.start(3, true);
    t.edit();
    await vi.advanceTimersByTimeAsync(1500);
    expect(t.share.getState().sync).toEqual({ status: 'conflict', currentVersion: 5 });
    t.edit('cache');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.saves).toHaveLength(1);
    await t.sync.saveMineOver(5);
    expect(t.saves).toHaveLength(2);
    expect(t.saves[1]?.version).toBe(5);
    expect(t.kinds(t.saves[1]?.document)).toEqual(['queue', 'cache']);
    expect(t.share.getState().sync).toMatchObject({ status: 'saved', version: 6 });
  });

  it('after adopting their version, saves nothing until the next edit', async () => {
    const t = setup(async (vars) => {
      if (vars.version === 3) throw new ShareError('conflict', 'stale', { status: 409, currentVersion: 5 });
      return { version: vars.version + 1, updatedAt: '2026-01-01T00:00:00Z' };
    });
    t.sync.start(3, true);
    t.edit();
    await vi.advanceTimersByTimeAsync(1500);
    t.sync.adopt(5);
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.saves).toHaveLength(1);
    t.edit('cache');
    await vi.advanceTimersByTimeAsync(1500);
    expect(t.saves[1]?.version).toBe(5);
  });

  it('turns view only when the edit token was replaced, and forgets the token', async () => {
    const t = setup(async () => {
      throw new ShareError('forbidden', 'replaced', { status: 403 });
    });
    t.sync.start(3, true);
    t.edit();
    await vi.advanceTimersByTimeAsync(1500);
    expect(t.store.getState().readOnly).toBe(true);
    expect(t.share.getState().mode).toBe('view');
    expect(t.links.get(ID)?.editToken).toBeUndefined();
    // The edit is still in the design (kept locally), and nothing more is sent.
    expect(t.store.getState().doc.nodes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.saves).toHaveLength(1);
  });

  it('sends local changes made before a reload (started as not synced)', async () => {
    const t = setup(ok(4));
    t.edit();
    t.sync.start(3, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.saves).toHaveLength(1);
    expect(t.saves[0]?.version).toBe(3);
  });
});
