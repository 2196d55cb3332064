import { type ArchitectureDocument, type DocumentFormat, slugify } from '@stackdraft/patterns';
import { canvasApi } from '../canvas/canvas-api';
import { applyLayout, layoutInputOf, layoutInWorker, needsLayout } from '../layout/auto-layout';
import { editorStore } from '../store/editor-store';

/** File names Stackdraft opens. */
export const OPEN_ACCEPT = '.yaml,.yml,.json,application/json,application/yaml,text/yaml';

/**
 * Opens a design from text. An invalid file opens the error dialog (each error with its path and
 * line) and leaves the current design exactly as it was. A valid one replaces the design as one
 * undoable step, laid out first when its nodes have no positions.
 */
export async function openText(fileName: string, text: string): Promise<boolean> {
  const { parseDocument } = await import('../document/text-formats');
  const s = editorStore.getState();
  const parsed = parseDocument(text, { format: formatOf(fileName) });
  if (!parsed.ok) {
    s.openDialog({ type: 'file-errors', fileName, errors: parsed.errors });
    return false;
  }
  return openDocument(parsed.document, `Open ${fileName}`);
}

/** Replaces the design with `doc` (one undo step), laying it out first if it has no positions. */
export async function openDocument(doc: ArchitectureDocument, label = 'Open design'): Promise<boolean> {
  let next = doc;
  if (needsLayout(doc)) {
    try {
      next = applyLayout(doc, (await layoutInWorker(layoutInputOf(doc))).result);
    } catch (err) {
      editorStore
        .getState()
        .notify('info', `Opened without auto layout (${err instanceof Error ? err.message : String(err)}).`);
    }
  }
  const s = editorStore.getState();
  const before = canvasApi.instance()?.getViewport();
  // Fit first, so that the new design is drawn once, at the zoom it is seen at.
  canvasApi.fitDocument(next);
  const changed = s.commit(label, { ok: true, doc: next, select: { nodes: [], edges: [] } });
  if (!changed && before) void canvasApi.instance()?.setViewport(before);
  return changed;
}

export async function openFile(file: File): Promise<boolean> {
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    editorStore
      .getState()
      .notify('error', `Could not read ${file.name}: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
  return openText(file.name, text);
}

/** Asks for a file to open (the browser's file picker). */
export function chooseFileToOpen(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = OPEN_ACCEPT;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void openFile(file);
  });
  input.click();
}

/** The file name a design is saved under: `orders-platform.stackdraft.yaml`. */
export function fileNameFor(doc: ArchitectureDocument, format: DocumentFormat): string {
  return `${slugify(doc.name, 'design')}.stackdraft.${format}`;
}

/** Downloads text, bytes or a blob as a file. */
export function download(fileName: string, data: string | Uint8Array | Blob, type: string): void {
  const blob =
    data instanceof Blob
      ? data
      : new Blob([typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>)], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `.json` files are JSON; everything else is read as YAML (which JSON also is). */
export function formatOf(fileName: string): DocumentFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

/** Saves the design as a `.stackdraft.yaml` (or `.json`) file. */
export async function saveToFile(format: DocumentFormat = 'yaml'): Promise<void> {
  const { serializeDocument } = await import('../document/text-formats');
  const { doc } = editorStore.getState();
  download(
    fileNameFor(doc, format),
    serializeDocument(doc, format),
    format === 'json' ? 'application/json' : 'application/yaml',
  );
}
