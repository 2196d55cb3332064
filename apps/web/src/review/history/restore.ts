import type { ArchitectureDocument } from '@stackdraft/patterns';
import { saveSharedNow } from '../../share/session';
import { shareStore } from '../../share/share-store';
import { editorStore } from '../../store/editor-store';

/**
 * "Restore this version": the older document becomes the design again as one undoable edit, and
 * the share sync saves it as a NEW version (PUT with If-Match, like every other edit), so every
 * version stays in the history and a conflict is handled the usual way. Edit mode only.
 */
export function restoreVersion(doc: ArchitectureDocument, version: number): boolean {
  if (shareStore.getState().mode !== 'edit') return false;
  const s = editorStore.getState();
  if (!s.commit(`Restore version ${version}`, { ok: true, doc, select: { nodes: [], edges: [] } })) {
    if (s.doc === doc) s.notify('info', `The design already is version ${version}.`);
    return false;
  }
  saveSharedNow();
  editorStore
    .getState()
    .notify(
      'success',
      `Restoring version ${version} as a new version: nothing is lost, and Undo brings back the one before.`,
    );
  return true;
}
