import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, text } from '../catalog/fields';
import { IPV4_CIDR } from './vpc';

export const subnet = defineKind({
  id: 'subnet',
  label: 'Subnet',
  category: 'groups',
  icon: 'layout-grid',
  description:
    'An address range in one availability zone. A public subnet routes to the internet gateway; keep databases and internal services in private subnets.',
  traits: ['group'],
  group: { contains: ['@zonal', 'kubernetes-cluster', 'function'] },
  config: z
    .object({
      public: bool({
        default: false,
        description: 'Routes to an internet gateway (reachable from the internet)',
      }),
      cidr: text({
        default: '10.0.1.0/24',
        pattern: IPV4_CIDR,
        patternHint: 'must be an IPv4 CIDR block from /16 to /28, such as 10.0.1.0/24',
        description: 'IPv4 address range of the subnet, inside the VPC range',
      }),
    })
    .strict(),
  accepts: [],
  connectionHint: 'A subnet is a group: place VPC-resident nodes inside it and connect the nodes.',
  cost: {
    free: 'A subnet is not billed; the NAT gateways its private traffic uses are priced on the VPC.',
  },
  aws: {
    service: 'Amazon VPC',
    terraform: ['aws_subnet', 'aws_route_table_association'],
    cdk: ['aws_ec2.Subnet'],
    docs: 'https://aws.amazon.com/vpc/pricing/',
  },
});
