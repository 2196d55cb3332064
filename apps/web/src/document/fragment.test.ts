import {
  type ArchitectureDocument,
  checkIntegrity,
  emptyDocument,
  serializeDocument,
} from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { duplicateNodes, fragmentFromText, fragmentOf, fragmentToText, pasteFragment } from './fragment';

const design = (): ArchitectureDocument => ({
  ...emptyDocument('Orders'),
  nodes: [
    {
      id: 'use1',
      kind: 'region',
      label: 'us-east-1',
      position: { x: 100, y: 100 },
      size: { width: 800, height: 400 },
    },
    { id: 'orders', kind: 'queue', label: 'Orders', parent: 'use1', position: { x: 40, y: 60 } },
    { id: 'worker', kind: 'function', label: 'Worker', parent: 'use1', position: { x: 340, y: 60 } },
    { id: 'outside', kind: 'function', label: 'Outside', position: { x: 1200, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'orders', target: 'worker', kind: 'trigger' },
    { id: 'e2', source: 'orders', target: 'outside', kind: 'trigger' },
  ],
});

describe('copy and paste', () => {
  it('copies nodes with the edges among them only, relative to their top-left', () => {
    const f = fragmentOf(design(), ['orders', 'worker']);
    expect(f?.nodes.map((n) => [n.id, n.position])).toEqual([
      ['orders', { x: 0, y: 0 }],
      ['worker', { x: 300, y: 0 }],
    ]);
    expect(f?.edges.map((e) => e.id)).toEqual(['e1']);
    expect(f?.parent).toBe('use1');
    expect(f?.origin).toEqual({ x: 40, y: 60 });
  });

  it('copies a group with everything inside it', () => {
    const f = fragmentOf(design(), ['use1']);
    expect(f?.nodes.map((n) => n.id).sort()).toEqual(['orders', 'use1', 'worker']);
  });

  it('pastes with fresh ids and references that follow, into the same group, as the selection', () => {
    const doc = design();
    const r = duplicateNodes(doc, ['orders', 'worker']);
    if (!r.ok) throw new Error(r.reason);
    expect(checkIntegrity(r.doc)).toEqual([]);
    expect(r.select?.nodes).toEqual(['orders-2', 'worker-2']);
    const copy = r.doc.nodes.find((n) => n.id === 'orders-2');
    expect(copy?.parent).toBe('use1');
    expect(copy?.position).toEqual({ x: 80, y: 96 }); // 32 px away, snapped to the grid
    expect(r.doc.edges.find((e) => e.source === 'orders-2')?.target).toBe('worker-2');
  });

  it('round-trips through clipboard text, including to a design without the group', () => {
    const text = fragmentToText(
      fragmentOf(design(), ['orders', 'worker']) ?? { nodes: [], edges: [], origin: { x: 0, y: 0 } },
    );
    return fragmentFromText(text).then((f) => {
      expect(f?.nodes).toHaveLength(2);
      if (!f) return;
      const r = pasteFragment(emptyDocument(), f, { x: 500, y: 500 });
      if (!r.ok) throw new Error(r.reason);
      expect(checkIntegrity(r.doc)).toEqual([]);
      expect(r.doc.nodes.map((n) => [n.id, n.parent, n.position])).toEqual([
        ['orders', undefined, { x: 496, y: 496 }],
        ['worker', undefined, { x: 796, y: 496 }],
      ]);
    });
  });

  it('pastes the nodes of a whole design given as YAML', async () => {
    const f = await fragmentFromText(serializeDocument(design(), 'yaml'));
    expect(f?.nodes.map((n) => n.id).sort()).toEqual(['orders', 'outside', 'use1', 'worker']);
  });

  it('ignores text that is not a design', async () => {
    expect(await fragmentFromText('hello world')).toBeUndefined();
    expect(await fragmentFromText('{"stackdraft-fragment": 1, "nodes": [{"id": "BAD ID"}]}')).toBeUndefined();
  });
});
