import { lazy, Suspense } from 'react';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import { CommandPalette } from './CommandPalette';
import { FileErrorsDialog } from './FileErrorsDialog';
import { ShareDialog } from './ShareDialog';
import { ShortcutsDialog } from './ShortcutsDialog';

// These two write the design as YAML/JSON: loaded on first use, with the YAML library.
const CodeDialog = lazy(() => import('./CodeDialog').then((m) => ({ default: m.CodeDialog })));
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
    case 'code':
      return (
        <Suspense fallback={null}>
          <CodeDialog onClose={close} />
        </Suspense>
      );
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
