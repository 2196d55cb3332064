import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, oneOf } from '../catalog/fields';
import { formatCount } from '../cost/format';
import { hourly, priceKey, usageLine } from '../cost/helpers';

export const loadBalancer = defineKind({
  id: 'load-balancer',
  label: 'Load balancer',
  category: 'edge',
  icon: 'split',
  description:
    'Spreads requests over healthy targets in several availability zones. Application (HTTP, path routing) or network (TCP/UDP, static IPs); internal ones front private services.',
  traits: ['edge', 'zonal'],
  config: z
    .object({
      type: oneOf(['application', 'network'], {
        default: 'application',
        description: 'Application (layer 7) or network (layer 4)',
      }),
      lcu: num({ default: 1, min: 0, unit: 'LCU', description: 'Average LCUs (or NLCUs) used per hour' }),
      internal: bool({ default: false, description: 'Internal: reachable only from inside the VPC' }),
    })
    .strict(),
  accepts: [
    { from: ['client', 'dns', 'cdn', 'waf', 'api-gateway', '@compute', 'external-service'], as: 'sync' },
  ],
  connectionHint:
    'A load balancer receives requests from clients, DNS, a CDN, a WAF, an API gateway, services or external services.',
  cost: {
    aws: {
      internetEgress: true,
      components(ctx) {
        const { type, internal } = ctx.config;
        const lcu = ctx.volume({
          field: 'lcu',
          label: type === 'network' ? 'average NLCUs' : 'average LCUs',
          traffic: 'requests',
          trafficFactor: {
            factor: 1 / (250 * 3600 * ctx.hoursPerMonth),
            why: 'about 1 capacity unit per 250 requests/s (25 new connections/s with connections reused for 10 requests)',
          },
          default: ctx.config.lcu,
          defaultWhy: 'the kind default',
        });
        const lines = [
          hourly(
            ctx,
            `${type === 'network' ? 'Network' : 'Application'} load balancer hours`,
            1,
            priceKey('elb.hours', type),
          ),
          usageLine(
            `Capacity units (${formatCount(lcu.value)} average)`,
            lcu,
            lcu.value * ctx.hoursPerMonth,
            priceKey('elb.lcu', type),
          ),
        ];
        if (!internal) {
          ctx.assume('An internet-facing load balancer spans 2 availability zones: 2 public IPv4 addresses');
          lines.push(hourly(ctx, 'Public IPv4 addresses (2 zones)', 2, 'vpc.public-ipv4'));
        }
        return lines;
      },
    },
  },
  aws: {
    service: 'Elastic Load Balancing',
    terraform: ['aws_lb', 'aws_lb_listener', 'aws_lb_target_group'],
    cdk: [
      'aws_elasticloadbalancingv2.ApplicationLoadBalancer',
      'aws_elasticloadbalancingv2.NetworkLoadBalancer',
    ],
    docs: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
  },
});
