import type { Fragment } from './define-template';
import { defineTemplate } from './define-template';

/**
 * The seed's zero-trust network policies: deny all ingress and egress by default, then allow
 * exactly one flow, frontend -> api on TCP 8080. The default deny is set on both the VPC and the
 * Kubernetes cluster; the one allowed flow is the one edge between the two services, and the Istio
 * mesh adds mutual TLS so that every call is authenticated, not just allowed by address.
 */
function build(): Fragment {
  return {
    nodes: [
      {
        id: 'users',
        kind: 'client',
        label: 'Users',
        position: { x: 0, y: 220 },
        config: { requestsPerSecond: 50 },
      },
      { id: 'waf', kind: 'waf', label: 'WAF', position: { x: 260, y: 220 } },
      {
        id: 'vpc',
        kind: 'vpc',
        label: 'Zero-trust VPC',
        position: { x: 520, y: 0 },
        size: { width: 1020, height: 380 },
        config: { defaultDeny: true, natGateways: 2, flowLogs: true },
      },
      {
        id: 'public-subnet',
        kind: 'subnet',
        label: 'Public subnet',
        parent: 'vpc',
        position: { x: 40, y: 60 },
        size: { width: 280, height: 280 },
        config: { public: true, cidr: '10.0.0.0/24' },
      },
      {
        id: 'private-subnet',
        kind: 'subnet',
        label: 'Private subnet',
        parent: 'vpc',
        position: { x: 360, y: 60 },
        size: { width: 620, height: 280 },
        config: { public: false, cidr: '10.0.10.0/24' },
      },
      {
        id: 'alb',
        kind: 'load-balancer',
        label: 'Load balancer',
        parent: 'public-subnet',
        position: { x: 40, y: 160 },
        config: { type: 'application' },
      },
      {
        id: 'cluster',
        kind: 'kubernetes-cluster',
        label: 'Kubernetes cluster (default deny)',
        parent: 'private-subnet',
        position: { x: 40, y: 60 },
        size: { width: 540, height: 180 },
        config: { defaultDeny: true, mesh: 'istio', nodes: 3 },
      },
      {
        id: 'frontend',
        kind: 'kubernetes-service',
        label: 'frontend',
        parent: 'cluster',
        position: { x: 40, y: 60 },
        config: { replicas: 2 },
      },
      {
        id: 'api',
        kind: 'kubernetes-service',
        label: 'api',
        parent: 'cluster',
        position: { x: 300, y: 60 },
        config: { replicas: 3, port: 8080 },
      },
    ],
    edges: [
      { id: 'e-users-waf', source: 'users', target: 'waf', kind: 'sync' },
      { id: 'e-waf-alb', source: 'waf', target: 'alb', kind: 'sync' },
      { id: 'e-alb-frontend', source: 'alb', target: 'frontend', kind: 'sync' },
      {
        id: 'e-frontend-api',
        source: 'frontend',
        target: 'api',
        kind: 'sync',
        label: 'allow TCP 8080',
        config: {
          protocol: 'http',
          timeoutMs: 2000,
          retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2000, jitter: true },
          circuitBreaker: { failureThreshold: 5, resetTimeoutS: 60 },
        },
      },
    ],
  };
}

export const zeroTrustNetwork = defineTemplate({
  id: 'zero-trust-network',
  name: 'Zero-trust network',
  description:
    'Everything is denied by default in the VPC and the Kubernetes cluster; the only allowed flow between services is frontend -> api on port 8080, over mutual TLS.',
  pattern: 'Security Patterns: Zero Trust Network',
  build,
});
