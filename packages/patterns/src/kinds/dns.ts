import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, oneOf, text, volume } from '../catalog/fields';

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
  aws: {
    service: 'Amazon Route 53',
    terraform: ['aws_route53_zone', 'aws_route53_record', 'aws_route53_health_check'],
    cdk: ['aws_route53.HostedZone', 'aws_route53.ARecord'],
    docs: 'https://aws.amazon.com/route53/pricing/',
  },
});
