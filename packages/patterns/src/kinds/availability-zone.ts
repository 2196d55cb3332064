import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { text } from '../catalog/fields';

export const AWS_AVAILABILITY_ZONE = /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/;

export const availabilityZone = defineKind({
  id: 'availability-zone',
  label: 'Availability zone',
  category: 'groups',
  icon: 'map-pin',
  description:
    'An isolated data centre location inside a region. Spread services and databases across at least two zones so that one zone failing does not take the system down.',
  traits: ['group'],
  group: { contains: ['subnet', '@zonal', 'function'] },
  config: z
    .object({
      name: text({
        default: 'us-east-1a',
        pattern: AWS_AVAILABILITY_ZONE,
        patternHint: 'must be a zone name such as us-east-1a or eu-west-1b',
        description: 'Availability zone name',
      }),
    })
    .strict(),
  accepts: [],
  connectionHint:
    'An availability zone is a group: place subnets and zonal nodes inside it and connect the nodes.',
  cost: {
    free: 'An availability zone is a placement, not a billed resource: what runs in it is priced on its own nodes, and traffic crossing zones on the edges.',
  },
  aws: {
    none: 'An availability zone is a placement (the subnet and instance `availability_zone` attribute), not a resource.',
  },
});
