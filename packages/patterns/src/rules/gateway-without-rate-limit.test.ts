import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, fix, node } from './test-support';

const RULE = 'gateway-without-rate-limit';

describe(RULE, () => {
  it('fires on a gateway with no limit for the API or any route', () => {
    const doc = design({
      nodes: [node('api', 'api-gateway', { auth: 'jwt' }), node('app', 'function')],
      edges: [edge('api', 'app', 'sync', { route: '/orders/*' })],
    });
    const [f, ...rest] = findingsOfRule(doc, RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      pillar: 'reliability',
      nodeIds: ['api'],
      fix: { label: 'Limit "api" to 100 requests/s' },
    });
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.nodes[0]?.config).toEqual({ auth: 'jwt', rateLimitPerSecond: 100, burstLimit: 200 });
  });

  it('derives the limit from the traffic clients state, through the front door', () => {
    const doc = design({
      nodes: [
        node('users', 'client', { requestsPerSecond: 120 }),
        node('waf', 'waf'),
        node('api', 'api-gateway', { auth: 'jwt' }),
        node('app', 'function'),
      ],
      edges: [
        edge('users', 'waf', 'sync'),
        edge('waf', 'api', 'sync', { ratio: 0.5 }),
        edge('api', 'app', 'sync'),
      ],
    });
    const [f] = findingsOfRule(doc, RULE);
    expect(f?.fix?.label).toBe('Limit "api" to 200 requests/s'); // 2 x 60 requests/s, rounded up to 1-2-5
    expect(fix(doc, f as NonNullable<typeof f>).doc.nodes.find((n) => n.id === 'api')?.config).toMatchObject({
      rateLimitPerSecond: 200,
    });
  });

  it('does not fire with a limit on the gateway or on a route', () => {
    const doc = design({
      nodes: [
        node('a', 'api-gateway', { rateLimitPerSecond: 100 }),
        node('b', 'api-gateway'),
        node('app', 'function'),
      ],
      edges: [
        edge('b', 'app', 'sync', { route: '/payments/*', rateLimitPerSecond: 0.03 }),
        edge('a', 'app', 'sync'),
      ],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });
});
