import { type Graph, graphOf } from '../graph/graph';
import { named } from './context';
import { defineRule } from './define-rule';
import { updateNodeConfig } from './edit';
import { niceCeil, statedClientRps } from './traffic';

/** The rate limit the fix sets when no client states its traffic. */
export const DEFAULT_RATE_LIMIT = 100;

export const gatewayWithoutRateLimit = defineRule({
  id: 'gateway-without-rate-limit',
  title: 'API gateway without a rate limit',
  severity: 'warning',
  pillar: 'reliability',
  alsoAffects: ['security'],
  explanation:
    'Without throttling, one misbehaving client, a retry storm or a scraper can send the gateway more ' +
    'requests than the services behind it can serve: they slow down for everybody, autoscaling runs up the ' +
    'bill, and a database falls over. The API gateway pattern sets a rate and a burst limit for the whole ' +
    'API, and tighter ones on expensive routes (the seed limits /orders/* to 1000 requests an hour), so that ' +
    'excess requests get a fast 429 instead of taking the system down. Set it a little above the peak you ' +
    'expect.',
  pattern: 'Microservices Patterns: API Gateway Pattern (rate limiting)',
  check(graph, ctx) {
    return ctx
      .ofKind('api-gateway')
      .filter(
        (gw) =>
          gw.config?.rateLimitPerSecond === undefined &&
          !graph.outgoing(gw.id).some((r) => r.edge.config?.rateLimitPerSecond !== undefined),
      )
      .map((gw) => ({
        nodeIds: [gw.id],
        message: `API gateway ${named(gw)} has no rate limit, neither for the API nor on any route: a burst of requests reaches the services behind it unthrottled.`,
        fixLabel: `Limit ${named(gw)} to ${suggestedLimit(graph, gw.id)} requests/s`,
      }));
  },
  fix: {
    id: 'add-rate-limit',
    label: 'Add a rate limit',
    apply(doc, finding) {
      const id = finding.nodeIds[0] as string;
      const limit = suggestedLimit(graphOf(doc), id);
      return updateNodeConfig(doc, id, (c) => ({
        ...c,
        rateLimitPerSecond: limit,
        ...(c.burstLimit === undefined ? { burstLimit: limit * 2 } : {}),
      }));
    },
  },
});

/** Twice the stated client traffic (headroom for peaks), rounded up to 1-2-5; else 100 requests/s. */
function suggestedLimit(graph: Graph, gatewayId: string): number {
  const rps = statedClientRps(graph, gatewayId);
  return rps === undefined || rps <= 0 ? DEFAULT_RATE_LIMIT : Math.max(10, niceCeil(rps * 2));
}
