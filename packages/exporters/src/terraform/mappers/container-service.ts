import type { DocumentNode } from '@stackdraft/patterns';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { type Body, block, blocks, jsonencode, tpl } from '../hcl';
import type { Res } from '../module';
import type { Network } from '../network';
import { output, placeInVpc } from './common';

interface ContainerConfig {
  platform: 'fargate' | 'app-runner' | 'ecs-ec2';
  tasks: number;
  cpu: number;
  memoryGb: number;
  architecture: 'x86_64' | 'arm64';
  port: number;
  image: string;
}

/** Fargate's CPU units and the memory sizes (MiB) each allows. */
const FARGATE_SIZES: readonly [number, readonly number[]][] = [
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m += step) out.push(m);
  return out;
}

/** The smallest valid Fargate size with at least the requested vCPU and memory. */
export function fargateSize(vcpu: number, memoryGb: number): { cpu: number; memory: number } {
  const wantCpu = Math.round(vcpu * 1024);
  const wantMem = Math.round(memoryGb * 1024);
  for (const [cpu, memories] of FARGATE_SIZES) {
    if (cpu < wantCpu) continue;
    const memory = memories.find((m) => m >= wantMem);
    if (memory !== undefined) return { cpu, memory };
  }
  return { cpu: 16384, memory: 122880 };
}

/** One ECS cluster per VPC, shared by the services in it. */
function clusterFor(ctx: ExportContext, node: DocumentNode, network: Network): Res {
  return ctx.shared(`ecs-cluster:${network.key}`, () => {
    const hint = `${network.nodeId ?? network.region}-cluster`;
    return ctx.done(node, 'aws_ecs_cluster', hint, {
      name: ctx.names.name('ecs', hint, '', `cluster:${network.key}`),
      setting: block({ name: 'containerInsights', value: 'enabled' }),
      tags: ctx.tags(undefined, hint),
    });
  });
}

/** A Cloud Map namespace per VPC, for API gateway private integrations with services. */
function namespaceFor(ctx: ExportContext, node: DocumentNode, network: Network): Res {
  return ctx.shared(`cloudmap-ns:${network.key}`, () =>
    ctx.done(
      node,
      'aws_service_discovery_private_dns_namespace',
      `${network.nodeId ?? network.region}-services`,
      {
        name: tpl`${ctx.names.prefix}-${ctx.names.suffix('cloudMap', network.nodeId ?? network.region, `ns:${network.key}`)}.internal`,
        description: 'Service discovery for API gateway private integrations',
        vpc: network.vpc.ref('id'),
        tags: ctx.tags(undefined, `${network.nodeId ?? network.region}-services`),
      },
    ),
  );
}

/**
 * `container-service` -> an ECS service on Fargate: cluster (one per VPC), task definition
 * (CPU and memory rounded up to a valid Fargate size, awsvpc networking, logs to its own log
 * group), execution and task roles, security group, and the service in private subnets.
 * Load balancers and API gateways attach themselves to it when they are wired.
 */
export const containerServiceMapper: KindMapper = {
  kinds: ['container-service'],
  map(ctx, node) {
    const c = ctx.config<ContainerConfig>(node);
    if (c.platform !== 'fargate') {
      ctx.info(
        `Platform ${c.platform} is exported as ECS on Fargate (same task definition and service).`,
        node.id,
      );
    }
    const place = placeInVpc(ctx, node, { compute: true });
    const inPublic =
      ctx.subnetNodeOf(node.id) !== undefined &&
      ctx.config<{ public: boolean }>(
        ctx.graph.nodes.get(ctx.subnetNodeOf(node.id) as string) as DocumentNode,
      ).public;
    const size = fargateSize(c.cpu, c.memoryGb);
    if (size.cpu !== Math.round(c.cpu * 1024) || size.memory !== Math.round(c.memoryGb * 1024)) {
      ctx.info(
        `${c.cpu} vCPU / ${c.memoryGb} GB is not a Fargate size: exported as ${size.cpu / 1024} vCPU / ${size.memory / 1024} GB.`,
        node.id,
      );
    }
    const logs = ctx.done(node, 'aws_cloudwatch_log_group', node.id, {
      name: tpl`/ecs/${ctx.names.prefix}-${ctx.names.suffix('ecs', node.id)}`,
      retention_in_days: 30,
      tags: ctx.tags(node.id, node.id),
    });
    // The execution role only pulls images and writes logs (AWS's managed policy): one per cluster.
    const execution = ctx.shared(`ecs-execution:${place.network.key}`, () => {
      const p = ctx.principal(node, 'ecs-tasks.amazonaws.com', 'execution');
      p.attach('service-role/AmazonECSTaskExecutionRolePolicy');
      return p;
    });
    const task = ctx.principal(node, 'ecs-tasks.amazonaws.com', 'task');
    const containerName = node.id;
    const taskDef = ctx.done(node, 'aws_ecs_task_definition', node.id, {
      family: ctx.names.name('ecs', node.id),
      requires_compatibilities: ['FARGATE'],
      network_mode: 'awsvpc',
      cpu: String(size.cpu),
      memory: String(size.memory),
      execution_role_arn: execution.role.ref('arn'),
      task_role_arn: task.role.ref('arn'),
      runtime_platform: block({
        operating_system_family: 'LINUX',
        cpu_architecture: c.architecture === 'arm64' ? 'ARM64' : 'X86_64',
      }),
      container_definitions: jsonencode([
        {
          name: containerName,
          image: c.image,
          essential: true,
          portMappings: [{ containerPort: c.port, protocol: 'tcp' }],
          logConfiguration: {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': logs.ref('name'),
              'awslogs-region': ctx.graph.regionOf(node.id),
              'awslogs-stream-prefix': 'app',
            },
          },
        },
      ]),
      tags: ctx.tags(node.id, node.id),
    });
    const cluster = clusterFor(ctx, node, place.network);
    const service = ctx.res(node, 'aws_ecs_service', node.id, {
      name: ctx.names.name('ecs', node.id),
      cluster: cluster.ref('id'),
      task_definition: taskDef.ref('arn'),
      desired_count: c.tasks,
      launch_type: 'FARGATE',
      propagate_tags: 'SERVICE',
      network_configuration: block({
        subnets: place.subnets,
        security_groups: [place.sg.res.ref('id')],
        assign_public_ip: inPublic,
      }),
      deployment_circuit_breaker: block({ enable: true, rollback: true }),
      load_balancer: undefined,
      service_registries: undefined,
      tags: ctx.tags(node.id, node.id),
    });
    const loadBalancers: Body[] = [];
    output(ctx, node, 'names', 'ECS service name', service.ref('name'));
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: service,
      arn: service.ref('id'),
      principal: task,
      sg: place.sg,
      port: c.port,
      ecs: {
        service,
        clusterName: cluster.ref('name'),
        containerName,
        port: c.port,
        loadBalancers,
        registry: () =>
          ctx.shared(`cloudmap:${node.id}`, () => {
            const svc = ctx.done(node, 'aws_service_discovery_service', node.id, {
              name: ctx.names.suffix('cloudMap', node.id),
              dns_config: block({
                namespace_id: namespaceFor(ctx, node, place.network).ref('id'),
                routing_policy: 'MULTIVALUE',
                dns_records: block({ type: 'SRV', ttl: 10 }),
              }),
              tags: ctx.tags(node.id, node.id),
            });
            service.body.service_registries = block({
              registry_arn: svc.ref('arn'),
              container_name: containerName,
              container_port: c.port,
            });
            return svc;
          }),
      },
    };
  },
  finalize(_ctx, self) {
    const ecs = self.ecs as NonNullable<NodeExport['ecs']>;
    if (ecs.loadBalancers.length > 0) ecs.service.body.load_balancer = blocks(ecs.loadBalancers);
  },
};
