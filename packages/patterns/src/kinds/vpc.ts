import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, text } from '../catalog/fields';
import { descendants, hourly, usageLine } from '../cost/helpers';

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
  cost: {
    aws: {
      components(ctx) {
        const { natGateways, flowLogs } = ctx.config;
        const lines = [];
        if (natGateways > 0) {
          // NAT gateways serve private subnets; a VPC drawn without subnets keeps its resources private.
          const subnets = descendants(ctx.graph, ctx.node.id).filter((n) => n.kind === 'subnet');
          const hasPrivate = subnets.length === 0 || subnets.some((s) => s.config?.public !== true);
          if (hasPrivate) {
            lines.push(
              hourly(ctx, `NAT gateways (${natGateways})`, natGateways, 'vpc.nat-gateway.hours'),
              hourly(
                ctx,
                `NAT gateway public IPv4 addresses (${natGateways})`,
                natGateways,
                'vpc.public-ipv4',
              ),
            );
          } else {
            ctx.assume('A VPC with only public subnets needs no NAT gateway: none priced');
          }
        }
        if (flowLogs) {
          const logs = ctx.volume({
            field: 'flowLogsGbPerMonth',
            label: 'GB of flow logs a month',
            default: 1,
            defaultWhy: 'a small VPC; flow log volume grows with connections',
          });
          lines.push(usageLine('Flow logs delivered to CloudWatch Logs', logs, logs.value, 'vpc.flow-logs'));
        }
        return lines;
      },
    },
  },
  aws: {
    service: 'Amazon VPC',
    terraform: ['aws_vpc', 'aws_internet_gateway', 'aws_nat_gateway', 'aws_route_table'],
    cdk: ['aws_ec2.Vpc'],
    docs: 'https://aws.amazon.com/vpc/pricing/',
  },
});
