import { type ArchitectureDocument, type DocumentNode, graphOf } from '@stackdraft/patterns';
import { stringify } from 'yaml';
import { designSlug } from '../document/index';
import type { ExportDiagnostic, ExportedFile, Exporter, ExportResult } from '../types';
import { meshManifests, peerAuthentication } from './mesh';
import { clusterModel } from './model';
import { DnsNames } from './names';
import { networkPolicies } from './network';
import { deploymentManifests, type Manifest, namespaceManifest, serviceManifest } from './workloads';

/** A multi-document YAML stream; the `yaml` package quotes and escapes every user string. */
function yamlStream(manifests: Manifest[]): string {
  return manifests.map((m) => stringify(m, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}

/**
 * Kubernetes (and Istio) manifests, one `<cluster>.yaml` per kubernetes-cluster node: a Namespace,
 * a Deployment per service version and a Service per service; with an Istio mesh, mutual TLS and
 * the VirtualService / DestinationRule pairs that carry canary weights, timeouts, retries and
 * outlier detection; with `defaultDeny`, a default-deny NetworkPolicy plus the allow rules the
 * edges imply. Names are DNS-1123 labels derived from node ids; labels travel as annotations.
 */
export function exportKubernetes(doc: ArchitectureDocument): ExportResult {
  const graph = graphOf(doc);
  const files: ExportedFile[] = [];
  const diagnostics: ExportDiagnostic[] = [];
  const namespaces = new DnsNames();
  const fileNames = new DnsNames();
  const unclustered: DocumentNode[] = [];
  const byCluster = new Map<string, DocumentNode[]>();
  for (const n of doc.nodes) {
    if (n.kind !== 'kubernetes-service') continue;
    const cluster = graph.enclosing(n.id, 'kubernetes-cluster');
    if (!cluster) unclustered.push(n);
    else byCluster.set(cluster.id, [...(byCluster.get(cluster.id) ?? []), n]);
  }

  const emit = (
    node: DocumentNode | undefined,
    services: DocumentNode[],
    namespace: string,
    file: string,
  ) => {
    const cluster = clusterModel(graph, node, services, namespace);
    const manifests: Manifest[] = [namespaceManifest(cluster)];
    for (const s of cluster.services)
      manifests.push(...deploymentManifests(cluster, s), serviceManifest(cluster, s));
    if (cluster.config.mesh === 'istio') {
      manifests.push(peerAuthentication(cluster));
      for (const s of cluster.services) manifests.push(...meshManifests(graph, cluster, s, diagnostics));
    } else {
      for (const s of cluster.services)
        if (s.deployments.length > 1)
          diagnostics.push({
            severity: 'warning',
            nodeId: s.node.id,
            message: `${s.node.id} splits traffic between versions, which needs a service mesh: without one the Service balances over all pods, so the split follows the replica counts`,
          });
    }
    if (cluster.config.defaultDeny) manifests.push(...networkPolicies(graph, cluster));
    files.push({
      path: `${fileNames.name(node?.id ?? '\u0000', file)}.yaml`,
      content: yamlStream(manifests),
    });
  };

  for (const n of doc.nodes) {
    if (n.kind !== 'kubernetes-cluster') continue;
    emit(n, byCluster.get(n.id) ?? [], namespaces.name(n.id), n.id);
  }
  if (unclustered.length > 0) {
    const slug = designSlug(doc);
    diagnostics.push({
      severity: 'info',
      message: `${unclustered.length} Kubernetes service(s) are in no cluster; their manifests are in ${slug}.yaml, namespace ${slug}`,
    });
    emit(undefined, unclustered, namespaces.name(`\u0000${slug}`, slug), slug);
  }
  if (files.length === 0)
    diagnostics.push({
      severity: 'info',
      message: 'the design has no Kubernetes cluster or service to export',
    });
  return { files, diagnostics };
}

export const k8sExporter: Exporter = {
  format: 'k8s',
  label: 'Kubernetes / Istio',
  description:
    'Kubernetes manifests per cluster (Deployments, Services, default-deny NetworkPolicies) and Istio canary routing.',
  export: exportKubernetes,
};
