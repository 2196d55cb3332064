import { describe, expect, it } from 'vitest';
import type { ArchitectureDocument } from '../document/schema';
import { graphOf } from './graph';

const doc: ArchitectureDocument = {
  stackdraft: 1,
  name: 'g',
  provider: 'aws',
  region: 'us-east-1',
  environment: 'production',
  nodes: [
    { id: 'eu', kind: 'region', label: 'EU', config: { name: 'eu-west-1' } },
    { id: 'vpc', kind: 'vpc', label: 'VPC', parent: 'eu' },
    { id: 'svc', kind: 'container-service', label: 'Service', parent: 'vpc' },
    { id: 'q', kind: 'queue', label: 'Queue' },
    { id: 'fn', kind: 'function', label: 'Worker' },
  ],
  edges: [
    { id: 'e1', source: 'svc', target: 'q' },
    { id: 'e2', source: 'q', target: 'fn', kind: 'trigger' },
    { id: 'bad', source: 'fn', target: 'eu' },
  ],
};

describe('graphOf', () => {
  it('indexes edges with resolved kinds, adjacency and ancestry', () => {
    const g = graphOf(doc);
    expect(g.outgoing('svc').map((e) => [e.edge.id, e.kind])).toEqual([['e1', 'async']]);
    expect(g.incoming('fn').map((e) => e.edge.id)).toEqual(['e2']);
    expect(g.edgesById.get('bad')?.kind).toBeUndefined();
    expect(g.ancestors('svc').map((n) => n.id)).toEqual(['vpc', 'eu']);
    expect(g.enclosing('svc', 'region')?.id).toBe('eu');
    expect(g.regionOf('svc')).toBe('eu-west-1');
    expect(g.regionOf('q')).toBe('us-east-1');
    expect(g.children('eu').map((n) => n.id)).toEqual(['vpc']);
    expect(g.hasTrait('svc', 'compute')).toBe(true);
  });

  it('is cached per document object', () => {
    expect(graphOf(doc)).toBe(graphOf(doc));
    expect(graphOf({ ...doc })).not.toBe(graphOf(doc));
  });
});
