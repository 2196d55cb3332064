import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { text } from '../catalog/fields';

export const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

export const region = defineKind({
  id: 'region',
  label: 'Region',
  category: 'groups',
  icon: 'globe',
  description:
    'A cloud region. Nodes inside it are deployed there; two regions with replicated data make a multi-region design.',
  traits: ['group'],
  group: {
    contains: [
      'availability-zone',
      'vpc',
      'kubernetes-cluster',
      '@entry',
      '@compute',
      '@data',
      '@messaging',
      'state-machine',
      'api-gateway',
      'load-balancer',
      'waf',
      'auth',
      'secrets-vault',
      'monitoring',
      'external-service',
    ],
  },
  config: z
    .object({
      name: text({
        default: 'us-east-1',
        pattern: AWS_REGION,
        patternHint: 'must be a region code such as us-east-1 or eu-west-1',
        description: 'Region code',
      }),
    })
    .strict(),
  accepts: [],
  connectionHint: 'A region is a group: place nodes inside it and connect the nodes.',
  cost: {
    free: 'A region is where resources are placed, not a billed resource; its nodes are priced at its regional rates.',
  },
  aws: {
    none: 'A region is where resources are placed; it becomes a provider alias / stack environment, not a resource.',
  },
});
