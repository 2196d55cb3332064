import {
  type BackupSlot,
  broadcastChannel,
  localStorageBackup,
  type TabChannel,
} from '../persistence/autosave';
import { type DesignStorage, indexedDbStorage, memoryStorage } from '../persistence/storage';
import { editorStore } from '../store/editor-store';
import { parseRoute } from './route';
import { applyPendingCopy, links, openShared } from './session';
import { shareStore } from './share-store';

/**
 * The browser's copy of a shared design. Last writer wins between tabs: the server's versions
 * (If-Match) are what keeps two editors from overwriting each other, not this cache.
 */
function sharedCopyStorage(id: string): DesignStorage {
  const inner = typeof indexedDB === 'undefined' ? memoryStorage() : indexedDbStorage(`shared:${id}`);
  return {
    read: () => inner.read(),
    async writeIfUnchanged(record) {
      const current = await inner.read();
      return inner.writeIfUnchanged(record, current?.revision ?? 0);
    },
  };
}

export interface Boot {
  /** Where autosave keeps this tab's design. */
  storage: DesignStorage;
  channel: TabChannel | undefined;
  backup: BackupSlot | undefined;
  /** Runs after autosave restored the browser's copy, before the first render. */
  afterRestore(restored: boolean): Promise<void>;
}

/**
 * Reads the route and decides where this tab's design lives. `/`: the local design. `/d/<id>`:
 * the browser's copy of a shared design, then the server's. With `#edit=<token>` the token is
 * remembered in this browser and removed from the address bar (so it is not shown on a shared
 * screen, kept in history or bookmarked by accident); the Share dialog shows the edit link to copy,
 * and reloading keeps edit access because the token is remembered.
 */
export function bootRoute(): Boot {
  const route = parseRoute(window.location.pathname, window.location.hash);
  if (route.kind === 'editor') {
    return {
      storage: typeof indexedDB === 'undefined' ? memoryStorage() : indexedDbStorage(),
      channel: broadcastChannel(),
      backup: localStorageBackup(),
      afterRestore: async () => applyPendingCopy(),
    };
  }
  if (route.kind === 'bad-link') {
    shareStore.setState({ mode: 'view', problem: route.reason });
    editorStore.getState().setReadOnly(true);
    return {
      storage: memoryStorage(),
      channel: undefined,
      backup: undefined,
      afterRestore: async () => undefined,
    };
  }
  const { id, editToken } = route;
  if (editToken) {
    links.update(id, { editToken });
    window.history.replaceState(window.history.state, '', `/d/${id}`);
  }
  const hasToken = links.get(id)?.editToken !== undefined;
  shareStore.setState({ mode: hasToken ? 'edit' : 'view', id, sync: { status: 'loading' } });
  editorStore.getState().setReadOnly(!hasToken);
  return {
    storage: sharedCopyStorage(id),
    channel: undefined,
    backup: localStorageBackup(`stackdraft:unsaved:${id}`),
    afterRestore: (restored) => openShared(id, restored),
  };
}
