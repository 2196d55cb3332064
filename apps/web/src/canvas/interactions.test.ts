import { emptyDocument } from '@stackdraft/patterns';
import { beforeEach, describe, expect, it } from 'vitest';
import { editorStore } from '../store/editor-store';
import { handleEdgesChange, handleNodesChange } from './interactions';

beforeEach(() => {
  editorStore.getState().replaceDocument({
    ...emptyDocument(),
    nodes: [
      { id: 'q', kind: 'queue', label: 'Q', position: { x: 0, y: 0 } },
      { id: 'f', kind: 'function', label: 'F', position: { x: 300, y: 0 } },
    ],
    edges: [{ id: 'e', source: 'q', target: 'f', kind: 'trigger' }],
  });
});

describe('canvas gestures become commands', () => {
  it('keeps a drag in the transient overlay and commits its end as one step', () => {
    const before = editorStore.getState().doc;
    for (let i = 1; i <= 10; i++)
      handleNodesChange([{ type: 'position', id: 'q', position: { x: i * 16, y: 0 }, dragging: true }]);
    let s = editorStore.getState();
    expect(s.doc).toBe(before);
    expect(s.transient?.positions.get('q')).toEqual({ x: 160, y: 0 });
    handleNodesChange([{ type: 'position', id: 'q', position: { x: 160, y: 0 }, dragging: false }]);
    s = editorStore.getState();
    expect(s.transient).toBeNull();
    expect(s.doc.nodes[0]?.position).toEqual({ x: 160, y: 0 });
    expect(s.history.past).toHaveLength(1);
    expect(s.history.past[0]?.label).toBe('Move');
  });

  it('turns selection changes into the selection, for nodes and edges alike', () => {
    handleNodesChange([{ type: 'select', id: 'q', selected: true }]);
    handleEdgesChange([{ type: 'select', id: 'e', selected: true }]);
    expect(editorStore.getState().selection).toEqual({ nodes: ['q'], edges: ['e'] });
    handleNodesChange([{ type: 'select', id: 'q', selected: false }]);
    expect(editorStore.getState().selection).toEqual({ nodes: [], edges: ['e'] });
  });

  it('ignores removals from React Flow (deleting is a command of ours)', () => {
    handleNodesChange([{ type: 'remove', id: 'q' }]);
    expect(editorStore.getState().doc.nodes).toHaveLength(2);
  });
});
