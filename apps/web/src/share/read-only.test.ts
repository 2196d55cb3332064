import { emptyDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { EDIT_COMMANDS } from '../commands/edit-commands';
import { addNode } from '../document/transforms';
import { createEditorStore } from '../store/editor-store';

describe('view-only designs', () => {
  it('refuse every change at the one gate, commit, and say why', () => {
    const store = createEditorStore();
    const s = store.getState();
    expect(s.commit('Add', addNode(s.doc, 'queue', { x: 0, y: 0 }))).toBe(true);
    store.getState().setReadOnly(true);
    const before = store.getState().doc;
    const t = store.getState();
    expect(t.commit('Add', addNode(t.doc, 'cache', { x: 300, y: 0 }))).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().notices.at(-1)?.text).toMatch(/view only/i);
    store.getState().undo();
    expect(store.getState().doc).toBe(before);
  });

  it('still load a design (the shared one, or a newer version of it)', () => {
    const store = createEditorStore();
    store.getState().setReadOnly(true);
    const doc = { ...emptyDocument(), name: 'Shared' };
    store.getState().replaceDocument(doc);
    expect(store.getState().doc.name).toBe('Shared');
  });

  it('disable the editing commands in menus and shortcuts', () => {
    const store = createEditorStore();
    const s = store.getState();
    s.commit('Add', addNode(s.doc, 'queue', { x: 0, y: 0 }));
    const id = store.getState().doc.nodes[0]?.id as string;
    store.getState().select({ nodes: [id], edges: [] });
    const enabled = (cid: string) => {
      const c = EDIT_COMMANDS.find((x) => x.id === cid);
      return c?.when ? c.when(store.getState()) : true;
    };
    expect(enabled('edit.delete')).toBe(true);
    store.getState().setReadOnly(true);
    for (const cid of [
      'edit.delete',
      'edit.duplicate',
      'edit.cut',
      'edit.paste',
      'edit.rename',
      'edit.nudge-left',
    ]) {
      expect(enabled(cid), cid).toBe(false);
    }
    expect(enabled('edit.copy')).toBe(true);
  });
});
