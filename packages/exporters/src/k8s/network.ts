import type { DocumentNode, Graph } from '@stackdraft/patterns';
import { resolveConfig } from '@stackdraft/patterns';
import type { K8sCluster, K8sService } from './model';
import { DnsNames } from './names';
import type { Manifest } from './workloads';

const ANYWHERE = '0.0.0.0/0';
const namespaceOf = (name: string) => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
});

/** The port a workload uses to reach a node outside the cluster (databases by engine, else HTTPS). */
function portOf(node: DocumentNode): number {
  switch (node.kind) {
    case 'sql-database':
    case 'read-replica':
      return resolveConfig<{ engine?: string }>(node).engine === 'mysql' ? 3306 : 5432;
    case 'document-database':
      return 27017;
    case 'cache':
      return resolveConfig<{ engine: string }>(node).engine === 'memcached' ? 11211 : 6379;
    case 'kafka':
      return 9098;
    default:
      return 443;
  }
}

/** Inside the VPC, except for what is on the internet anyway (external services, AWS public endpoints). */
function isInVpc(graph: Graph, node: DocumentNode): boolean {
  return graph.hasTrait(node.id, 'zonal') || node.kind === 'function'
    ? graph.enclosing(node.id, 'vpc') !== undefined
    : false;
}

/**
 * The zero-trust policy set of a default-deny cluster: deny all ingress and egress in the namespace,
 * then allow exactly what the edges imply — DNS, the mesh control plane, each sync call between two
 * services of the cluster (ingress on the callee, egress on the caller), calls from the load
 * balancer / gateway into a service, and each service's calls and subscriptions to nodes outside
 * the cluster on their port.
 */
export function networkPolicies(graph: Graph, cluster: K8sCluster): Manifest[] {
  const names = new DnsNames();
  const byNode = new Map<string, K8sService>(cluster.services.map((s) => [s.node.id, s]));
  const policy = (key: string, spec: Record<string, unknown>): Manifest => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: names.name(key), namespace: cluster.namespace },
    spec,
  });
  const pods = (s: K8sService) => ({ podSelector: { matchLabels: { app: s.name } } });
  const out: Manifest[] = [
    policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy('allow-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ...namespaceOf('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    }),
  ];
  if (cluster.config.mesh === 'istio') {
    out.push(
      policy('allow-istio-control-plane', {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ to: [namespaceOf('istio-system')] }],
      }),
    );
  }

  for (const s of cluster.services) {
    const port = [{ protocol: 'TCP', port: s.config.port }];
    // Ingress: from in-cluster callers by pod label; from anything else (load balancer, gateway, ...) by address.
    const from: Record<string, unknown>[] = [];
    let outside = false;
    for (const e of graph.incoming(s.node.id)) {
      if (e.kind !== 'sync') continue;
      const caller = byNode.get(e.source.id);
      if (caller) from.push(pods(caller));
      else outside = true;
    }
    if (outside) {
      from.push({ ipBlock: { cidr: cluster.vpcCidr ?? ANYWHERE } });
      if (cluster.config.mesh === 'istio') from.push(namespaceOf('istio-system'));
    }
    if (from.length > 0)
      out.push(
        policy(`allow-${s.name}-ingress`, {
          ...pods(s),
          policyTypes: ['Ingress'],
          ingress: [{ from, ports: port }],
        }),
      );

    // Egress: to in-cluster callees by pod label, to other nodes on their port.
    const egress: Record<string, unknown>[] = [];
    const seen = new Set<string>();
    const add = (key: string, rule: Record<string, unknown>) => {
      if (!seen.has(key)) {
        seen.add(key);
        egress.push(rule);
      }
    };
    const reach = (target: DocumentNode) => {
      const callee = byNode.get(target.id);
      if (callee) {
        add(`svc:${callee.name}`, {
          to: [pods(callee)],
          ports: [{ protocol: 'TCP', port: callee.config.port }],
        });
      } else if (target.kind !== 'kubernetes-service' && target.kind !== 'monitoring') {
        const cidr = isInVpc(graph, target) ? (cluster.vpcCidr ?? ANYWHERE) : ANYWHERE;
        const p = portOf(target);
        add(`ip:${cidr}:${p}`, { to: [{ ipBlock: { cidr } }], ports: [{ protocol: 'TCP', port: p }] });
      }
    };
    for (const e of graph.outgoing(s.node.id)) if (e.kind === 'sync' || e.kind === 'async') reach(e.target);
    // A consumer polls its queue, stream or topic subscription: that is egress too.
    for (const e of graph.incoming(s.node.id)) if (e.kind === 'trigger') reach(e.source);
    if (egress.length > 0)
      out.push(policy(`allow-${s.name}-egress`, { ...pods(s), policyTypes: ['Egress'], egress }));
  }
  return out;
}
