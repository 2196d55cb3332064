import { fragmentFromText, fragmentOf, fragmentToText, pasteFragment } from '../document/fragment';
import { GRID, type XY } from '../document/geometry';
import { deleteElements } from '../document/transforms';
import { editorStore } from '../store/editor-store';
import { canvasApi } from './canvas-api';

/**
 * Copy and paste of parts of a design. The clipboard holds the fragment as text (JSON with a
 * marker), so it pastes into another tab or window of Stackdraft, and pasting a whole design's
 * YAML inserts its nodes. A copy kept here covers browsers that refuse clipboard reads.
 */

let lastCopied: string | undefined;
/** Where the pointer last was over the canvas (flow coordinates): pastes land there. */
let pointer: XY | undefined;
let pasteCount = 0;

export function trackPointer(p: XY | undefined): void {
  pointer = p;
}

function selectionText(): string | undefined {
  const s = editorStore.getState();
  const fragment = fragmentOf(s.doc, s.selection.nodes);
  return fragment ? fragmentToText(fragment) : undefined;
}

/** Copies the selected nodes (with what they contain and the edges among them). */
export async function copySelection(): Promise<void> {
  const text = selectionText();
  if (!text) return;
  lastCopied = text;
  pasteCount = 0;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Kept in `lastCopied`: paste in this tab still works.
  }
}

export async function cutSelection(): Promise<void> {
  await copySelection();
  const s = editorStore.getState();
  s.commit('Cut', deleteElements(s.doc, s.selection.nodes, []));
}

/** Pastes clipboard text as a fragment; says so when the clipboard holds no design. */
export async function pasteText(text: string | undefined): Promise<void> {
  const fragment = text ? await fragmentFromText(text) : undefined;
  const s = editorStore.getState();
  if (!fragment) {
    s.notify('info', 'The clipboard holds no Stackdraft nodes to paste.');
    return;
  }
  pasteCount++;
  // At the pointer when it is over the canvas; else next to the originals (each paste a step further).
  const inGroup = fragment.parent !== undefined && s.doc.nodes.some((n) => n.id === fragment.parent);
  const at =
    pointer && !inGroup
      ? pointer
      : { x: fragment.origin.x + GRID * 2 * pasteCount, y: fragment.origin.y + GRID * 2 * pasteCount };
  s.commit('Paste', pasteFragment(s.doc, fragment, at));
}

export async function pasteFromClipboard(): Promise<void> {
  let text: string | undefined;
  try {
    text = await navigator.clipboard.readText();
  } catch {
    text = lastCopied;
  }
  await pasteText(text || lastCopied);
}

function typingInField(): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function inDialog(): boolean {
  return document.activeElement?.closest('[role="dialog"]') != null;
}

/**
 * Installs the document-level clipboard handlers (Ctrl/Cmd+C, X, V arrive as these events, which
 * may read and write the clipboard without a permission prompt). Returns the uninstaller.
 */
export function installClipboard(): () => void {
  const onCopy = (e: ClipboardEvent) => {
    if (typingInField() || inDialog() || window.getSelection()?.toString()) return;
    const text = selectionText();
    if (!text || !e.clipboardData) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', text);
    lastCopied = text;
    pasteCount = 0;
  };
  const onCut = (e: ClipboardEvent) => {
    if (typingInField() || inDialog()) return;
    const before = editorStore.getState().selection.nodes.length;
    onCopy(e);
    if (before > 0 && e.defaultPrevented) {
      const s = editorStore.getState();
      s.commit('Cut', deleteElements(s.doc, s.selection.nodes, []));
    }
  };
  const onPaste = (e: ClipboardEvent) => {
    if (typingInField() || inDialog()) return;
    e.preventDefault();
    void pasteText(e.clipboardData?.getData('text/plain') || lastCopied);
  };
  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCut);
  document.addEventListener('paste', onPaste);
  return () => {
    document.removeEventListener('copy', onCopy);
    document.removeEventListener('cut', onCut);
    document.removeEventListener('paste', onPaste);
  };
}

/** Exposed for the canvas's pointer tracking. */
export function screenPointToFlow(clientX: number, clientY: number): XY {
  return canvasApi.screenToFlow({ x: clientX, y: clientY });
}
