import type { DocumentNode } from '@stackdraft/patterns';
import { resolveConfig } from '@stackdraft/patterns';
import { dnsLabel } from '../k8s/names';
import { type Emitter, placementProps } from './env';
import { fargateSize } from './fargate';
import { code, str } from './ts';

interface FunctionConfig {
  runtime: string;
  architecture: 'x86_64' | 'arm64';
  memoryMb: number;
  timeoutS: number;
}

/** Per runtime: the CDK constant, the handler and a placeholder source file for `functions/<id>/`. */
const RUNTIMES: Record<string, { constant: string; handler: string; file: string; source: string }> = {
  'nodejs22.x': {
    constant: 'NODEJS_22_X',
    handler: 'index.handler',
    file: 'index.mjs',
    source: nodeSource(),
  },
  'nodejs20.x': {
    constant: 'NODEJS_20_X',
    handler: 'index.handler',
    file: 'index.mjs',
    source: nodeSource(),
  },
  'python3.13': {
    constant: 'PYTHON_3_13',
    handler: 'index.handler',
    file: 'index.py',
    source: pythonSource(),
  },
  'python3.12': {
    constant: 'PYTHON_3_12',
    handler: 'index.handler',
    file: 'index.py',
    source: pythonSource(),
  },
  'ruby3.3': {
    constant: 'RUBY_3_3',
    handler: 'index.handler',
    file: 'index.rb',
    source:
      "require 'json'\n\n# Placeholder: replace with the function's code.\ndef handler(event:, context:)\n  puts event.to_json\n  { statusCode: 200 }\nend\n",
  },
  java21: {
    constant: 'JAVA_21',
    handler: 'com.example.Handler::handleRequest',
    file: 'README.md',
    source: compiled('a JAR'),
  },
  // go1.x is retired (Lambda refuses to create such functions): Go runs on the OS-only runtime.
  'go1.x': {
    constant: 'PROVIDED_AL2023',
    handler: 'bootstrap',
    file: 'README.md',
    source: compiled('a `bootstrap` binary (GOOS=linux, the architecture of the function)'),
  },
  'provided.al2023': {
    constant: 'PROVIDED_AL2023',
    handler: 'bootstrap',
    file: 'README.md',
    source: compiled('a `bootstrap` binary'),
  },
  dotnet8: {
    constant: 'DOTNET_8',
    handler: 'Function::Function.Handler::FunctionHandler',
    file: 'README.md',
    source: compiled('the published assembly'),
  },
};

function nodeSource(): string {
  return "// Placeholder: replace with the function's code.\nexport const handler = async (event) => {\n  console.log(JSON.stringify(event));\n  return { statusCode: 200 };\n};\n";
}
function pythonSource(): string {
  return '"""Placeholder: replace with the function\'s code."""\nimport json\n\n\ndef handler(event, context):\n    print(json.dumps(event))\n    return {"statusCode": 200}\n';
}
function compiled(what: string): string {
  return `# Function code\n\nBuild ${what} for this function and put it in this folder: the CDK app deploys the folder as the function's code.\n`;
}

/** Lambda function; its code is the folder `functions/<id>/` (a placeholder handler is generated). */
export const fn: Emitter = (env, node) => {
  const { ctx, net } = env;
  const c = resolveConfig<FunctionConfig>(node);
  const stack = ctx.stackOf(node);
  const v = ctx.varOf(node.id);
  const runtime = RUNTIMES[c.runtime] ?? (RUNTIMES['nodejs22.x'] as (typeof RUNTIMES)[string]);
  if (c.runtime === 'go1.x')
    ctx.note(
      'warning',
      `function ${node.id}: the go1.x runtime is retired; the CDK app uses provided.al2023 with a bootstrap binary`,
      node.id,
    );
  const p = net.placementOf(node.id);
  if (p?.group.type === 'PUBLIC')
    ctx.note(
      'warning',
      `function ${node.id} is in a public subnet, where it has no internet access (Lambda gets no public IP)`,
      node.id,
    );
  stack.construct(
    v,
    'lambda.Function',
    stack.id(node.id),
    {
      runtime: code(`lambda.Runtime.${runtime.constant}`),
      architecture: code(
        c.architecture === 'arm64' ? 'lambda.Architecture.ARM_64' : 'lambda.Architecture.X86_64',
      ),
      handler: runtime.handler,
      code: code(`lambda.Code.fromAsset(path.join(__dirname, '..', 'functions', ${str(node.id)}))`),
      memorySize: c.memoryMb,
      timeout: code(`cdk.Duration.seconds(${c.timeoutS})`),
      tracing: code('lambda.Tracing.ACTIVE'),
      ...placementProps(env, node),
      allowPublicSubnet: p?.group.type === 'PUBLIC' ? true : undefined,
    },
    `Lambda function ${node.id}: ${node.label}`,
  );
  ctx.files.push({ path: `functions/${node.id}/${runtime.file}`, content: runtime.source });
  ctx.register({
    node,
    stack,
    v,
    type: 'lambda.Function',
    principal: v,
    connections: p ? v : undefined,
    vpc: p?.vpc.v,
  });
};

/** ECS on Fargate: task definition (size rounded up to one Fargate accepts), container, service. */
export const containerService: Emitter = (env, node) => {
  const { ctx, net } = env;
  const c = resolveConfig<{
    platform: string;
    tasks: number;
    cpu: number;
    memoryGb: number;
    architecture: string;
    port: number;
    image: string;
  }>(node);
  const stack = ctx.stackOf(node);
  const p = net.placementOf(node.id);
  if (!p) return;
  if (c.platform !== 'fargate')
    ctx.note(
      'info',
      `container service ${node.id} asks for ${c.platform}; the CDK app runs it on Fargate`,
      node.id,
    );
  const size = fargateSize(c.cpu, c.memoryGb);
  if (!size.exact)
    ctx.note(
      'info',
      `${node.id}: Fargate has no ${c.cpu} vCPU / ${c.memoryGb} GB task size; the CDK app uses ${size.cpu / 1024} vCPU / ${size.memoryMiB / 1024} GB`,
      node.id,
    );
  const v = ctx.varOf(node.id);
  const task = ctx.partVar(node.id, 'task');
  const cluster = net.ecsCluster(p.vpc);
  stack.comment(`ECS service on Fargate ${node.id}: ${node.label}`);
  stack.construct(task, 'ecs.FargateTaskDefinition', stack.id(`${node.id}#task`, `${node.id}-task`), {
    cpu: size.cpu,
    memoryLimitMiB: size.memoryMiB,
    runtimePlatform: {
      cpuArchitecture: code(
        c.architecture === 'arm64' ? 'ecs.CpuArchitecture.ARM64' : 'ecs.CpuArchitecture.X86_64',
      ),
      operatingSystemFamily: code('ecs.OperatingSystemFamily.LINUX'),
    },
  });
  stack.line(
    `${task}.addContainer('App', { image: ecs.ContainerImage.fromRegistry(${str(c.image)}), portMappings: [{ containerPort: ${c.port} }], logging: ecs.LogDrivers.awsLogs({ streamPrefix: ${str(node.id)} }) });`,
  );
  stack.construct(v, 'ecs.FargateService', stack.id(node.id), {
    cluster: code(cluster),
    taskDefinition: code(task),
    desiredCount: c.tasks,
    vpcSubnets: net.selection(p),
    assignPublicIp: p.group.type === 'PUBLIC' ? true : undefined,
    circuitBreaker: { rollback: true },
    minHealthyPercent: 100,
    cloudMapOptions:
      p.vpc.cloudMap && ctx.graph.incoming(node.id).some((e) => e.source.kind === 'api-gateway')
        ? // SRV records carry the port, which API Gateway's Cloud Map integration needs.
          {
            name: dnsLabel(node.id),
            dnsRecordType: code('servicediscovery.DnsRecordType.SRV'),
            containerPort: c.port,
          }
        : undefined,
  });
  ctx.register({
    node,
    stack,
    v,
    type: 'ecs.FargateService',
    principal: `${v}.taskDefinition.taskRole`,
    connections: v,
    port: c.port,
    vpc: p.vpc.v,
  });
};

/** EC2 Auto Scaling group from a launch template (Amazon Linux 2023, encrypted gp3 root volume, IMDSv2). */
export const vmGroup: Emitter = (env, node) => {
  const { ctx, net } = env;
  const c = resolveConfig<{ instanceType: string; instances: number; storageGb: number }>(node);
  const stack = ctx.stackOf(node);
  const p = net.placementOf(node.id);
  if (!p) return;
  const v = ctx.varOf(node.id);
  const role = ctx.partVar(node.id, 'role');
  const sg = ctx.partVar(node.id, 'security-group');
  const template = ctx.partVar(node.id, 'template');
  stack.comment(`EC2 Auto Scaling group ${node.id}: ${node.label}`);
  stack.construct(role, 'iam.Role', stack.id(`${node.id}#role`, `${node.id}-role`), {
    assumedBy: code("new iam.ServicePrincipal('ec2.amazonaws.com')"),
  });
  // The group's own security group: other nodes admit it (and it them) by the edges, nothing more.
  stack.construct(sg, 'ec2.SecurityGroup', stack.id(`${node.id}#sg`, `${node.id}-security-group`), {
    vpc: code(p.vpc.v),
    description: `Instances of ${node.id}`,
  });
  stack.construct(template, 'ec2.LaunchTemplate', stack.id(`${node.id}#template`, `${node.id}-template`), {
    instanceType: code(`new ec2.InstanceType(${str(c.instanceType)})`),
    machineImage: code('ec2.MachineImage.latestAmazonLinux2023()'),
    role: code(role),
    securityGroup: code(sg),
    requireImdsv2: true,
    blockDevices: [
      {
        deviceName: '/dev/xvda',
        volume: code(
          `ec2.BlockDeviceVolume.ebs(${c.storageGb}, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3 })`,
        ),
      },
    ],
  });
  stack.construct(v, 'autoscaling.AutoScalingGroup', stack.id(node.id), {
    vpc: code(p.vpc.v),
    vpcSubnets: net.selection(p),
    launchTemplate: code(template),
    minCapacity: c.instances,
    maxCapacity: Math.max(1, c.instances),
    desiredCapacity: c.instances,
  });
  ctx.register({
    node,
    stack,
    v,
    type: 'autoscaling.AutoScalingGroup',
    principal: role,
    connections: v,
    port: 80,
    vpc: p.vpc.v,
  });
};

/** EKS cluster (aws-eks-v2, which needs no kubectl layer) with a managed node group; workloads come from the k8s export. */
export const kubernetesCluster: Emitter = (env, node) => {
  const { ctx, net } = env;
  const c = resolveConfig<{ nodes: number; nodeInstanceType: string; version: string }>(node);
  const stack = ctx.stackOf(node);
  const p = net.placementOf(node.id);
  if (!p) return;
  const v = ctx.varOf(node.id);
  stack.construct(
    v,
    'eks.Cluster',
    stack.id(node.id),
    {
      version: code(`eks.KubernetesVersion.of(${str(c.version)})`),
      vpc: code(p.vpc.v),
      vpcSubnets: code(`[${net.selection(p).code}]`),
      defaultCapacityType: code('eks.DefaultCapacityType.NODEGROUP'),
      defaultCapacity: c.nodes,
      defaultCapacityInstance: code(`new ec2.InstanceType(${str(c.nodeInstanceType)})`),
    },
    `EKS cluster ${node.id}: ${node.label}`,
  );
  ctx.note(
    'info',
    `the services of cluster ${node.id} are deployed by the Kubernetes export (stackdraft export --format k8s), not by the CDK app`,
    node.id,
  );
  ctx.register({ node, stack, v, type: 'eks.Cluster', connections: v, vpc: p.vpc.v });
};

/** A Kubernetes service runs in its cluster: for network rules it is the cluster. */
export const kubernetesService: Emitter = ({ ctx }, node: DocumentNode) => {
  const cluster = ctx.graph.enclosing(node.id, 'kubernetes-cluster');
  const e = cluster && ctx.emitted.get(cluster.id);
  if (!e) {
    ctx.note(
      'info',
      `Kubernetes service ${node.id} is in no cluster; only the Kubernetes export deploys it`,
      node.id,
    );
    return;
  }
  ctx.register({
    node,
    stack: e.stack,
    v: e.v,
    type: e.type,
    connections: e.connections,
    vpc: e.vpc,
    parts: { cluster: cluster.id },
  });
};
