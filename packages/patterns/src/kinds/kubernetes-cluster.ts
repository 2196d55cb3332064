import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { bool, num, oneOf, text } from '../catalog/fields';
import { compareVersions, fixed, hourly, priceKey } from '../cost/helpers';
import { EC2_INSTANCE_TYPE } from './vm-group';

/** Oldest Kubernetes minor version in EKS standard support on the price file's date (EKS version calendar). */
const EKS_OLDEST_STANDARD_SUPPORT = '1.33';
/** EKS managed node groups give each node a 20 GB root volume by default. */
const NODE_VOLUME_GB = 20;

export const kubernetesCluster = defineKind({
  id: 'kubernetes-cluster',
  label: 'Kubernetes cluster',
  category: 'groups',
  icon: 'boxes',
  description:
    'A managed Kubernetes control plane and its worker nodes; place Kubernetes services inside it. Add default-deny network policies, and an Istio mesh for mTLS and canary traffic splits.',
  traits: ['group', 'zonal'],
  group: { contains: ['kubernetes-service'] },
  config: z
    .object({
      defaultDeny: bool({
        default: false,
        description: 'Default-deny NetworkPolicy in every namespace: pods talk only where a policy allows it',
      }),
      mesh: oneOf(['none', 'istio'], {
        default: 'none',
        description: 'Service mesh (Istio: mTLS, retries, traffic splits)',
      }),
      nodes: num({
        default: 3,
        min: 1,
        int: true,
        unit: 'count',
        description: 'Worker nodes (EC2 instances)',
      }),
      nodeInstanceType: text({
        default: 'm6i.large',
        pattern: EC2_INSTANCE_TYPE,
        patternHint: 'must be an EC2 instance type such as m6i.large',
        description: 'EC2 instance type of the worker nodes',
      }),
      version: text({
        default: '1.33',
        pattern: /^\d+\.\d+$/,
        patternHint: 'must be a Kubernetes minor version such as 1.33',
        description: 'Kubernetes version (versions past standard support cost extra)',
      }),
    })
    .strict(),
  accepts: [],
  connectionHint:
    'A Kubernetes cluster is a group: place Kubernetes services inside it and connect the services.',
  cost: {
    aws: {
      components(ctx) {
        const { nodes, nodeInstanceType, version } = ctx.config;
        const extended = compareVersions(version, EKS_OLDEST_STANDARD_SUPPORT) < 0;
        if (extended) {
          ctx.assume(
            `Kubernetes ${version} is past EKS standard support (${EKS_OLDEST_STANDARD_SUPPORT} is the oldest version in it as of the price date): extended support pricing`,
          );
        }
        return [
          hourly(
            ctx,
            `EKS control plane (${extended ? 'extended' : 'standard'} support)`,
            1,
            priceKey('eks.cluster', extended ? 'extended' : 'standard'),
          ),
          hourly(
            ctx,
            `Worker nodes (${nodes} x ${nodeInstanceType})`,
            nodes,
            priceKey('ec2.instance', nodeInstanceType),
            nodeInstanceType,
          ),
          fixed(
            `Worker node volumes (${nodes} x ${NODE_VOLUME_GB} GB gp3)`,
            nodes * NODE_VOLUME_GB,
            'ebs.storage[gp3]',
          ),
        ];
      },
    },
  },
  aws: {
    service: 'Amazon EKS',
    terraform: ['aws_eks_cluster', 'aws_eks_node_group', 'aws_iam_role'],
    cdk: ['aws_eks.Cluster'],
    docs: 'https://aws.amazon.com/eks/pricing/',
  },
});
