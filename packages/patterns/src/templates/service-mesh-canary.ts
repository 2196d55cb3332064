import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/**
 * The seed's Istio canary: a VirtualService splits product-service traffic 80/20 between the
 * subsets v1 (version 1.0.0) and v2 (version 2.0.0). The seed applies the split only to requests
 * with the header `x-canary: true`; the design records the weights, and the mesh's exported
 * VirtualService is where such a header match belongs. The storefront's calls to the product
 * service carry the mesh's timeout, retries and outlier detection (a circuit breaker).
 */
function build(): Fragment {
  return {
    nodes: [
      {
        id: 'shoppers',
        kind: 'client',
        label: 'Shoppers',
        position: { x: 0, y: 160 },
        config: { requestsPerSecond: 100 },
      },
      {
        id: 'vpc',
        kind: 'vpc',
        label: 'Cluster VPC',
        position: { x: 260, y: 0 },
        size: { width: 880, height: 280 },
        config: { defaultDeny: true, natGateways: 2 },
      },
      {
        id: 'ingress-lb',
        kind: 'load-balancer',
        label: 'Ingress load balancer',
        parent: 'vpc',
        position: { x: 40, y: 160 },
        config: { type: 'network' },
      },
      {
        id: 'cluster',
        kind: 'kubernetes-cluster',
        label: 'EKS cluster (Istio)',
        parent: 'vpc',
        position: { x: 300, y: 60 },
        size: { width: 540, height: 180 },
        config: { mesh: 'istio', defaultDeny: true, nodes: 3 },
      },
      {
        id: 'storefront',
        kind: 'kubernetes-service',
        label: 'storefront',
        parent: 'cluster',
        position: { x: 40, y: 60 },
        config: { replicas: 3 },
      },
      {
        id: 'product-service',
        kind: 'kubernetes-service',
        label: 'product-service',
        parent: 'cluster',
        position: { x: 300, y: 60 },
        config: {
          replicas: 5,
          port: 8080,
          versions: [
            { name: 'v1', weight: 80 },
            { name: 'v2', weight: 20 },
          ],
        },
      },
    ],
    edges: [
      { id: 'e-shoppers-ingress', source: 'shoppers', target: 'ingress-lb', kind: 'sync' },
      { id: 'e-ingress-storefront', source: 'ingress-lb', target: 'storefront', kind: 'sync' },
      {
        id: 'e-storefront-product',
        source: 'storefront',
        target: 'product-service',
        kind: 'sync',
        label: 'v1 80% / v2 20%',
        config: {
          timeoutMs: 2000,
          retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2000, jitter: true },
          circuitBreaker: { failureThreshold: 5, resetTimeoutS: 60 },
        },
      },
    ],
  };
}

export const serviceMeshCanary = defineTemplate({
  id: 'service-mesh-canary',
  name: 'Service mesh canary',
  description:
    'An Istio mesh on a default-deny Kubernetes cluster sends 20% of product-service traffic to the v2 canary and 80% to v1, with timeouts, retries and outlier detection on the calls.',
  pattern: 'Microservices Patterns: Service Mesh',
  build,
});
