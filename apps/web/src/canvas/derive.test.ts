import { type ArchitectureDocument, emptyDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION } from '../document/types';
import { createDeriver } from './derive';

const doc: ArchitectureDocument = {
  ...emptyDocument(),
  nodes: [
    { id: 'worker', kind: 'function', label: 'Worker', parent: 'use1', position: { x: 300, y: 60 } },
    { id: 'orders', kind: 'queue', label: 'Orders', parent: 'use1', position: { x: 40, y: 60 } },
    {
      id: 'use1',
      kind: 'region',
      label: 'us-east-1',
      position: { x: 0, y: 0 },
      config: { name: 'us-east-1' },
    },
    { id: 'loose', kind: 'cache', label: 'Loose' },
  ],
  edges: [{ id: 'e1', source: 'orders', target: 'worker' }],
};

describe('deriving the canvas from the document', () => {
  it('puts groups before their children and carries parent, size and label', () => {
    const d = createDeriver();
    const nodes = d.nodes(doc, EMPTY_SELECTION, null, null);
    // Depth first, groups before plain nodes at each depth, document order otherwise.
    expect(nodes.map((n) => n.id)).toEqual(['use1', 'loose', 'worker', 'orders']);
    expect(nodes[2]?.parentId).toBe('use1');
    expect(nodes[0]?.data).toMatchObject({ group: true, detail: 'us-east-1' });
    expect(nodes[2]?.ariaLabel).toBe('Worker');
    // A node without a position still gets one (until layout places it).
    expect(nodes[1]?.position).toEqual(expect.objectContaining({ x: expect.any(Number) }));
  });

  it('infers the kind of an edge written without one', () => {
    const edges = createDeriver().edges(doc, EMPTY_SELECTION);
    expect(edges[0]?.data?.kind).toBe('trigger');
    expect(edges[0]?.ariaLabel).toBe('Orders to Worker (trigger)');
  });

  it('reuses every flow node whose inputs did not change (a drag frame rebuilds one)', () => {
    const d = createDeriver();
    const first = d.nodes(doc, EMPTY_SELECTION, null, null);
    const moved = d.nodes(
      doc,
      EMPTY_SELECTION,
      { positions: new Map([['orders', { x: 99, y: 99 }]]), sizes: new Map() },
      null,
    );
    expect(moved.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(['orders']);
    expect(moved[3]?.position).toEqual({ x: 99, y: 99 });
    const selected = d.nodes(doc, { nodes: ['loose'], edges: [] }, null, null);
    expect(
      selected
        .filter((n, i) => n !== moved[i])
        .map((n) => n.id)
        .sort(),
    ).toEqual(['loose', 'orders']);
    expect(selected[1]?.selected).toBe(true);
  });
});
