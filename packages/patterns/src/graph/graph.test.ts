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

describe('graphOf arrays (the integer form rules and cost walk)', () => {
  it('numbers nodes in document order with adjacency that matches outgoing and incoming', () => {
    const g = graphOf(doc);
    const a = g.arrays;
    expect(a.nodes.map((n) => n.id)).toEqual(doc.nodes.map((n) => n.id));
    for (const n of doc.nodes) {
      const i = g.indexOf(n.id);
      const out: string[] = [];
      for (let p = a.outStart[i] as number; p < (a.outStart[i + 1] as number); p++)
        out.push(g.edges[a.outEdges[p] as number]?.edge.id as string);
      expect(out).toEqual(g.outgoing(n.id).map((r) => r.edge.id));
      expect(g.outgoingAt(i)).toEqual(g.outgoing(n.id));
      expect(g.incomingAt(i)).toEqual(g.incoming(n.id));
      expect(g.regionAt(i)).toBe(g.regionOf(n.id));
    }
    g.edges.forEach((r, k) => {
      expect(a.nodes[a.edgeSource[k] as number]).toBe(r.source);
      expect(a.nodes[a.edgeTarget[k] as number]).toBe(r.target);
      expect(a.edgeKinds[k]).toBe(r.kind);
    });
    expect(a.parents[g.indexOf('svc')]).toBe(g.indexOf('vpc'));
    expect(a.parents[g.indexOf('q')]).toBe(-1);
    expect(g.indexOf('nope')).toBe(-1);
    expect(g.outgoing('nope')).toEqual([]);
    expect(g.regionOf('nope')).toBe('us-east-1');
  });

  it('keeps Map semantics for repeated ids, missing parents and parent cycles', () => {
    const odd: ArchitectureDocument = {
      ...doc,
      nodes: [
        { id: 'a', kind: 'queue', label: 'first a' },
        { id: 'b', kind: 'function', label: 'B', parent: 'ghost' },
        { id: 'a', kind: 'function', label: 'second a' },
        { id: 'x', kind: 'region', label: 'X', parent: 'y' },
        { id: 'y', kind: 'region', label: 'Y', parent: 'x' },
      ],
      edges: [{ id: 'e', source: 'a', target: 'b', kind: 'sync' }],
    };
    const g = graphOf(odd);
    // A repeated id keeps its first place and its last node, like a Map filled in order.
    expect([...g.nodes.keys()]).toEqual(['a', 'b', 'x', 'y']);
    expect(g.nodes.get('a')?.label).toBe('second a');
    expect(g.edges[0]?.source.label).toBe('second a');
    expect(g.children('ghost').map((n) => n.id)).toEqual(['b']);
    expect(g.ancestors('b')).toEqual([]);
    // A parent cycle ends instead of looping.
    expect(g.enclosing('x', 'queue')).toBeUndefined();
    expect(g.ancestors('x').map((n) => n.id)).toEqual(['y']);
  });

  it('lists children by parent, and the nodes map behaves as a map', () => {
    const g = graphOf(doc);
    expect(g.children('vpc').map((n) => n.id)).toEqual(['svc']);
    expect(g.children('q')).toEqual([]);
    expect(g.nodes.size).toBe(5);
    expect(g.nodes.has('fn')).toBe(true);
    expect([...g.nodes.values()].map((n) => n.id)).toEqual(['eu', 'vpc', 'svc', 'q', 'fn']);
    const seen: string[] = [];
    g.nodes.forEach((n, id) => {
      seen.push(`${id}=${n.label}`);
    });
    expect(seen[0]).toBe('eu=EU');
    expect(g.edgesById.get('e2')?.kind).toBe('trigger');
  });
});
