import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, volume } from '../catalog/fields';
import { fixed, usageLine } from '../cost/helpers';

export const secretsVault = defineKind({
  id: 'secrets-vault',
  label: 'Secrets vault',
  category: 'operations',
  icon: 'lock',
  description:
    'Stores and rotates credentials such as database passwords and API keys, so they are never in code or environment files. Cache secrets in services to keep API calls down.',
  traits: [],
  config: z
    .object({
      secrets: num({ default: 5, min: 0, int: true, unit: 'count', description: 'Secrets stored' }),
      rotationDays: num({
        default: 30,
        min: 1,
        max: 1000,
        int: true,
        unit: 'days',
        description: 'Time between automatic rotations',
      }),
      apiCallsPerMonth: volume({
        unit: 'calls/month',
        description: 'API calls (GetSecretValue...); derived from traffic when absent',
      }),
    })
    .strict(),
  accepts: [{ from: ['@compute', 'state-machine', 'sql-database', 'document-database'], as: 'sync' }],
  connectionHint: 'A secrets vault is read by services and state machines, and rotates database credentials.',
  cost: {
    aws: {
      // Services cache secrets (AWS's caching clients refresh hourly), so calls do not follow
      // requests: each caller makes at most one call per secret per hour.
      traffic: { forwards: 'none', volumeField: 'apiCallsPerMonth', cachedPerHourField: 'secrets' },
      components(ctx) {
        const { secrets } = ctx.config;
        const calls = ctx.volume({
          field: 'apiCallsPerMonth',
          label: 'API calls a month',
          traffic: 'requests',
          default: 100_000,
          defaultWhy: 'services that cache their secrets',
        });
        return [
          fixed(`Secrets (${secrets})`, secrets, 'secretsmanager.secrets'),
          usageLine('API calls', calls, calls.value / 10_000, 'secretsmanager.api-calls'),
        ];
      },
    },
  },
  aws: {
    service: 'AWS Secrets Manager',
    terraform: ['aws_secretsmanager_secret', 'aws_secretsmanager_secret_rotation'],
    cdk: ['aws_secretsmanager.Secret'],
    docs: 'https://aws.amazon.com/secrets-manager/pricing/',
  },
});
