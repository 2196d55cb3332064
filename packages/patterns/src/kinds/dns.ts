import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, oneOf, text, volume } from '../catalog/fields';
import { fixed, MILLION, priceKey, usageLine } from '../cost/helpers';

export const HOSTNAME = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const dns = defineKind({
  id: 'dns',
  label: 'DNS',
  category: 'edge',
  icon: 'signpost',
  description:
    'A hosted zone that resolves your domain. Latency or failover routing with health checks sends users to a healthy region in multi-region designs.',
  traits: ['edge', 'global'],
  config: z
    .object({
      domain: text({
        default: 'example.com',
        max: 253,
        pattern: HOSTNAME,
        patternHint: 'must be a lower-case domain name such as example.com',
        description: 'Domain of the hosted zone',
      }),
      routing: oneOf(['simple', 'latency', 'weighted', 'failover', 'geo'], {
        default: 'simple',
        description: 'Routing policy of the records',
      }),
      healthChecks: num({
        default: 0,
        min: 0,
        int: true,
        unit: 'count',
        description: 'Health checks on endpoints (needed for failover routing)',
      }),
      queriesPerMonth: volume({
        unit: 'queries/month',
        description: 'DNS queries; derived from traffic when absent',
      }),
    })
    .strict(),
  accepts: [{ from: ['client'], as: 'sync' }],
  connectionHint: 'DNS is only queried by clients.',
  cost: {
    aws: {
      components(ctx) {
        const queries = ctx.volume({
          field: 'queriesPerMonth',
          label: 'queries a month',
          traffic: 'requests',
          trafficFactor: {
            factor: 0.01,
            why: 'resolvers and browsers cache answers for the record TTL: about 1 query reaches Route 53 per 100 requests',
          },
          default: 1_000_000,
          defaultWhy: 'a small domain',
        });
        const { routing, healthChecks } = ctx.config;
        const tier = routing === 'latency' ? 'latency' : routing === 'geo' ? 'geo' : 'standard';
        const lines = [
          fixed('Hosted zone', 1, 'route53.hosted-zone'),
          usageLine(
            `Queries (${routing} routing)`,
            queries,
            queries.value / MILLION,
            priceKey('route53.queries', tier),
          ),
        ];
        if (healthChecks > 0)
          lines.push(fixed(`Health checks (${healthChecks})`, healthChecks, 'route53.health-check[aws]'));
        return lines;
      },
    },
  },
  aws: {
    service: 'Amazon Route 53',
    terraform: ['aws_route53_zone', 'aws_route53_record', 'aws_route53_health_check'],
    cdk: ['aws_route53.HostedZone', 'aws_route53.ARecord'],
    docs: 'https://aws.amazon.com/route53/pricing/',
  },
});
