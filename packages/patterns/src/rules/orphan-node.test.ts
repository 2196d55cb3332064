import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, node } from './test-support';

const RULE = 'orphan-node';

describe(RULE, () => {
  it('fires on a node with no edges', () => {
    const doc = design({ nodes: [node('cache', 'cache', {}, { label: 'Session cache' })] });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      pillar: 'operational-excellence',
      nodeIds: ['cache'],
      edgeIds: [],
    });
    expect(f?.message).toBe('Cache "Session cache" has no connections: nothing uses it and it uses nothing.');
    expect(f?.fix).toBeUndefined();
  });

  it('does not fire on groups or on connected nodes', () => {
    const doc = design({
      nodes: [
        node('r', 'region', { name: 'us-east-1' }),
        node('vpc', 'vpc', { defaultDeny: true }, { parent: 'r' }),
        node('a', 'function'),
        node('t', 'nosql-table'),
      ],
      edges: [edge('a', 't', 'sync')],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });
});
