import { emptyDocument, type Finding, insertTemplate } from '@stackdraft/patterns';
import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { AnalysisState } from '../analysis/analysis-store';
import { moveNodes } from '../document/transforms';
import { createEditorStore } from '../store/editor-store';
import { inlineCodeText } from './code-client';
import { CodeSync, type SyncStatus, type SyncTarget } from './code-sync';
import type { CodeMarker } from './markers';
import { applyEdit, type TextEdit } from './text-sync';

/** A text editor that records what the sync did to it. */
class FakeEditor implements SyncTarget {
  text = '';
  edits: TextEdit[] = [];
  markers: readonly CodeMarker[] = [];
  getText() {
    return this.text;
  }
  applyEdit(edit: TextEdit) {
    this.edits.push(edit);
    this.text = applyEdit(this.text, edit);
  }
  setMarkers(markers: readonly CodeMarker[]) {
    this.markers = markers;
  }
}

async function setup() {
  const store = createEditorStore();
  const doc = insertTemplate(emptyDocument(), 'queue-processing').document;
  store.getState().replaceDocument(doc);
  const analysis = createStore<AnalysisState>()(() => ({
    doc: null,
    findings: [],
    score: null,
    cost: null,
    error: null,
    ms: 0,
  }));
  const statuses: SyncStatus[] = [];
  const sync = new CodeSync({
    store,
    analysis,
    text: inlineCodeText(),
    onStatus: (s) => statuses.push(s),
    debounceMs: 5,
    canvasDelayMs: 1,
  });
  const editor = new FakeEditor();
  editor.text = await sync.initialText();
  sync.attach(editor);
  const last = () => statuses[statuses.length - 1];
  const type = (edit: (t: string) => string) => {
    editor.text = edit(editor.text);
    sync.textChanged();
  };
  return { store, analysis, sync, editor, last, type };
}

describe('CodeSync', () => {
  it('applies valid typed text as one undo step', async () => {
    const { store, editor, last, type } = await setup();
    const before = store.getState().doc;
    const first = before.nodes[0];
    if (!first) throw new Error('template has no nodes');
    type((t) => t.replace(`label: ${first.label}`, 'label: Typed in code'));
    await vi.waitFor(() => expect(store.getState().doc.nodes[0]?.label).toBe('Typed in code'));
    expect(store.getState().history.past).toHaveLength(1);
    expect(last()?.state).toBe('synced');
    // The text is the person's own: applying it does not rewrite it.
    expect(editor.edits).toHaveLength(0);
    store.getState().undo();
    expect(store.getState().doc).toBe(before);
  });

  it('keeps the design and shows markers while the text is invalid', async () => {
    const { store, editor, last, type } = await setup();
    const before = store.getState().doc;
    type((t) => t.replace(/kind: queue\n/, 'kind: quuee\n'));
    await vi.waitFor(() => expect(last()?.state).toBe('invalid'));
    expect(store.getState().doc).toBe(before);
    const line = editor.text.split('\n').findIndex((l) => l.includes('kind: quuee')) + 1;
    expect(editor.markers[0]).toMatchObject({ severity: 'error', startLine: line });
    expect(editor.markers[0]?.message).toMatch(/quuee/);
  });

  it('writes a canvas change as a minimal edit', async () => {
    const { store, editor } = await setup();
    const id = store.getState().doc.nodes[0]?.id ?? '';
    const before = editor.text;
    store.getState().commit('Move', moveNodes(store.getState().doc, new Map([[id, { x: 999, y: 777 }]])));
    await vi.waitFor(() => expect(editor.text).toContain('{ x: 999, y: 777 }'));
    expect(editor.edits).toHaveLength(1);
    const edit = editor.edits[0];
    expect(edit && edit.end - edit.start).toBeLessThan(20);
    expect(editor.text.length - before.length).toBeLessThan(20);
  });

  it('never overwrites invalid typed text with a canvas change: it waits until the person chooses', async () => {
    const { store, editor, last, type, sync } = await setup();
    type((t) => `${t}garbage: [\n`);
    await vi.waitFor(() => expect(last()?.state).toBe('invalid'));
    const typed = editor.text;
    const id = store.getState().doc.nodes[0]?.id ?? '';
    store.getState().commit('Move', moveNodes(store.getState().doc, new Map([[id, { x: 999, y: 777 }]])));
    await vi.waitFor(() => expect(last()?.canvasWaiting).toBe(true));
    expect(editor.text).toBe(typed);
    await sync.takeDesign();
    expect(editor.text).toContain('{ x: 999, y: 777 }');
    expect(editor.text).not.toContain('garbage');
    expect(last()).toMatchObject({ state: 'synced', canvasWaiting: false });
  });

  it('shows findings of the synced design on their nodes', async () => {
    const { store, analysis, editor } = await setup();
    const node = store.getState().doc.nodes[1];
    if (!node) throw new Error('template has two nodes');
    const finding: Finding = {
      rule: 'some-rule',
      key: 'k',
      severity: 'warning',
      pillar: 'reliability',
      nodeIds: [node.id],
      edgeIds: [],
      message: 'Something to look at.',
    };
    analysis.setState({ doc: store.getState().doc, findings: [finding] });
    const line = editor.text.split('\n').findIndex((l) => l.trim() === `- id: ${node.id}`) + 1;
    expect(editor.markers).toEqual([expect.objectContaining({ severity: 'warning', startLine: line })]);
  });
});

describe('CodeSync, typing back', () => {
  it('typing back to the design text applies nothing and lets waiting canvas changes in', async () => {
    const { store, editor, last, type } = await setup();
    const original = editor.text;
    type((t) => `${t}oops: [\n`);
    await vi.waitFor(() => expect(last()?.state).toBe('invalid'));
    const id = store.getState().doc.nodes[0]?.id ?? '';
    store.getState().commit('Move', moveNodes(store.getState().doc, new Map([[id, { x: 640, y: 480 }]])));
    await vi.waitFor(() => expect(last()?.canvasWaiting).toBe(true));
    type(() => original);
    await vi.waitFor(() => expect(editor.text).toContain('{ x: 640, y: 480 }'));
    expect(last()).toMatchObject({ state: 'synced', canvasWaiting: false });
    expect(store.getState().history.past).toHaveLength(1);
  });
});

describe('CodeSync, no-op text edits', () => {
  it('a comment is no design change: no undo step, same document', async () => {
    const { store, last, type } = await setup();
    const before = store.getState().doc;
    type((t) => `# reviewed by the platform team\n${t}`);
    await vi.waitFor(() => expect(last()?.state).toBe('synced'));
    expect(store.getState().doc).toBe(before);
    expect(store.getState().history.past).toHaveLength(0);
  });
});
