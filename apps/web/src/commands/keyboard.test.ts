import { emptyDocument } from '@stackdraft/patterns';
import { beforeEach, describe, expect, it } from 'vitest';
import { editorStore } from '../store/editor-store';
import { handleKeyDown } from './keyboard';
import { COMMANDS } from './registry';
import { displayShortcut, matches } from './shortcuts';

function press(
  key: string,
  opts: KeyboardEventInit = {},
  target: EventTarget = document.body,
): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...opts });
  Object.defineProperty(e, 'target', { value: target });
  handleKeyDown(e);
  return e;
}

beforeEach(() => {
  editorStore.getState().replaceDocument({
    ...emptyDocument(),
    nodes: [
      { id: 'q', kind: 'queue', label: 'Q', position: { x: 0, y: 0 } },
      { id: 'f', kind: 'function', label: 'F', position: { x: 320, y: 0 } },
    ],
  });
  editorStore.getState().openDialog(null);
});

describe('keyboard shortcuts run commands', () => {
  it('deletes the selection with Delete and Backspace, and undoes with Ctrl+Z / redoes with Ctrl+Shift+Z', () => {
    editorStore.getState().select({ nodes: ['q'], edges: [] });
    expect(press('Delete').defaultPrevented).toBe(true);
    expect(editorStore.getState().doc.nodes.map((n) => n.id)).toEqual(['f']);
    press('z', { ctrlKey: true });
    expect(editorStore.getState().doc.nodes.map((n) => n.id)).toEqual(['q', 'f']);
    press('Z', { ctrlKey: true, shiftKey: true });
    expect(editorStore.getState().doc.nodes.map((n) => n.id)).toEqual(['f']);
    editorStore.getState().select({ nodes: ['f'], edges: [] });
    press('Backspace');
    expect(editorStore.getState().doc.nodes).toEqual([]);
  });

  it('leaves keys alone while typing in a field', () => {
    editorStore.getState().select({ nodes: ['q'], edges: [] });
    const input = document.createElement('input');
    const e = press('Backspace', {}, input);
    expect(e.defaultPrevented).toBe(false);
    expect(editorStore.getState().doc.nodes).toHaveLength(2);
  });

  it('does not rename when Enter activates a button', () => {
    editorStore.getState().select({ nodes: ['q'], edges: [] });
    press('Enter', {}, document.createElement('button'));
    expect(editorStore.getState().renamingId).toBeNull();
    press('Enter');
    expect(editorStore.getState().renamingId).toBe('q');
    editorStore.getState().startRename(null);
  });

  it('nudges the selection by one grid step with an arrow key, as one undo step', () => {
    editorStore.getState().select({ nodes: ['f'], edges: [] });
    press('ArrowDown');
    expect(editorStore.getState().doc.nodes[1]?.position).toEqual({ x: 320, y: 16 });
    press('ArrowLeft', { shiftKey: true });
    expect(editorStore.getState().doc.nodes[1]?.position).toEqual({ x: 256, y: 16 });
    press('z', { ctrlKey: true });
    expect(editorStore.getState().doc.nodes[1]?.position).toEqual({ x: 320, y: 16 });
  });

  it('duplicates with Ctrl+D and selects the copy', () => {
    editorStore.getState().select({ nodes: ['q'], edges: [] });
    press('d', { ctrlKey: true });
    expect(editorStore.getState().selection.nodes).toEqual(['q-2']);
  });
});

describe('the command registry', () => {
  it('has unique ids and no shortcut bound twice', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = COMMANDS.flatMap((c) => c.shortcuts ?? []);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('offers Add and Insert commands for every kind and template', () => {
    expect(COMMANDS.some((c) => c.label === 'Add Queue')).toBe(true);
    expect(COMMANDS.some((c) => c.label === 'Insert Queue-based processing with DLQ')).toBe(true);
  });

  it('matches and shows shortcuts', () => {
    expect(
      matches({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false }, 'Mod+Z'),
    ).toBe(true);
    expect(matches({ key: 'Z', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false }, 'Mod+Z')).toBe(
      false,
    );
    expect(displayShortcut('Mod+Shift+Z')).toBe('Ctrl+Shift+Z');
  });
});
