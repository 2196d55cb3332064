import type { ImportContext } from '../context';
import type { TfResource } from '../parse';
import { numberInText, stringInText } from '../values';
import { type Candidate, defined, lower, type ResourceMapper } from './types';

const lambda: ResourceMapper = {
  types: ['aws_lambda_function'],
  kind: () => 'function',
  config(res, ctx) {
    const r = ctx.reader(res);
    return defined({
      runtime: r.str('runtime'),
      architecture: firstString(r.raw('architectures')),
      memoryMb: r.num('memory_size'),
      timeoutS: r.num('timeout'),
    });
  },
};

/** cpu in CPU units ("1024") and memory in MiB ("2048"), from the task definition. */
function taskSize(task: TfResource | undefined, ctx: ImportContext): Candidate {
  if (!task) return {};
  const r = ctx.reader(task);
  const cpu = r.num('cpu');
  const memory = r.num('memory');
  const defs = r.raw('container_definitions');
  const arch = lower(r.str('runtime_platform', 'cpu_architecture'));
  return defined({
    cpu: cpu !== undefined ? cpu / 1024 : undefined,
    memoryGb: memory !== undefined ? memory / 1024 : undefined,
    architecture: arch === 'arm64' ? 'arm64' : arch === 'x86_64' ? 'x86_64' : undefined,
    port: numberInText(defs, 'containerPort'),
    image: stringInText(defs, 'image') ?? imageVariable(defs, ctx),
  });
}

/** `image = var.app_image` inside the container definitions: the variable's default. */
function imageVariable(defs: unknown, ctx: ImportContext): string | undefined {
  if (typeof defs !== 'string') return undefined;
  const name = /\bimage\s*=\s*((?:var|local)\.[A-Za-z_][\w-]*)/.exec(defs)?.[1];
  const value = name ? ctx.module.values.get(name) : undefined;
  return typeof value === 'string' && !value.includes('${') ? value : undefined;
}

const ecsService: ResourceMapper = {
  types: ['aws_ecs_service'],
  kind: () => 'container-service',
  config(res, ctx) {
    const r = ctx.reader(res);
    const task = ctx.refTo(res, 'task_definition', 'aws_ecs_task_definition');
    const launch = lower(r.str('launch_type'));
    const providers = r
      .blocks('capacity_provider_strategy')
      .map((b) => String(b.capacity_provider ?? '').toLowerCase());
    const fargate = launch === 'fargate' || providers.some((p) => p.startsWith('fargate'));
    const taskCompat = task ? JSON.stringify(ctx.reader(task).raw('requires_compatibilities') ?? '') : '';
    const platform =
      fargate || (!launch && taskCompat.includes('FARGATE'))
        ? 'fargate'
        : launch === 'ec2'
          ? 'ecs-ec2'
          : undefined;
    return defined({
      ...taskSize(task, ctx),
      platform,
      tasks: r.num('desired_count'),
      port: r.num('load_balancer', 'container_port') ?? taskSize(task, ctx).port,
    });
  },
};

const asg: ResourceMapper = {
  types: ['aws_autoscaling_group'],
  kind: () => 'vm-group',
  config(res, ctx) {
    const r = ctx.reader(res);
    const lt = ctx.refTo(res, 'launch_template', 'aws_launch_template');
    return defined({
      instances: r.num('desired_capacity') ?? r.num('min_size'),
      instanceType: lt ? ctx.reader(lt).str('instance_type') : undefined,
    });
  },
};

const eks: ResourceMapper = {
  types: ['aws_eks_cluster'],
  kind: () => 'kubernetes-cluster',
  config(res, ctx) {
    const groups = ctx.users(res, ['aws_eks_node_group'], 'cluster_name');
    let nodes: number | undefined;
    let type: string | undefined;
    for (const g of groups) {
      const r = ctx.reader(g);
      const n = r.num('scaling_config', 'desired_size');
      if (n !== undefined) nodes = (nodes ?? 0) + n;
      type ??= firstString(r.raw('instance_types'));
    }
    return defined({ version: ctx.reader(res).str('version'), nodes, nodeInstanceType: type });
  },
};

function firstString(v: unknown): string | undefined {
  return Array.isArray(v) && typeof v[0] === 'string' && !v[0].includes('${') ? v[0] : undefined;
}

export const COMPUTE_MAPPERS: readonly ResourceMapper[] = [lambda, ecsService, asg, eks];
