import type { StoreApi } from 'zustand';
import type { EditorState } from '../store/editor-store';
import { type SavedDiagram, ShareError } from './api';
import type { LinkStore } from './links';
import type { SaveVars } from './query';
import { backoffDelay } from './retry';
import type { ShareState, SyncStatus } from './share-store';

export interface ShareSyncOptions {
  store: StoreApi<EditorState>;
  share: StoreApi<ShareState>;
  links: LinkStore;
  id: string;
  /** PUT with If-Match (a TanStack mutation in the app). */
  save: (vars: SaveVars) => Promise<SavedDiagram>;
  /** Quiet time after the last edit before saving to the server. */
  delayMs?: number;
  /** Delay before retry `attempt` of a save that failed for a passing reason. */
  backoff?: (attempt: number, retryAfterMs?: number) => number;
  now?: () => number;
}

/**
 * Saves a shared design that is open for editing to its link: after 1.5 s without edits, on
 * explicit save, and again with backoff while the server cannot be reached. It never overwrites:
 * every save names the version it builds on (If-Match), and a 409 stops saving until the person
 * chooses to load theirs or save theirs as the newest version. Edits are never dropped: the
 * browser's autosave keeps them, and the link record says they are still pending.
 */
export function createShareSync(opts: ShareSyncOptions) {
  const { store, share, links, id, save } = opts;
  const delayMs = opts.delayMs ?? 1500;
  const backoff = opts.backoff ?? ((n: number, after?: number) => backoffDelay(n, after));
  const now = opts.now ?? Date.now;
  /** The server version the design in this tab builds on. */
  let version = 0;
  /** `changeCount` of the design the server has. */
  let syncedCount = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let again = false;
  let attempt = 0;
  let halted = false;
  let running = false;
  let unsubscribe: (() => void) | undefined;

  const setSync = (sync: SyncStatus) => share.setState({ sync });
  const dirty = () => store.getState().changeCount !== syncedCount;
  const blocked = () => {
    const st = share.getState().sync.status;
    return halted || st === 'conflict' || st === 'error' || store.getState().readOnly;
  };

  function clearTimer() {
    if (timer) clearTimeout(timer);
    timer = undefined;
  }

  function schedule(ms: number) {
    clearTimer();
    timer = setTimeout(() => {
      timer = undefined;
      void push();
    }, ms);
  }

  function markPending() {
    if (!links.get(id)?.pending) links.update(id, { pending: true });
  }

  /** Saves the design now if it has changes the server has not got. */
  async function push(): Promise<void> {
    if (!running || blocked() || !dirty()) return;
    if (inFlight) {
      again = true;
      return inFlight;
    }
    const token = links.get(id)?.editToken;
    if (!token) {
      fail('This browser no longer has the edit token for this design; your changes are kept here.');
      return;
    }
    clearTimer();
    const s = store.getState();
    const count = s.changeCount;
    setSync({ status: 'saving' });
    inFlight = attemptSave({ id, token, version, document: s.doc }, count);
    await inFlight;
    inFlight = undefined;
    if (again) {
      again = false;
      if (dirty() && !blocked() && !timer) schedule(0);
    }
  }

  async function attemptSave(vars: SaveVars, count: number): Promise<void> {
    try {
      const r = await save(vars);
      version = r.version;
      syncedCount = count;
      attempt = 0;
      const pending = store.getState().changeCount !== count;
      links.update(id, { version, pending });
      share.setState({ version });
      setSync({ status: 'saved', version, at: now() });
      if (pending) schedule(delayMs);
    } catch (err) {
      onSaveError(
        err instanceof ShareError ? err : new ShareError('server', 'The save failed unexpectedly.'),
      );
    }
  }

  function fail(message: string) {
    clearTimer();
    setSync({ status: 'error', message });
  }

  function onSaveError(e: ShareError) {
    switch (e.kind) {
      case 'conflict':
        clearTimer();
        setSync({ status: 'conflict', currentVersion: e.details.currentVersion });
        return;
      case 'forbidden':
        links.update(id, { editToken: undefined });
        share.setState({
          mode: 'view',
          problem:
            'The edit link you opened no longer works: the owner replaced it. The design is view only here; your changes are kept in this browser — use "Make a copy" to keep working on them.',
        });
        store.getState().setReadOnly(true);
        fail('Not saved: the edit link was replaced by the owner.');
        return;
      case 'not-found':
        fail(
          'Not saved: this shared design is no longer on the server (or its view link is off). Your copy is kept in this browser — use "Make a copy" to keep it.',
        );
        return;
      case 'refused':
        fail(`Not saved: ${e.message}`);
        return;
      default: {
        attempt += 1;
        const wait = backoff(attempt, e.details.retryAfterMs);
        setSync({ status: 'offline', message: e.message, retryAt: now() + wait });
        schedule(wait);
      }
    }
  }

  return {
    /**
     * Starts saving edits: `baseVersion` is the server version the design builds on; `synced`
     * says whether the design in the store is exactly that version (false: local changes to send).
     */
    start(baseVersion: number, synced: boolean): void {
      version = baseVersion;
      syncedCount = synced ? store.getState().changeCount : -1;
      running = true;
      halted = false;
      share.setState({ version });
      if (!synced) schedule(0);
      else setSync({ status: 'saved', version, at: now() });
      unsubscribe = store.subscribe((st, prev) => {
        if (st.changeCount === prev.changeCount || st.readOnly) return;
        markPending();
        if (!blocked()) schedule(delayMs);
      });
      if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
    },
    /** Saves now (Ctrl/Cmd+S, or the Share dialog), skipping the quiet time and any backoff. */
    async saveNow(): Promise<void> {
      attempt = 0;
      if (share.getState().sync.status === 'offline') setSync({ status: 'saving' });
      clearTimer();
      await push();
    },
    /**
     * After a conflict: the person keeps their design and makes it the newest version, building
     * on `currentVersion` (theirs stays in the history).
     */
    async saveMineOver(currentVersion: number): Promise<void> {
      version = currentVersion;
      syncedCount = -1;
      attempt = 0;
      setSync({ status: 'saving' });
      await push();
    },
    /** After a conflict: the server's design replaced this tab's (the caller applied it). */
    adopt(serverVersion: number): void {
      version = serverVersion;
      syncedCount = store.getState().changeCount;
      attempt = 0;
      clearTimer();
      links.update(id, { version, pending: false });
      share.setState({ version });
      setSync({ status: 'saved', version, at: now() });
    },
    /** The server version this tab builds on. */
    version: () => version,
    dirty,
    stop(): void {
      running = false;
      halted = true;
      clearTimer();
      unsubscribe?.();
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
    },
  };

  function onOnline() {
    if (share.getState().sync.status === 'offline') {
      attempt = 0;
      schedule(0);
    }
  }
}

export type ShareSync = ReturnType<typeof createShareSync>;
