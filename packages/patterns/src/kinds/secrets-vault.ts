import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { num, volume } from '../catalog/fields';

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
  aws: {
    service: 'AWS Secrets Manager',
    terraform: ['aws_secretsmanager_secret', 'aws_secretsmanager_secret_rotation'],
    cdk: ['aws_secretsmanager.Secret'],
    docs: 'https://aws.amazon.com/secrets-manager/pricing/',
  },
});
