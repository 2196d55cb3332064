import type { ArchitectureDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { templateDocument } from '../test/hostile';
import { exportKubernetes } from './index';
import { apportion, DnsNames, dnsLabel } from './names';

type Obj = {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
};

function objects(doc: ArchitectureDocument): Obj[] {
  return exportKubernetes(doc).files.flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as Obj));
}
const find = (os: Obj[], kind: string, name: string) =>
  os.find((o) => o.kind === kind && o.metadata.name === name);

describe('Kubernetes / Istio export', () => {
  const canary = objects(templateDocument('service-mesh-canary'));

  it('deploys each canary version with its share of the replicas, labelled app and version', () => {
    const v1 = find(canary, 'Deployment', 'product-service-v1');
    const v2 = find(canary, 'Deployment', 'product-service-v2');
    expect(v1?.spec?.replicas).toBe(4);
    expect(v2?.spec?.replicas).toBe(1);
    expect(v2?.metadata.labels).toEqual({ app: 'product-service', version: 'v2' });
    expect(find(canary, 'Service', 'product-service')?.spec?.selector).toEqual({ app: 'product-service' });
  });

  it("splits traffic 80/20 with a VirtualService over DestinationRule subsets, with the caller's resilience settings", () => {
    const vs = find(canary, 'VirtualService', 'product-service');
    expect(vs?.spec).toEqual({
      hosts: ['product-service'],
      http: [
        {
          route: [
            { destination: { host: 'product-service', subset: 'v1' }, weight: 80 },
            { destination: { host: 'product-service', subset: 'v2' }, weight: 20 },
          ],
          timeout: '2000ms',
          retries: {
            attempts: 3,
            retryOn: '5xx,reset,connect-failure,refused-stream',
            perTryTimeout: '666ms',
          },
        },
      ],
    });
    const dr = find(canary, 'DestinationRule', 'product-service');
    expect(dr?.spec?.subsets).toEqual([
      { name: 'v1', labels: { version: 'v1' } },
      { name: 'v2', labels: { version: 'v2' } },
    ]);
    expect(dr?.spec?.trafficPolicy).toMatchObject({
      outlierDetection: { consecutive5xxErrors: 5, baseEjectionTime: '60s' },
    });
    expect(find(canary, 'PeerAuthentication', 'default')?.spec).toEqual({ mtls: { mode: 'STRICT' } });
  });

  it('denies all traffic by default and allows exactly the calls the edges imply', () => {
    expect(find(canary, 'NetworkPolicy', 'default-deny')?.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
    const ingress = find(canary, 'NetworkPolicy', 'allow-product-service-ingress');
    expect(ingress?.spec?.ingress).toEqual([
      {
        from: [{ podSelector: { matchLabels: { app: 'storefront' } } }],
        ports: [{ protocol: 'TCP', port: 8080 }],
      },
    ]);
    const egress = find(canary, 'NetworkPolicy', 'allow-storefront-egress');
    expect(egress?.spec?.egress).toEqual([
      {
        to: [{ podSelector: { matchLabels: { app: 'product-service' } } }],
        ports: [{ protocol: 'TCP', port: 8080 }],
      },
    ]);
    // The load balancer reaches the storefront from the VPC range (and the Istio ingress gateway).
    expect(JSON.stringify(find(canary, 'NetworkPolicy', 'allow-storefront-ingress'))).toContain(
      '10.0.0.0/16',
    );
    expect(find(canary, 'NetworkPolicy', 'allow-product-service-egress')).toBeUndefined();
  });

  it('lets services reach their databases on the database port, and nothing else', () => {
    const os = objects(templateDocument('secrets-management'));
    const egress = find(os, 'NetworkPolicy', 'allow-orders-service-egress')?.spec?.egress as {
      ports: { port: number }[];
    }[];
    expect(egress.map((r) => r.ports[0]?.port).sort()).toEqual([443, 5432]);
  });

  it('scales weights that do not add up to 100 and warns; without a mesh, warns that the split follows replicas', () => {
    const doc: ArchitectureDocument = {
      stackdraft: 1,
      name: 'W',
      provider: 'aws',
      region: 'us-east-1',
      environment: 'production',
      nodes: [
        { id: 'k', kind: 'kubernetes-cluster', label: 'K', config: { mesh: 'istio' } },
        {
          id: 'svc',
          kind: 'kubernetes-service',
          label: 'S',
          parent: 'k',
          config: {
            versions: [
              { name: 'a', weight: 1 },
              { name: 'b', weight: 2 },
            ],
          },
        },
        { id: 'plain', kind: 'kubernetes-cluster', label: 'P' },
        {
          id: 'svc2',
          kind: 'kubernetes-service',
          label: 'S2',
          parent: 'plain',
          config: {
            versions: [
              { name: 'a', weight: 50 },
              { name: 'b', weight: 50 },
            ],
          },
        },
      ],
      edges: [],
    };
    const r = exportKubernetes(doc);
    const vs = find(objects(doc), 'VirtualService', 'svc')?.spec as {
      http: { route: { weight: number }[] }[];
    };
    expect(vs.http[0]?.route.map((x) => x.weight)).toEqual([33, 67]);
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/add up to 3, not 100.*33\/67/);
    expect(r.diagnostics.some((d) => d.nodeId === 'svc2' && /needs a service mesh/.test(d.message))).toBe(
      true,
    );
    expect(find(objects(doc), 'NetworkPolicy', 'default-deny')).toBeUndefined();
  });
});

describe('Kubernetes names', () => {
  it('makes DNS-1123 labels of node ids and keeps them unique', () => {
    expect(dnsLabel('orders_db-')).toBe('orders-db');
    expect(dnsLabel('x'.repeat(100))).toHaveLength(63);
    const names = new DnsNames();
    expect(names.name('a_b')).toBe('a-b');
    expect(names.name('a-b')).toBe('a-b-2');
    expect(names.name('a_b')).toBe('a-b');
  });

  it('apportions exactly the total, by largest remainder', () => {
    expect(apportion(5, [80, 20])).toEqual([4, 1]);
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(3, [0, 0])).toEqual([2, 1]);
  });
});
