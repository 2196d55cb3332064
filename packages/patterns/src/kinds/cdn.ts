import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { oneOf, volume } from '../catalog/fields';

export const cdn = defineKind({
  id: 'cdn',
  label: 'CDN',
  category: 'edge',
  icon: 'zap',
  description:
    'Caches content at edge locations close to users, cutting latency and origin load. Data transfer out is usually its main cost.',
  traits: ['edge', 'global'],
  config: z
    .object({
      priceClass: oneOf(['PriceClass_100', 'PriceClass_200', 'PriceClass_All'], {
        default: 'PriceClass_100',
        description: 'Edge locations used (100: North America and Europe only, the cheapest)',
      }),
      dataOutGb: volume({ unit: 'GB', description: 'Data transferred out to the internet per month' }),
      requestsPerMonth: volume({
        unit: 'requests/month',
        description: 'HTTPS requests; derived from traffic when absent',
      }),
    })
    .strict(),
  accepts: [{ from: ['client', 'dns', 'waf'], as: 'sync' }],
  connectionHint: 'A CDN receives requests from clients, DNS or a WAF.',
  aws: {
    service: 'Amazon CloudFront',
    terraform: ['aws_cloudfront_distribution'],
    cdk: ['aws_cloudfront.Distribution'],
    docs: 'https://aws.amazon.com/cloudfront/pricing/',
  },
});
