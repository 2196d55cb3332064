import { type ArchitectureDocument, emptyDocument } from '@stackdraft/patterns';
import { beforeEach, describe, expect, it } from 'vitest';
import { addNode, renameNode } from '../document/transforms';
import { createEditorStore } from './editor-store';
import { HISTORY_LIMIT } from './history';

let store = createEditorStore();
beforeEach(() => {
  store = createEditorStore();
});

const add = (kind: string, x = 0) => {
  const s = store.getState();
  return s.commit(`Add ${kind}`, addNode(s.doc, kind, { x, y: 0 }));
};

describe('editor store', () => {
  it('makes every committed change one undo step, restoring document and selection', () => {
    add('queue');
    add('function', 300);
    const s = store.getState();
    expect(s.doc.nodes.map((n) => n.id)).toEqual(['queue', 'function']);
    expect(s.selection.nodes).toEqual(['function']);
    s.undo();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['queue']);
    expect(store.getState().selection.nodes).toEqual(['queue']);
    store.getState().redo();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['queue', 'function']);
  });

  it('clears the redo side when a new change is made after an undo', () => {
    add('queue');
    add('function', 300);
    store.getState().undo();
    add('cache', 600);
    expect(store.getState().history.future).toHaveLength(0);
    store.getState().redo();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['queue', 'cache']);
  });

  it('shows the reason of a refused change and records nothing', () => {
    add('queue');
    const s = store.getState();
    expect(s.commit('Rename', renameNode(s.doc, 'queue', ''))).toBe(false);
    expect(store.getState().history.past).toHaveLength(1);
    expect(store.getState().notices.at(-1)?.text).toBe('A name cannot be empty.');
  });

  it('refuses a change that would make the design invalid (it would not load again)', () => {
    const s = store.getState();
    const broken: ArchitectureDocument = {
      ...emptyDocument(),
      nodes: [{ id: 'a', kind: 'queue', label: 'A', parent: 'nope' }],
    };
    expect(s.commit('Break', { ok: true, doc: broken })).toBe(false);
    expect(store.getState().doc.nodes).toEqual([]);
    expect(store.getState().notices.at(-1)?.text).toMatch(
      /would make the design invalid: nodes\[0\]\.parent/,
    );
  });

  it('counts document changes for autosave, and a transient gesture is not one', () => {
    const before = store.getState().changeCount;
    add('queue');
    store.getState().setTransient({ positions: new Map([['queue', { x: 50, y: 50 }]]), sizes: new Map() });
    expect(store.getState().changeCount).toBe(before + 1);
    expect(store.getState().doc.nodes[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) add('queue', i * 300);
    expect(store.getState().history.past).toHaveLength(HISTORY_LIMIT);
  });

  it('starts history afresh when the whole design is replaced', () => {
    add('queue');
    store.getState().replaceDocument(emptyDocument('Other'));
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().doc.name).toBe('Other');
  });
});
