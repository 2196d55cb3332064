/**
 * What this browser remembers about share links, beside the autosave: per shared design its id,
 * the edit token (a secret: kept here and in memory, never logged, never put in a query string),
 * the last server version this browser's copy builds on, and whether it has changes the server
 * has not got yet. Plus which link, if any, was made from the local (unshared) design.
 */
export interface LinkRecord {
  id: string;
  editToken?: string;
  /** The server version this browser's copy of the design builds on. */
  version: number;
  /** Local changes not yet saved to the server (they are in the browser's autosave). */
  pending?: boolean;
}

/** A small key-value store (localStorage in the browser, a Map in tests). */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'stackdraft:link:';
const LOCAL_LINK = 'stackdraft:local-link';

function isRecord(v: unknown): v is LinkRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    typeof r.version === 'number' &&
    (r.editToken === undefined || typeof r.editToken === 'string')
  );
}

/** The link records of this browser. Storage failures (private mode, quota) never throw. */
export function createLinkStore(kv: KeyValue | undefined) {
  const read = (key: string): string | null => {
    try {
      return kv?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };
  const write = (key: string, value: string | undefined) => {
    try {
      if (value === undefined) kv?.removeItem(key);
      else kv?.setItem(key, value);
    } catch {
      // Not remembered: the link still works in this tab; the Share dialog shows it to copy.
    }
  };
  return {
    get(id: string): LinkRecord | undefined {
      const text = read(PREFIX + id);
      if (!text) return undefined;
      try {
        const v: unknown = JSON.parse(text);
        return isRecord(v) && v.id === id ? v : undefined;
      } catch {
        return undefined;
      }
    },
    put(record: LinkRecord): void {
      write(PREFIX + record.id, JSON.stringify(record));
    },
    /** Updates fields of a remembered link (creating it if needed). */
    update(id: string, patch: Partial<Omit<LinkRecord, 'id'>>): LinkRecord {
      const next = { ...(this.get(id) ?? { id, version: 0 }), ...patch, id };
      if (next.editToken === undefined) delete next.editToken;
      this.put(next);
      return next;
    },
    /** The link made from the local design (the one at `/`), if any. */
    localLinkId(): string | undefined {
      return read(LOCAL_LINK) ?? undefined;
    },
    setLocalLinkId(id: string | undefined): void {
      write(LOCAL_LINK, id);
    },
  };
}

export type LinkStore = ReturnType<typeof createLinkStore>;

/** The browser's link store (localStorage, when the browser allows it). */
export function browserLinkStore(): LinkStore {
  let kv: KeyValue | undefined;
  try {
    kv = typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    kv = undefined;
  }
  return createLinkStore(kv);
}
