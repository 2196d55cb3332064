import type { DocumentNode, Graph, ResolvedEdge } from '@stackdraft/patterns';
import { resolveConfig } from '@stackdraft/patterns';
import { apportion, DnsNames } from './names';

export interface ServiceConfig {
  replicas: number;
  cpu: number;
  memoryGb: number;
  port: number;
  image: string;
  versions?: { name: string; weight: number }[];
}

export interface ClusterConfig {
  defaultDeny: boolean;
  mesh: 'none' | 'istio';
}

/** A kubernetes-service node with the names its objects get. */
export interface K8sService {
  node: DocumentNode;
  config: ServiceConfig;
  name: string;
  /** One Deployment per version (a single unnamed one when the service has no versions). */
  deployments: { name: string; version?: string; replicas: number; weight?: number }[];
  /** Port name: Istio picks the protocol from its prefix. */
  portName: 'http' | 'grpc' | 'tcp';
}

/** The services of one cluster (or of no cluster) and how they are named. */
export interface K8sCluster {
  /** Undefined for services placed in no cluster. */
  node?: DocumentNode;
  config: ClusterConfig;
  namespace: string;
  services: K8sService[];
  /** The enclosing VPC's address range, for rules about traffic from outside the cluster. */
  vpcCidr?: string;
}

/** Builds the naming model of one cluster's services. */
export function clusterModel(
  graph: Graph,
  node: DocumentNode | undefined,
  services: DocumentNode[],
  namespace: string,
): K8sCluster {
  const config = node ? resolveConfig<ClusterConfig>(node) : { defaultDeny: false, mesh: 'none' as const };
  const names = new DnsNames();
  const vpc = node ? graph.enclosing(node.id, 'vpc') : undefined;
  const vpcCidr = vpc ? resolveConfig<{ cidr: string }>(vpc).cidr : undefined;
  const model: K8sService[] = services.map((s) => {
    const c = resolveConfig<ServiceConfig>(s);
    const name = names.name(s.id);
    const versions = c.versions ?? [];
    const split = apportion(
      c.replicas,
      versions.map((v) => v.weight),
    );
    const deployments =
      versions.length === 0
        ? [{ name, replicas: c.replicas }]
        : versions.map((v, i) => ({
            name: names.name(`${s.id}\u0000${v.name}`, `${name}-${v.name}`),
            version: v.name,
            replicas: split[i] as number,
            weight: v.weight,
          }));
    const protocols = graph.incoming(s.id).map((e: ResolvedEdge) => e.edge.config?.protocol);
    const portName = protocols.includes('grpc') ? 'grpc' : protocols.includes('tcp') ? 'tcp' : 'http';
    return { node: s, config: c, name, deployments, portName };
  });
  const cluster: K8sCluster = { config, namespace, services: model };
  if (node) cluster.node = node;
  if (vpcCidr) cluster.vpcCidr = vpcCidr;
  return cluster;
}
