import type { EdgeConfig, Graph } from '@stackdraft/patterns';
import type { ExportDiagnostic } from '../types';
import type { K8sCluster, K8sService } from './model';
import { apportion } from './names';
import { type Manifest, provenance } from './workloads';

/** The resilience settings callers put on their sync edges into `service`: the first caller's that has any. */
function resilience(
  graph: Graph,
  service: K8sService,
  diagnostics: ExportDiagnostic[],
): EdgeConfig | undefined {
  const configured = graph
    .incoming(service.node.id)
    .filter(
      (e) =>
        e.kind === 'sync' &&
        e.edge.config &&
        (e.edge.config.timeoutMs || e.edge.config.retry || e.edge.config.circuitBreaker),
    );
  const first = configured[0];
  if (!first) return undefined;
  const differs = configured.some((e) => JSON.stringify(e.edge.config) !== JSON.stringify(first.edge.config));
  if (differs)
    diagnostics.push({
      severity: 'info',
      nodeId: service.node.id,
      message: `callers of ${service.node.id} set different timeouts or retries; the mesh applies one policy per destination, taken from edge ${first.edge.id}`,
    });
  return first.edge.config;
}

/**
 * Istio objects for one service: a DestinationRule (version subsets; outlier detection from a
 * caller's circuit breaker) and a VirtualService (the canary weights, rounded to integers that
 * add up to 100; the caller's timeout and retries). Nothing when there is nothing to say.
 */
export function meshManifests(
  graph: Graph,
  cluster: K8sCluster,
  service: K8sService,
  diagnostics: ExportDiagnostic[],
): Manifest[] {
  const versions = service.deployments.filter((d) => d.version !== undefined);
  const settings = resilience(graph, service, diagnostics);
  if (versions.length === 0 && !settings) return [];
  const host = service.name;
  const meta = () => ({
    name: host,
    namespace: cluster.namespace,
    labels: { app: host },
    annotations: provenance(service),
  });
  const out: Manifest[] = [];

  const ruleSpec: Record<string, unknown> = { host };
  if (versions.length > 0)
    ruleSpec.subsets = versions.map((v) => ({ name: v.version, labels: { version: v.version } }));
  if (settings?.circuitBreaker) {
    ruleSpec.trafficPolicy = {
      outlierDetection: {
        consecutive5xxErrors: settings.circuitBreaker.failureThreshold,
        interval: '10s',
        baseEjectionTime: `${settings.circuitBreaker.resetTimeoutS ?? 30}s`,
        maxEjectionPercent: 100,
      },
    };
  }
  out.push({
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: meta(),
    spec: ruleSpec,
  });

  const route: Record<string, unknown> = {};
  if (versions.length > 0) {
    const raw = versions.map((v) => v.weight ?? 0);
    const sum = raw.reduce((a, b) => a + b, 0);
    const weights = apportion(100, raw);
    if (Math.abs(sum - 100) > 1e-9 || raw.some((w) => !Number.isInteger(w)))
      diagnostics.push({
        severity: 'warning',
        nodeId: service.node.id,
        message: `the version weights of ${service.node.id} add up to ${sum}, not 100; Istio needs whole numbers adding up to 100, so they were scaled to ${weights.join('/')}`,
      });
    route.route = versions.map((v, i) => ({ destination: { host, subset: v.version }, weight: weights[i] }));
  } else {
    route.route = [{ destination: { host } }];
  }
  if (settings?.timeoutMs) route.timeout = `${settings.timeoutMs}ms`;
  if (settings?.retry) {
    const retries: Record<string, unknown> = {
      attempts: settings.retry.maxAttempts,
      retryOn: '5xx,reset,connect-failure,refused-stream',
    };
    if (settings.timeoutMs)
      retries.perTryTimeout = `${Math.max(1, Math.floor(settings.timeoutMs / settings.retry.maxAttempts))}ms`;
    route.retries = retries;
  }
  out.push({
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: meta(),
    spec: { hosts: [host], http: [route] },
  });
  return out;
}

/** Mutual TLS for every workload of the namespace: the mesh half of zero trust. */
export function peerAuthentication(cluster: K8sCluster): Manifest {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    metadata: { name: 'default', namespace: cluster.namespace },
    spec: { mtls: { mode: 'STRICT' } },
  };
}
