import type { ArchitectureDocument } from '@stackdraft/patterns';

/** The design as saved in this browser: the document and the revision it was saved as. */
export interface DesignRecord {
  doc: ArchitectureDocument;
  /** Increments with every save from any tab: a tab that saw revision n may only write n + 1. */
  revision: number;
  savedAt: number;
  /** The tab that saved it. */
  tabId: string;
}

export type WriteResult = { ok: true } | { ok: false; conflict: DesignRecord };

/** Where autosave keeps the design (IndexedDB in the browser, memory in tests). */
export interface DesignStorage {
  read(): Promise<DesignRecord | undefined>;
  /**
   * Writes `record` only if the stored revision is still `base` (or nothing is stored): the check
   * and the write are one transaction, so two tabs cannot both win.
   */
  writeIfUnchanged(record: DesignRecord, base: number): Promise<WriteResult>;
}

const DB_NAME = 'stackdraft';
const STORE = 'designs';
const KEY = 'current';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/**
 * IndexedDB storage: one object store, one record per design: `current` for the design edited at
 * `/`, `shared:<id>` for this browser's copy of a shared design (share/local-copy.ts).
 */
export function indexedDbStorage(key = KEY): DesignStorage {
  let db: Promise<IDBDatabase> | undefined;
  const open = () => {
    db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('the local database is blocked by another tab'));
    });
    return db;
  };
  return {
    async read() {
      const tx = (await open()).transaction(STORE, 'readonly');
      return (await request(tx.objectStore(STORE).get(key))) as DesignRecord | undefined;
    },
    async writeIfUnchanged(record, base) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('the save was aborted'));
      });
      const current = (await request(store.get(key))) as DesignRecord | undefined;
      if (current && current.revision !== base) {
        tx.abort();
        await done.catch(() => undefined);
        return { ok: false, conflict: current };
      }
      store.put(record, key);
      await done;
      return { ok: true };
    },
  };
}

/** Storage in memory, for tests (and a browser without IndexedDB, where nothing survives a reload). */
export function memoryStorage(
  initial?: DesignRecord,
): DesignStorage & { current(): DesignRecord | undefined } {
  let stored = initial ? structuredClone(initial) : undefined;
  return {
    current: () => stored,
    async read() {
      return stored ? structuredClone(stored) : undefined;
    },
    async writeIfUnchanged(record, base) {
      if (stored && stored.revision !== base) return { ok: false, conflict: structuredClone(stored) };
      stored = structuredClone(record);
      return { ok: true };
    },
  };
}

/** Did a write fail because the browser's storage for this site is full? */
export function isQuotaError(err: unknown): boolean {
  return (
    err instanceof DOMException &&
    (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22)
  );
}
