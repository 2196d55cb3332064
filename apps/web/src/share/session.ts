import { type ArchitectureDocument, loadDocument } from '@stackdraft/patterns';
import { canvasApi } from '../canvas/canvas-api';
import { download, fileNameFor } from '../persistence/files';
import { editorStore } from '../store/editor-store';
import { ShareError } from './api';
import { browserLinkStore } from './links';
import { fetchDiagram, queryClient, saveMutation, shareApi } from './query';
import { backoffDelay } from './retry';
import { shareStore } from './share-store';
import { createShareSync, type ShareSync } from './sync';

/**
 * The shared design open in this tab (`/d/<id>`): loading it from the server next to the copy
 * this browser kept, saving edits to it, and the choices after a conflict. The UI calls these
 * functions; the state they change is in `shareStore` and the editor store.
 */

export const links = browserLinkStore();
let sync: ShareSync | undefined;

const PENDING_COPY = 'stackdraft:pending-copy';

function asShareError(err: unknown): ShareError {
  return err instanceof ShareError ? err : new ShareError('server', 'The server answer could not be used.');
}

function readDocument(raw: unknown): ArchitectureDocument | string {
  const r = loadDocument(raw);
  if (r.ok) return r.document;
  const first = r.errors[0];
  return first ? `${first.path}: ${first.message}` : 'it is not a valid design';
}

function show(doc: ArchitectureDocument): void {
  canvasApi.fitDocument(doc);
  editorStore.getState().replaceDocument(doc);
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens shared design `id`: the edit token (if this browser has one) makes it editable, else it
 * is view only. `hasLocalCopy`: the browser's copy was restored into the editor already, so it is
 * shown while the server cannot be reached, and its unsaved edits are sent (or meet a conflict).
 * Resolves once the first attempt is over; retries continue in the background.
 */
export async function openShared(id: string, hasLocalCopy: boolean): Promise<void> {
  const first = loadLoop(id, hasLocalCopy);
  await Promise.race([first.firstAttempt, wait(4000)]);
}

function loadLoop(id: string, hasLocalCopy: boolean) {
  let resolveFirst: () => void = () => undefined;
  const firstAttempt = new Promise<void>((r) => {
    resolveFirst = r;
  });
  void (async () => {
    let attempt = 0;
    for (;;) {
      const done = await loadOnce(id, hasLocalCopy);
      resolveFirst();
      if (done) return;
      attempt += 1;
      const delay = backoffDelay(attempt);
      // While edits are being saved, the save's own status (and retries) is what the person sees.
      if (!sync)
        shareStore.setState({
          sync: {
            status: 'offline',
            message: 'The Stackdraft server cannot be reached.',
            retryAt: Date.now() + delay,
          },
        });
      await wait(delay);
    }
  })();
  return { firstAttempt };
}

/** One attempt to load; true when there is nothing more to retry. */
async function loadOnce(id: string, hasLocalCopy: boolean): Promise<boolean> {
  const record = links.get(id);
  const token = record?.editToken;
  const mode = token ? 'edit' : 'view';
  shareStore.setState({ mode, id });
  // Until the design is here (from the server, or this browser's copy), there is nothing to edit:
  // an edit made on an empty canvas would be replaced by the design when it arrives.
  editorStore.getState().setReadOnly(!token || (!hasLocalCopy && !sync));
  try {
    const r = await fetchDiagram(id, token);
    const doc = readDocument(r.document);
    if (typeof doc === 'string') {
      shareStore.setState({
        problem: `The shared design cannot be opened by this version of Stackdraft (${doc}).`,
        sync: { status: 'error', message: 'Not loaded.' },
      });
      editorStore.getState().setReadOnly(true);
      return true;
    }
    shareStore.setState({ viewEnabled: r.viewEnabled });
    if (sync) {
      // Loaded after a time offline with the browser's copy: take the server's newer version
      // only if nothing was edited meanwhile; edits go out as a save (or meet a conflict).
      if (!sync.dirty() && r.version !== sync.version()) {
        show(doc);
        sync.adopt(r.version);
      }
      return true;
    }
    shareStore.setState({ version: r.version });
    if (!token) {
      show(doc);
      shareStore.setState({ sync: { status: 'saved', version: r.version, at: Date.now() } });
      return true;
    }
    const pending = hasLocalCopy && record?.pending === true;
    if (!pending) show(doc);
    editorStore.getState().setReadOnly(false);
    startSync(id, pending ? (record?.version ?? r.version) : r.version, !pending);
    return true;
  } catch (err) {
    const e = asShareError(err);
    if (e.kind === 'forbidden' && token) {
      links.update(id, { editToken: undefined });
      shareStore.setState({
        problem:
          'This edit link no longer works: the owner replaced it. You can still view the design; ask the owner for the new edit link to change it.',
      });
      return loadOnce(id, hasLocalCopy);
    }
    if (e.kind === 'not-found') {
      editorStore.getState().setReadOnly(true);
      shareStore.setState({
        mode: 'view',
        problem: `No shared design at this link: it does not exist, or its owner turned the view link off.${
          hasLocalCopy ? ' The copy kept in this browser is shown; use "Make a copy" to keep it.' : ''
        }`,
        sync: { status: 'error', message: 'Not found on the server.' },
      });
      return true;
    }
    if (e.retryable) {
      // Offline: the copy kept in this browser stays usable; edits are saved when it is back.
      if (token && hasLocalCopy && record) {
        startSync(id, record.version, record.pending !== true);
        return false;
      }
      return false;
    }
    shareStore.setState({ problem: e.message, sync: { status: 'error', message: e.message } });
    return true;
  }
}

function startSync(id: string, version: number, synced: boolean): void {
  if (sync) return;
  sync = createShareSync({ store: editorStore, share: shareStore, links, id, save: saveMutation() });
  sync.start(version, synced);
}

/** Ctrl/Cmd+S on a shared design open for editing: save to the link now. False elsewhere. */
export function saveSharedNow(): boolean {
  if (!sync || shareStore.getState().mode !== 'edit') return false;
  void sync.saveNow();
  return true;
}

/** Downloads this tab's design as a file, so a choice that replaces it loses nothing. */
export function downloadMine(doc = editorStore.getState().doc): string {
  const name = fileNameFor({ ...doc, name: `${doc.name} my version` }, 'json');
  download(name, JSON.stringify(doc, null, 2), 'application/json');
  return name;
}

/**
 * Conflict, "Reload theirs": loads the server's current version. This tab's design is
 * downloaded as a file first and stays one Undo away, so nothing is lost.
 */
export async function reloadTheirs(): Promise<void> {
  const { id } = shareStore.getState();
  const s = editorStore.getState();
  if (!id || !sync) return;
  try {
    const r = await fetchDiagram(id, links.get(id)?.editToken);
    const doc = readDocument(r.document);
    if (typeof doc === 'string') throw new ShareError('refused', `their version cannot be opened (${doc})`);
    const file = downloadMine(s.doc);
    s.commit(`Load version ${r.version}`, { ok: true, doc });
    sync.adopt(r.version);
    shareStore.setState({ viewEnabled: r.viewEnabled });
    editorStore
      .getState()
      .notify(
        'info',
        `Loaded version ${r.version}. Your version was downloaded as ${file}, and Undo brings it back.`,
      );
  } catch (err) {
    s.notify('error', `Could not load their version: ${asShareError(err).message}`);
  }
}

/** Conflict, "Save mine as new version": this tab's design becomes the newest version. */
export async function saveMineAsNew(): Promise<void> {
  const { id, sync: status } = shareStore.getState();
  if (!id || !sync) return;
  let current = status.status === 'conflict' ? status.currentVersion : undefined;
  if (current === undefined) {
    try {
      current = (await fetchDiagram(id, links.get(id)?.editToken)).version;
    } catch (err) {
      editorStore.getState().notify('error', `Could not save: ${asShareError(err).message}`);
      return;
    }
  }
  await sync.saveMineOver(current);
}

/**
 * "Make a copy": opens this design as the person's own local design (at `/`), one Undo away
 * from what they had there. The copy travels in sessionStorage across the page change.
 */
export function makeCopy(): void {
  const { doc } = editorStore.getState();
  const copy = { ...doc, name: `${doc.name} (copy)` };
  try {
    sessionStorage.setItem(PENDING_COPY, JSON.stringify(copy));
  } catch {
    // Too big for session storage: hand it over as a file instead, which Open reads.
    downloadMine(copy);
    editorStore.getState().notify('info', 'The copy was downloaded as a file: open it in the editor.');
    return;
  }
  window.location.assign('/');
}

/** On `/`: applies a copy made from a shared design, as one undoable step. */
export function applyPendingCopy(): void {
  let text: string | null = null;
  try {
    text = sessionStorage.getItem(PENDING_COPY);
    sessionStorage.removeItem(PENDING_COPY);
  } catch {
    return;
  }
  if (!text) return;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return;
  }
  const doc = readDocument(raw);
  if (typeof doc === 'string') return;
  const s = editorStore.getState();
  canvasApi.fitDocument(doc);
  if (s.commit('Make a copy', { ok: true, doc, select: { nodes: [], edges: [] } })) {
    // The copy is a new design: it is not the one a link was made from before.
    links.setLocalLinkId(undefined);
    editorStore
      .getState()
      .notify('success', 'This is your own copy: edit it freely. Undo brings back your previous design.');
  }
}

/** The owner replaces the edit token: every old edit link stops working at once. */
export async function rotateEditToken(id: string): Promise<string> {
  const token = links.get(id)?.editToken;
  if (!token) throw new ShareError('forbidden', 'This browser does not have the edit token.');
  const r = await shareApi.rotateToken(id, token);
  links.update(id, { editToken: r.editToken });
  return r.editToken;
}

/** The owner turns the view link on or off (off: the view link answers "not found"). */
export async function setViewLink(id: string, enabled: boolean): Promise<boolean> {
  const token = links.get(id)?.editToken;
  if (!token) throw new ShareError('forbidden', 'This browser does not have the edit token.');
  const r = await shareApi.setViewLink(id, token, enabled);
  if (shareStore.getState().id === id) shareStore.setState({ viewEnabled: r.viewEnabled });
  await queryClient.invalidateQueries({ queryKey: ['diagram', id] });
  return r.viewEnabled;
}
