import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'gateway-without-auth';

describe(RULE, () => {
  it('fires on a gateway with auth "none" (the default) and no auth service', () => {
    const doc = design({
      nodes: [
        node('use1', 'region', { name: 'us-east-1' }),
        node(
          'api',
          'api-gateway',
          { rateLimitPerSecond: 50 },
          { parent: 'use1', position: { x: 10, y: 20 } },
        ),
        node('app', 'function'),
      ],
      edges: [edge('api', 'app', 'sync')],
    });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      pillar: 'security',
      nodeIds: ['api'],
      fix: { id: 'add-auth' },
    });
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.nodes.find((n) => n.id === 'api')?.config).toEqual({
      rateLimitPerSecond: 50,
      auth: 'cognito',
    });
    expect(r.doc.nodes).toContainEqual({
      id: 'api-auth',
      kind: 'auth',
      label: 'api users',
      parent: 'use1',
      position: { x: 10, y: 200 },
    });
    expect(r.doc.edges).toContainEqual({
      id: 'e-api-api-auth',
      source: 'api',
      target: 'api-auth',
      kind: 'sync',
    });
  });

  it('does not fire with an authorizer configured or an edge to an auth service', () => {
    const doc = design({
      nodes: [node('a', 'api-gateway', { auth: 'iam' }), node('b', 'api-gateway'), node('pool', 'auth')],
      edges: [edge('b', 'pool', 'sync')],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });
});
