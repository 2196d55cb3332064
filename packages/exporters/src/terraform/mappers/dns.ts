import type { ResolvedEdge } from '@stackdraft/patterns';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { type Body, block, type Value } from '../hcl';
import type { Res } from '../module';
import { description, output, target } from './common';

interface DnsConfig {
  domain: string;
  routing: 'simple' | 'latency' | 'weighted' | 'failover' | 'geo';
  healthChecks: number;
}

interface Endpoint {
  node: NodeExport;
  edge: ResolvedEdge;
  /** Alias target (CloudFront, load balancer) or a host name for a CNAME. */
  alias?: { name: Value; zoneId: Value };
  host?: Value;
  https: boolean;
}

/** What a record for this edge points at; a WAF is followed to what it protects. */
function endpointsOf(ctx: ExportContext, e: ResolvedEdge, seen = new Set<string>()): Endpoint[] {
  const t = target(ctx, e);
  if (!t || seen.has(t.node.id)) return [];
  seen.add(t.node.id);
  if (t.cdn)
    return [
      {
        node: t,
        edge: e,
        alias: { name: t.cdn.ref('domain_name'), zoneId: t.cdn.ref('hosted_zone_id') },
        https: true,
      },
    ];
  if (t.lb && !t.lb.internal) {
    return [
      {
        node: t,
        edge: e,
        alias: { name: t.lb.res.ref('dns_name'), zoneId: t.lb.res.ref('zone_id') },
        https: false,
      },
    ];
  }
  if (t.externalUrl)
    return [{ node: t, edge: e, host: t.externalUrl.hostname, https: t.externalUrl.protocol === 'https:' }];
  if (t.waf)
    return ctx
      .edges(t.node.id, 'out', 'sync')
      .flatMap((x) => endpointsOf(ctx, x, seen).map((p) => ({ ...p, edge: e })));
  return [];
}

/**
 * `dns` -> `aws_route53_zone` for the domain and `aws_route53_record`s for the edges: alias
 * records to CloudFront and public load balancers (through a WAF to what it protects), CNAMEs to
 * external hosts. Latency, weighted, failover and geo routing share the domain name with one
 * record per target and, when the node asks for health checks, `aws_route53_health_check`s.
 */
export const dnsMapper: KindMapper = {
  kinds: ['dns'],
  map(ctx, node) {
    const c = ctx.config<DnsConfig>(node);
    const zone = ctx.done(node, 'aws_route53_zone', node.id, {
      name: c.domain,
      comment: description(node.label, 256),
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'name_servers', 'name servers to delegate the domain to', zone.ref('name_servers'));
    return { node, region: ctx.graph.regionOf(node.id), main: zone, arn: zone.ref('arn') };
  },
  wire(ctx, self) {
    const c = ctx.config<DnsConfig>(self.node);
    const zone = self.main as Res;
    const endpoints = ctx.edges(self.node.id, 'out', 'sync').flatMap((e) => endpointsOf(ctx, e));
    const routed = c.routing !== 'simple';
    let checks = 0;
    endpoints.forEach((p, i) => {
      ctx.handled(p.edge);
      const hint = `${self.node.id}-${p.node.node.id}`;
      // Simple routing allows one record per name: further targets get their own sub-domain.
      const name = routed || i === 0 ? c.domain : `${p.node.node.id.replace(/_/g, '-')}.${c.domain}`;
      const body: Body = { zone_id: zone.ref('zone_id'), name };
      if (p.alias) {
        Object.assign(body, {
          type: 'A',
          alias: block({ name: p.alias.name, zone_id: p.alias.zoneId, evaluate_target_health: true }),
        });
      } else {
        if (i === 0 && !routed) {
          ctx.warn(
            'A CNAME cannot be at the zone apex; the record was exported as www.',
            self.node.id,
            p.edge.edge.id,
          );
          body.name = `www.${c.domain}`;
        }
        Object.assign(body, { type: 'CNAME', ttl: 300, records: [p.host as Value] });
      }
      if (routed) {
        body.set_identifier = p.node.node.id;
        const policy = routingPolicy(ctx, c, p, i);
        if (!policy) return;
        Object.assign(body, policy);
        if (
          checks < c.healthChecks &&
          (c.routing === 'failover' || c.routing === 'latency' || c.routing === 'weighted')
        ) {
          checks++;
          const check = ctx.done(self.node, 'aws_route53_health_check', hint, {
            type: p.https ? 'HTTPS' : 'HTTP',
            fqdn: p.alias?.name ?? p.host,
            port: p.https ? 443 : 80,
            resource_path: '/',
            failure_threshold: 3,
            request_interval: 30,
            tags: ctx.tags(self.node.id, hint),
          });
          body.health_check_id = check.ref('id');
        }
      }
      ctx.done(self.node, 'aws_route53_record', hint, body);
    });
  },
};

function routingPolicy(ctx: ExportContext, c: DnsConfig, p: Endpoint, i: number): Body | undefined {
  switch (c.routing) {
    case 'latency':
      return { latency_routing_policy: block({ region: p.node.region }) };
    case 'weighted':
      return {
        weighted_routing_policy: block({
          weight: Math.min(255, Math.round((p.edge.edge.config?.ratio ?? 1) * 100)),
        }),
      };
    case 'failover':
      if (i > 1) {
        ctx.warn(
          'Failover routing has one primary and one secondary record; further targets were not exported.',
          p.edge.source.id,
          p.edge.edge.id,
        );
        return undefined;
      }
      return { failover_routing_policy: block({ type: i === 0 ? 'PRIMARY' : 'SECONDARY' }) };
    case 'geo':
      if (i > 0) {
        ctx.warn(
          'Geo routing needs a location per record: only the default record (*) was exported; add the others with their country or continent.',
          p.edge.source.id,
          p.edge.edge.id,
        );
        return undefined;
      }
      return { geolocation_routing_policy: block({ country: '*' }) };
    default:
      return {};
  }
}
