import type { K8sCluster, K8sService } from './model';

export type Manifest = Record<string, unknown>;

/** Where a generated object came from: annotations carry user text (labels would restrict it). */
export function provenance(service: K8sService): Record<string, string> {
  return { 'stackdraft.io/node-id': service.node.id, 'stackdraft.io/label': service.node.label };
}

export function namespaceManifest(cluster: K8sCluster): Manifest {
  const labels: Record<string, string> = { 'app.kubernetes.io/managed-by': 'stackdraft' };
  if (cluster.config.mesh === 'istio') labels['istio-injection'] = 'enabled';
  const metadata: Record<string, unknown> = { name: cluster.namespace, labels };
  if (cluster.node)
    metadata.annotations = {
      'stackdraft.io/node-id': cluster.node.id,
      'stackdraft.io/label': cluster.node.label,
    };
  return { apiVersion: 'v1', kind: 'Namespace', metadata };
}

const millicores = (cpu: number) => `${Math.max(1, Math.round(cpu * 1000))}m`;
const mebibytes = (gb: number) => `${Math.max(1, Math.round(gb * 1024))}Mi`;

/** One Deployment per version (labels `app` and `version`, which the Istio subsets select). */
export function deploymentManifests(cluster: K8sCluster, service: K8sService): Manifest[] {
  const { config } = service;
  return service.deployments.map((d) => {
    const labels: Record<string, string> = { app: service.name };
    if (d.version) labels.version = d.version;
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: d.name, namespace: cluster.namespace, labels, annotations: provenance(service) },
      spec: {
        replicas: d.replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: service.name,
                image: config.image,
                ports: [{ name: service.portName, containerPort: config.port }],
                resources: {
                  requests: { cpu: millicores(config.cpu), memory: mebibytes(config.memoryGb) },
                  limits: { memory: mebibytes(config.memoryGb) },
                },
                securityContext: { allowPrivilegeEscalation: false },
              },
            ],
          },
        },
      },
    };
  });
}

/** A ClusterIP Service selecting every version of the service (the mesh splits traffic between them). */
export function serviceManifest(cluster: K8sCluster, service: K8sService): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: service.name,
      namespace: cluster.namespace,
      labels: { app: service.name },
      annotations: provenance(service),
    },
    spec: {
      selector: { app: service.name },
      ports: [
        {
          name: service.portName,
          port: service.config.port,
          targetPort: service.config.port,
          protocol: 'TCP',
        },
      ],
    },
  };
}
