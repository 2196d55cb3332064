import { lazy, Suspense } from 'react';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import { CommandPalette } from './CommandPalette';
import { FileErrorsDialog } from './FileErrorsDialog';
import { ShareDialog } from './ShareDialog';
import { ShortcutsDialog } from './ShortcutsDialog';

// Export runs the exporters (in a worker) and shows Monaco: loaded on first use.
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

const selectDialog = (s: EditorState) => s.dialog;
const close = () => editorStore.getState().openDialog(null);

/** The open dialog, if any (one at a time). */
export function Dialogs() {
  const dialog = useEditor(selectDialog);
  switch (dialog?.type) {
    case 'export':
      return (
        <Suspense fallback={null}>
          <ExportDialog onClose={close} />
        </Suspense>
      );
    case 'share':
      return <ShareDialog onClose={close} />;
    case 'commands':
      return <CommandPalette onClose={close} />;
    case 'shortcuts':
      return <ShortcutsDialog onClose={close} />;
    case 'file-errors':
      return <FileErrorsDialog fileName={dialog.fileName} errors={dialog.errors} onClose={close} />;
    default:
      return null;
  }
}
