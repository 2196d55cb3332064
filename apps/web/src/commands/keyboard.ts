import { editorStore } from '../store/editor-store';
import { COMMANDS, isEnabled } from './registry';
import { matches } from './shortcuts';

function isField(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * Where a `canvas`-scoped shortcut may act: on the canvas (a node, an edge, the pane) or with the
 * keyboard nowhere in particular. Not on buttons, fields or dialogs, where keys mean other things.
 */
function onCanvas(target: Element | null): boolean {
  if (!target || target === document.body || target === document.documentElement) return true;
  return target.closest('.react-flow') !== null && !isField(target);
}

/**
 * The document-level keydown handler: finds the command bound to the key and runs it. Arrow keys
 * on a focused canvas node are left to React Flow, which moves the selection itself.
 */
export function handleKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing) return;
  const target = e.target instanceof Element ? e.target : null;
  const s = editorStore.getState();
  // Review has its own keys (arrows step through views) and no editing.
  if (s.dialog || s.renamingId || s.presenting) return;
  const inField = isField(target);
  for (const c of COMMANDS) {
    if (!c.shortcuts || c.nativeShortcut) continue;
    if (!c.shortcuts.some((k) => matches(e, k))) continue;
    // Fields keep their own undo, select-all and editing keys.
    if (inField) return;
    if (c.scope === 'canvas' && !onCanvas(target)) return;
    if (c.id.startsWith('edit.nudge') && target?.closest('.react-flow__node')) return;
    if (!isEnabled(c, s)) return;
    e.preventDefault();
    void c.run(s);
    return;
  }
}
