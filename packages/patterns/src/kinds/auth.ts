import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, oneOf } from '../catalog/fields';
import { priceKey, usageLine } from '../cost/helpers';

export const auth = defineKind({
  id: 'auth',
  label: 'Auth',
  category: 'edge',
  icon: 'key-round',
  description:
    'A managed user directory and identity provider that issues tokens (OIDC/JWT). Connect it to an API gateway so the gateway validates callers.',
  traits: [],
  config: z
    .object({
      monthlyActiveUsers: num({
        default: 10_000,
        min: 0,
        int: true,
        unit: 'users/month',
        description: 'Users who sign in at least once a month',
      }),
      tier: oneOf(['lite', 'essentials', 'plus'], {
        default: 'essentials',
        description: 'Feature tier (Plus adds threat protection)',
      }),
    })
    .strict(),
  accepts: [{ from: ['client', 'api-gateway', 'load-balancer', 'cdn', '@compute'], as: 'sync' }],
  connectionHint: 'Auth is called by clients, an API gateway, a load balancer, a CDN or services.',
  cost: {
    aws: {
      traffic: { forwards: 'none' },
      components(ctx) {
        const users = ctx.volume({
          field: 'monthlyActiveUsers',
          label: 'monthly active users',
          default: ctx.config.monthlyActiveUsers,
          defaultWhy: 'the kind default',
        });
        const tier = ctx.config.tier;
        return [
          usageLine(`Monthly active users (${tier} plan)`, users, users.value, priceKey('cognito.mau', tier)),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon Cognito',
    terraform: ['aws_cognito_user_pool', 'aws_cognito_user_pool_client'],
    cdk: ['aws_cognito.UserPool', 'aws_cognito.UserPoolClient'],
    docs: 'https://aws.amazon.com/cognito/pricing/',
  },
});
