import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, text } from '../catalog/fields';

/** An IPv4 CIDR block with a prefix AWS allows for VPCs and subnets (/16 to /28). */
export const IPV4_CIDR =
  /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\/(1[6-9]|2[0-8])$/;

export const vpc = defineKind({
  id: 'vpc',
  label: 'VPC',
  category: 'groups',
  icon: 'network',
  description:
    'A private network for VPC-resident resources. Put databases and services in private subnets and deny traffic by default (zero trust) instead of relying on the network edge.',
  traits: ['group'],
  group: { contains: ['availability-zone', 'subnet', 'kubernetes-cluster', '@zonal', 'function'] },
  config: z
    .object({
      defaultDeny: bool({
        default: false,
        description: 'Deny all traffic between resources unless a security group or network ACL allows it',
      }),
      cidr: text({
        default: '10.0.0.0/16',
        pattern: IPV4_CIDR,
        patternHint: 'must be an IPv4 CIDR block from /16 to /28, such as 10.0.0.0/16',
        description: 'IPv4 address range of the VPC',
      }),
      natGateways: num({
        default: 1,
        min: 0,
        max: 100,
        int: true,
        unit: 'count',
        description: "NAT gateways for private subnets' internet egress; one per AZ for HA",
      }),
      flowLogs: bool({ default: true, description: 'Record accepted and rejected traffic (VPC Flow Logs)' }),
    })
    .strict(),
  accepts: [],
  connectionHint:
    'A VPC is a group: place zones, subnets and VPC-resident nodes inside it and connect the nodes.',
  aws: {
    service: 'Amazon VPC',
    terraform: ['aws_vpc', 'aws_internet_gateway', 'aws_nat_gateway', 'aws_route_table'],
    cdk: ['aws_ec2.Vpc'],
    docs: 'https://aws.amazon.com/vpc/pricing/',
  },
});
