import type { HclParser, ImportResult, TerraformFile } from '@stackdraft/exporters';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { openDocument } from '../persistence/files';
import { editorStore } from '../store/editor-store';
import { ImportReportDialog } from './ImportReportDialog';

/** File names the picker offers: Terraform configuration files. */
export const TERRAFORM_ACCEPT = '.tf';

export interface ImportDeps {
  /** The HCL parser; the browser's WASM loader unless a test passes another. */
  parser?: () => Promise<HclParser>;
  /** Replaces the design (one undo step, laid out first); `openDocument` unless a test passes another. */
  open?: (doc: ImportResult['document'], label: string) => Promise<boolean>;
  /** Shows the report; the dialog unless a test passes another. */
  show?: (result: ImportResult, fileNames: readonly string[]) => void;
}

/**
 * Imports `.tf` files as one module and, only if that succeeds, replaces the design with the
 * result (one undo step) and shows what was and was not mapped. A file that is not valid HCL
 * leaves the design as it was and says which file and line.
 */
export async function importTerraformFiles(
  files: readonly TerraformFile[],
  deps: ImportDeps = {},
): Promise<boolean> {
  const s = editorStore.getState();
  const fileNames = files.map((f) => f.path);
  let result: ImportResult;
  try {
    const [{ importTerraform }, parse] = await Promise.all([
      import('@stackdraft/exporters'),
      (deps.parser ?? (async () => (await import('./hcl-parser')).browserHclParser()))(),
    ]);
    const name = fileNames.length === 1 ? `Imported from ${fileNames[0]}` : 'Imported from Terraform';
    result = await importTerraform(files, { parse, name });
  } catch (err) {
    s.notify(
      'error',
      `Terraform import failed: ${err instanceof Error ? err.message : String(err)}. Your design was not changed.`,
    );
    return false;
  }
  const open = deps.open ?? openDocument;
  if (!(await open(result.document, 'Import Terraform'))) return false;
  (deps.show ?? showReport)(result, fileNames);
  return true;
}

/** Shows the report in its own dialog root (closing it removes it). */
function showReport(result: ImportResult, fileNames: readonly string[]): void {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const close = () => {
    root.unmount();
    host.remove();
  };
  root.render(
    createElement(ImportReportDialog, {
      fileNames,
      nodeCount: result.document.nodes.length,
      edgeCount: result.document.edges.length,
      report: result.report,
      onClose: close,
    }),
  );
}

/** Reads the chosen files' text; a file that cannot be read is reported and nothing is imported. */
export async function readChosenFiles(list: readonly File[]): Promise<TerraformFile[] | undefined> {
  const files: TerraformFile[] = [];
  for (const file of list) {
    try {
      files.push({ path: file.name, content: await file.text() });
    } catch (err) {
      editorStore
        .getState()
        .notify('error', `Could not read ${file.name}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
  return files;
}

/** "Import Terraform…": asks for one or more `.tf` files (one module) and imports them. */
export function chooseTerraformFiles(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = TERRAFORM_ACCEPT;
  input.multiple = true;
  input.addEventListener('change', async () => {
    const chosen = [...(input.files ?? [])].filter((f) => f.name.endsWith('.tf'));
    if (chosen.length === 0) return;
    const files = await readChosenFiles(chosen);
    if (files) await importTerraformFiles(files);
  });
  input.click();
}
