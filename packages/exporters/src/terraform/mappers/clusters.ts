import type { KindMapper } from '../context';
import { block, blocks, type Value } from '../hcl';
import { output, placeInVpc } from './common';

interface VmConfig {
  instanceType: string;
  instances: number;
  storageGb: number;
}

/** Graviton instance families (m7g, c6gn, t4g...) run arm64 images. */
function isArm(instanceType: string): boolean {
  return /^[a-z]+\d+[a-z]*g[a-z]*\./.test(instanceType) && !/^(g|p)\d/.test(instanceType);
}

/**
 * `vm-group` -> `aws_launch_template` (latest Amazon Linux 2023 through its public SSM parameter,
 * encrypted gp3 root volume, IMDSv2 only, an instance profile whose role gets what the edges
 * need plus SSM access instead of SSH) and an `aws_autoscaling_group` over private subnets.
 */
export const vmGroupMapper: KindMapper = {
  kinds: ['vm-group'],
  map(ctx, node) {
    const c = ctx.config<VmConfig>(node);
    const place = placeInVpc(ctx, node, { compute: true });
    const principal = ctx.principal(node, 'ec2.amazonaws.com');
    principal.attach('AmazonSSMManagedInstanceCore');
    const profile = ctx.done(node, 'aws_iam_instance_profile', node.id, {
      name: ctx.names.name('instanceProfile', node.id),
      role: principal.role.ref('name'),
      tags: ctx.tags(node.id, node.id),
    });
    const arch = isArm(c.instanceType) ? 'arm64' : 'x86_64';
    const template = ctx.done(node, 'aws_launch_template', node.id, {
      name: ctx.names.name('launchTemplate', node.id),
      image_id: `resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${arch}`,
      instance_type: c.instanceType,
      vpc_security_group_ids: [place.sg.res.ref('id')],
      iam_instance_profile: block({ arn: profile.ref('arn') }),
      metadata_options: block({ http_tokens: 'required', http_endpoint: 'enabled' }),
      block_device_mappings: block({
        device_name: '/dev/xvda',
        ebs: block({ volume_size: c.storageGb, volume_type: 'gp3', encrypted: true }),
      }),
      tags: ctx.tags(node.id, node.id),
    });
    const targetGroups: Value[] = [];
    const asg = ctx.res(node, 'aws_autoscaling_group', node.id, {
      name: ctx.names.name('asg', node.id),
      min_size: c.instances,
      max_size: Math.max(c.instances * 2, 1),
      desired_capacity: c.instances,
      vpc_zone_identifier: place.subnets,
      health_check_type: 'EC2',
      target_group_arns: targetGroups,
      launch_template: block({ id: template.ref('id'), version: template.ref('latest_version') }),
      tag: blocks([
        { key: 'Name', value: ctx.nameTag(node.id), propagate_at_launch: true },
        { key: 'stackdraft:node', value: node.id, propagate_at_launch: true },
      ]),
    });
    output(ctx, node, 'asg_names', 'Auto Scaling group name', asg.ref('name'));
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: template,
      arn: asg.ref('arn'),
      principal,
      sg: place.sg,
      port: 80,
      asg: { res: asg, targetGroups },
    };
  },
};

interface ClusterConfig {
  nodes: number;
  nodeInstanceType: string;
  version: string;
  mesh: 'none' | 'istio';
}

/**
 * `kubernetes-cluster` -> `aws_eks_cluster` (API authentication, private subnets) with its IAM
 * role, and a managed `aws_eks_node_group` of `nodes` workers. Workloads inside it are exported by
 * the Kubernetes format; an Istio mesh is installed with Helm, not Terraform.
 */
export const kubernetesClusterMapper: KindMapper = {
  kinds: ['kubernetes-cluster'],
  map(ctx, node) {
    const c = ctx.config<ClusterConfig>(node);
    if (c.mesh === 'istio')
      ctx.info(
        'Install Istio on the cluster with Helm (istio-base, istiod); it is not part of the Terraform export.',
        node.id,
      );
    const place = placeInVpc(ctx, node, { compute: true });
    const clusterRole = ctx.principal(node, 'eks.amazonaws.com', 'cluster');
    const clusterPolicy = clusterRole.attach('AmazonEKSClusterPolicy');
    const cluster = ctx.done(
      node,
      'aws_eks_cluster',
      node.id,
      {
        name: ctx.names.name('eks', node.id),
        role_arn: clusterRole.role.ref('arn'),
        version: c.version,
        vpc_config: block({
          subnet_ids: place.subnets,
          security_group_ids: [place.sg.res.ref('id')],
          endpoint_private_access: true,
          endpoint_public_access: true,
        }),
        access_config: block({
          authentication_mode: 'API',
          bootstrap_cluster_creator_admin_permissions: true,
        }),
        tags: ctx.tags(node.id, node.id),
      },
      { dependsOn: [clusterPolicy] },
    );
    const nodeRole = ctx.principal(node, 'ec2.amazonaws.com', 'nodes');
    const attachments = [
      'AmazonEKSWorkerNodePolicy',
      'AmazonEKS_CNI_Policy',
      'AmazonEC2ContainerRegistryReadOnly',
    ].map((p) => nodeRole.attach(p));
    ctx.done(
      node,
      'aws_eks_node_group',
      node.id,
      {
        cluster_name: cluster.ref('name'),
        node_group_name: ctx.names.name('eksNodeGroup', `${node.id}-nodes`),
        node_role_arn: nodeRole.role.ref('arn'),
        subnet_ids: place.subnets,
        instance_types: [c.nodeInstanceType],
        ami_type: isArm(c.nodeInstanceType) ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
        scaling_config: block({
          desired_size: c.nodes,
          min_size: c.nodes,
          max_size: Math.max(c.nodes * 2, 1),
        }),
        update_config: block({ max_unavailable: 1 }),
        tags: ctx.tags(node.id, `${node.id}-nodes`),
      },
      { dependsOn: attachments },
    );
    output(ctx, node, 'cluster_endpoints', 'EKS API endpoint', cluster.ref('endpoint'));
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: cluster,
      arn: cluster.ref('arn'),
      principal: nodeRole,
      sg: place.sg,
      port: 443,
    };
  },
};
