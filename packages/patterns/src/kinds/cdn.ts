import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { oneOf, volume } from '../catalog/fields';
import { KB_PER_GB } from '../cost/defaults';
import { usageLine } from '../cost/helpers';

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
  cost: {
    aws: {
      traffic: { volumeField: 'requestsPerMonth' },
      components(ctx) {
        const requests = ctx.volume({
          field: 'requestsPerMonth',
          label: 'requests a month',
          traffic: 'requests',
          document: 'requestsPerMonth',
          default: 10_000_000,
          defaultWhy: 'a small site, about 4 requests/s',
        });
        const dataOut = ctx.volume({
          field: 'dataOutGb',
          label: 'GB out a month',
          traffic: 'requests',
          trafficFactor: { factor: 50 / KB_PER_GB, why: 'an average response of 50 KB' },
          document: 'dataOutGb',
          default: 100,
          defaultWhy: 'a small site',
        });
        if (ctx.config.priceClass !== 'PriceClass_100') {
          ctx.assume('CloudFront priced at North America and Europe rates; viewers elsewhere cost more');
        }
        return [
          usageLine('Data transfer out to the internet', dataOut, dataOut.value, 'cloudfront.data-out'),
          usageLine('HTTPS requests', requests, requests.value / 10_000, 'cloudfront.requests[https]'),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon CloudFront',
    terraform: ['aws_cloudfront_distribution'],
    cdk: ['aws_cloudfront.Distribution'],
    docs: 'https://aws.amazon.com/cloudfront/pricing/',
  },
});
