import { type ArchitectureDocument, checkIntegrity, emptyDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { absolutePositions } from './geometry';
import { addNode, connect, deleteElements, moveNodes, renameNode } from './transforms';
import type { TransformResult } from './types';

function ok(r: TransformResult): ArchitectureDocument {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  expect(checkIntegrity(r.doc)).toEqual([]);
  return r.doc;
}

const withRegion = (): ArchitectureDocument => ({
  ...emptyDocument(),
  nodes: [
    {
      id: 'use1',
      kind: 'region',
      label: 'us-east-1',
      position: { x: 0, y: 0 },
      size: { width: 600, height: 400 },
    },
  ],
});

describe('addNode', () => {
  it('gives new nodes unique ids and labels and selects them', () => {
    let doc = emptyDocument();
    const first = addNode(doc, 'queue', { x: 0, y: 0 });
    doc = ok(first);
    doc = ok(addNode(doc, 'queue', { x: 300, y: 0 }));
    expect(doc.nodes.map((n) => [n.id, n.label])).toEqual([
      ['queue', 'Queue'],
      ['queue-2', 'Queue 2'],
    ]);
    expect(first.ok && first.select).toEqual({ nodes: ['queue'], edges: [] });
  });

  it('places a node dropped onto a group inside it, relative to the group', () => {
    const doc = ok(addNode(withRegion(), 'function', { x: 96, y: 112 }));
    const fn = doc.nodes.find((n) => n.kind === 'function');
    expect(fn?.parent).toBe('use1');
    expect(fn?.position).toEqual({ x: 96, y: 112 });
  });

  it('leaves a node on the canvas when the group under it may not contain it', () => {
    // A region holds no DNS (a global service).
    const doc = ok(addNode(withRegion(), 'dns', { x: 96, y: 112 }));
    expect(doc.nodes.find((n) => n.kind === 'dns')?.parent).toBeUndefined();
  });

  it('refuses an unknown kind', () => {
    expect(addNode(emptyDocument(), 'mainframe', { x: 0, y: 0 })).toEqual({
      ok: false,
      reason: 'There is no node kind "mainframe" in the catalog.',
    });
  });
});

describe('moveNodes', () => {
  it('moves a node into a group it is dragged onto, keeping where it is on screen', () => {
    let doc = ok(addNode(withRegion(), 'function', { x: 800, y: 0 }));
    expect(doc.nodes.find((n) => n.id === 'function')?.parent).toBeUndefined();
    doc = ok(moveNodes(doc, new Map([['function', { x: 160, y: 160 }]])));
    const fn = doc.nodes.find((n) => n.id === 'function');
    expect(fn?.parent).toBe('use1');
    expect(absolutePositions(doc).get('function')).toEqual({ x: 160, y: 160 });
  });

  it('moves a node dragged out of its group onto the canvas', () => {
    let doc = ok(addNode(withRegion(), 'function', { x: 96, y: 112 }));
    doc = ok(moveNodes(doc, new Map([['function', { x: 900, y: 50 }]])));
    const fn = doc.nodes.find((n) => n.id === 'function');
    expect(fn?.parent).toBeUndefined();
    expect(fn?.position).toEqual({ x: 900, y: 50 });
  });

  it('grows a group so that a child moved to its edge still fits', () => {
    let doc = ok(addNode(withRegion(), 'function', { x: 96, y: 112 }));
    doc = ok(moveNodes(doc, new Map([['function', { x: 440, y: 340 }]])));
    const region = doc.nodes.find((n) => n.id === 'use1');
    expect(doc.nodes.find((n) => n.id === 'function')?.parent).toBe('use1');
    expect(region?.size?.width).toBeGreaterThanOrEqual(440 + 208);
    expect(region?.size?.height).toBeGreaterThanOrEqual(340 + 56);
  });

  it('changes nothing when positions are the same', () => {
    const doc = ok(addNode(emptyDocument(), 'queue', { x: 0, y: 0 }));
    const r = moveNodes(doc, new Map([['queue', { x: 0, y: 0 }]]));
    expect(r.ok && r.doc).toBe(doc);
  });
});

describe('deleteElements', () => {
  it('deletes a group with its contents and every edge touching them', () => {
    let doc = ok(addNode(withRegion(), 'queue', { x: 32, y: 64 }));
    doc = ok(addNode(doc, 'function', { x: 700, y: 64 }));
    doc = ok(connect(doc, 'queue', 'function'));
    doc = { ...doc, suppressions: [{ rule: 'orphan-node', nodeId: 'queue', reason: 'demo' }] };
    doc = ok(deleteElements(doc, ['use1'], []));
    expect(doc.nodes.map((n) => n.id)).toEqual(['function']);
    expect(doc.edges).toEqual([]);
    expect(doc.suppressions).toEqual([]);
  });

  it('refuses to delete a node that another node refers to, and says which', () => {
    const doc: ArchitectureDocument = {
      ...emptyDocument(),
      nodes: [
        { id: 'charge', kind: 'function', label: 'Charge card' },
        {
          id: 'flow',
          kind: 'state-machine',
          label: 'Order flow',
          config: { states: [{ name: 'Charge', type: 'Task', resource: 'charge', end: true }] },
        },
      ],
    };
    expect(checkIntegrity(doc)).toEqual([]);
    const r = deleteElements(doc, ['charge'], []);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/"Charge card" is used by "Order flow"/);
  });
});

describe('connect and rename', () => {
  it('connects with the kind the catalog infers', () => {
    let doc = ok(addNode(emptyDocument(), 'queue', { x: 0, y: 0 }));
    doc = ok(addNode(doc, 'function', { x: 300, y: 0 }));
    doc = ok(connect(doc, 'queue', 'function'));
    expect(doc.edges).toEqual([
      { id: 'queue-function', source: 'queue', target: 'function', kind: 'trigger' },
    ]);
  });

  it('refuses a connection the catalog does not allow, with its reason', () => {
    let doc = ok(addNode(emptyDocument(), 'dead-letter-queue', { x: 0, y: 0 }));
    doc = ok(addNode(doc, 'sql-database', { x: 300, y: 0 }));
    const r = connect(doc, 'dead-letter-queue', 'sql-database');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('cannot connect');
  });

  it('renames, trimming, and refuses an empty name', () => {
    const doc = ok(addNode(emptyDocument(), 'queue', { x: 0, y: 0 }));
    expect(ok(renameNode(doc, 'queue', '  Orders <queue> "A"  ')).nodes[0]?.label).toBe('Orders <queue> "A"');
    expect(renameNode(doc, 'queue', '   ')).toEqual({ ok: false, reason: 'A name cannot be empty.' });
  });
});
