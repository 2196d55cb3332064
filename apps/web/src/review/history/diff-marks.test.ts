import { type ArchitectureDocument, diffDocuments, emptyDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { changeLine, defaultPair, diffSpotlight, edgeName, showValue } from './diff-marks';

const before: ArchitectureDocument = {
  ...emptyDocument('Shop'),
  nodes: [
    { id: 'api', kind: 'api-gateway', label: 'Public API', position: { x: 0, y: 0 } },
    {
      id: 'orders',
      kind: 'queue',
      label: 'Orders',
      position: { x: 200, y: 0 },
      config: { visibilityTimeoutS: 30 },
    },
    { id: 'old', kind: 'queue', label: 'Old', position: { x: 400, y: 0 } },
  ],
  edges: [{ id: 'api-orders', source: 'api', target: 'orders', kind: 'async' }],
} as ArchitectureDocument;

const after: ArchitectureDocument = {
  ...before,
  nodes: [
    before.nodes[0],
    { ...before.nodes[1], config: { visibilityTimeoutS: 120 } },
    { id: 'worker', kind: 'lambda', label: 'Worker', position: { x: 400, y: 0 } },
  ],
  edges: [...before.edges, { id: 'orders-worker', source: 'orders', target: 'worker', kind: 'async' }],
} as ArchitectureDocument;

describe('diff marks', () => {
  it('marks added nodes and edges ok and changed ones degraded, never the removed or unchanged', () => {
    const spot = diffSpotlight(diffDocuments(before, after));
    expect([...spot.nodes]).toEqual([
      ['worker', 'ok'],
      ['orders', 'degraded'],
    ]);
    expect([...spot.edges]).toEqual([['orders-worker', 'ok']]);
    expect(spot.nodes.has('old')).toBe(false);
    expect(spot.nodes.has('api')).toBe(false);
    expect(spot.dimOthers).toBe(false);
  });

  it('writes a config change as path before → after', () => {
    const diff = diffDocuments(before, after);
    const orders = diff.nodes.changed.find((c) => c.id === 'orders');
    expect(orders?.changes.map(changeLine)).toEqual(['config.visibilityTimeoutS: 30 → 120']);
    expect(showValue(undefined)).toBe('unset');
    expect(showValue('x'.repeat(100), 10)).toHaveLength(10);
    expect(edgeName(after, 'orders-worker')).toBe('Orders → Worker');
  });

  it('compares the previous version with the newest by default', () => {
    expect(defaultPair([{ version: 3 }, { version: 1 }, { version: 2 }])).toEqual([2, 3]);
    expect(defaultPair([{ version: 1 }])).toEqual([1, 1]);
    expect(defaultPair([])).toBeUndefined();
  });
});
