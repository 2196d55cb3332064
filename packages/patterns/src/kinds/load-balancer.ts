import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, oneOf } from '../catalog/fields';

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
