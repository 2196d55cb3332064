import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { oneOf, volume } from '../catalog/fields';
import { MILLION, priceKey, usageLine } from '../cost/helpers';

export const apiGateway = defineKind({
  id: 'api-gateway',
  label: 'API gateway',
  category: 'edge',
  icon: 'door-open',
  description:
    'The single entry point of an API: routes requests to services, authenticates callers and throttles them. A gateway without auth or a rate limit is a common pitfall.',
  traits: ['edge'],
  config: z
    .object({
      type: oneOf(['http', 'rest'], {
        default: 'http',
        description: 'HTTP API (cheaper, faster) or REST API (more features)',
      }),
      auth: oneOf(['none', 'jwt', 'iam', 'cognito'], {
        default: 'none',
        description: 'How callers are authorized',
      }),
      rateLimitPerSecond: volume({
        unit: 'requests/s',
        description: 'Account/stage-wide throttling rate; absent means no rate limit',
      }),
      burstLimit: z.number().int().min(0).optional().meta({
        description: 'Throttling burst: requests allowed at once above the rate; absent means no limit',
        unit: 'count',
      }),
      requestsPerMonth: volume({
        unit: 'requests/month',
        description: 'API calls; derived from traffic when absent',
      }),
    })
    .strict(),
  accepts: [{ from: ['client', 'dns', 'cdn', 'waf', '@compute', 'external-service'], as: 'sync' }],
  connectionHint:
    'An API gateway receives requests from clients, DNS, a CDN, a WAF, services or external services.',
  cost: {
    aws: {
      traffic: { volumeField: 'requestsPerMonth' },
      internetEgress: true,
      components(ctx) {
        const requests = ctx.volume({
          field: 'requestsPerMonth',
          label: 'requests a month',
          traffic: 'requests',
          document: 'requestsPerMonth',
          default: 1_000_000,
          defaultWhy: 'a small API, about 0.4 requests/s',
        });
        const type = ctx.config.type;
        return [
          usageLine(
            `${type === 'http' ? 'HTTP' : 'REST'} API requests`,
            requests,
            requests.value / MILLION,
            priceKey('apigateway.requests', type),
          ),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon API Gateway',
    terraform: [
      'aws_apigatewayv2_api',
      'aws_apigatewayv2_stage',
      'aws_apigatewayv2_route',
      'aws_apigatewayv2_integration',
      'aws_apigatewayv2_authorizer',
    ],
    cdk: ['aws_apigatewayv2.HttpApi'],
    docs: 'https://aws.amazon.com/api-gateway/pricing/',
  },
});
