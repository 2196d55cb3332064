import {
  type ArchitectureDocument,
  configFields,
  emptyDocument,
  getKind,
  insertTemplate,
  loadDocument,
  resolveConfig,
  TEMPLATES,
} from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { findExporter } from '../registry';
import { importTerraform } from './import';

/**
 * What the Terraform export cannot carry, by nature, so the import cannot bring it back. Every
 * other kind, edge and config value of every template must come back.
 */
const NO_TERRAFORM: Record<string, string> = {
  client: 'users and devices are outside the AWS account: nothing to create',
  'external-service': 'run by someone else: nothing to create',
  'kubernetes-service': 'deployed into the cluster by the Kubernetes format, not by Terraform',
};

/** Edges the export states in prose only (diagnostics / README), keyed `sourceKind>targetKind:edgeKind`. */
const EDGES_NOT_EXPORTED: Record<string, string> = {
  'sql-database>search-index:replication':
    'indexing needs a pipeline (OpenSearch Ingestion or a consumer) the export does not create',
  'sql-database>secrets-vault:sync':
    'RDS keeps its master password in its own managed secret (manage_master_user_password), not in the vault node',
};

/** Config the Terraform has no place for (usage volumes are skipped for every kind). */
const CONFIG_NOT_EXPORTED: Record<string, string> = {
  'api-gateway.type': 'REST APIs are exported as HTTP APIs (apigatewayv2)',
  'secrets-vault.rotationDays': 'rotation needs a rotation function, which the export does not create',
  'kubernetes-cluster.mesh': 'Istio is installed in the cluster by the Kubernetes format',
  'kubernetes-cluster.defaultDeny': 'network policies live in the Kubernetes format',
  'state-machine.states': 'the definition is exported as ASL text; the import does not parse ASL back',
  'state-machine.startAt': 'part of the ASL definition (see states)',
  'monitoring.customMetrics': 'custom metrics are published by the application, not created by Terraform',
  'monitoring.dashboards': 'dashboards are counted for cost only',
  'object-storage.storageGb': 'a bucket has no size in Terraform: what is stored is usage',
  'function.avgDurationMs': 'how long a function runs is measured, not configured',
  'auth.monthlyActiveUsers': 'active users are usage, not infrastructure',
};

const GROUPS = new Set(['region', 'vpc', 'subnet', 'availability-zone', 'kubernetes-cluster']);

function edgesOf(doc: ArchitectureDocument, kept: Set<string>): string[] {
  const kind = new Map(doc.nodes.map((n) => [n.id, n.kind]));
  return doc.edges
    .filter((e) => kept.has(e.source) && kept.has(e.target))
    .filter((e) => !EDGES_NOT_EXPORTED[`${kind.get(e.source)}>${kind.get(e.target)}:${e.kind}`])
    .map((e) => `${e.source} -${e.kind}-> ${e.target}`)
    .sort();
}

describe('Terraform round trip: export every template, import it back', () => {
  const exporter = findExporter('terraform');
  it.each(TEMPLATES.map((t) => [t.id]))('%s keeps its kinds, edges and key config', async (id) => {
    const original = insertTemplate(emptyDocument(id), id).document;
    const files = exporter?.export(original).files.filter((f) => f.path.endsWith('.tf')) ?? [];
    expect(files.length).toBeGreaterThan(0);
    const { document, report } = await importTerraform(files);
    expect(loadDocument(document).ok).toBe(true);

    const kept = original.nodes.filter((n) => !NO_TERRAFORM[n.kind]);
    const keptIds = new Set(kept.map((n) => n.id));
    // Kinds: every exported node comes back under its id (exports tag resources with it). The
    // export may add a network (VPC, subnets) for VPC-resident nodes the design leaves unplaced.
    const imported = new Map(document.nodes.map((n) => [n.id, n]));
    for (const n of kept) expect(imported.get(n.id)?.kind, n.id).toBe(n.kind);
    const extra = document.nodes.filter((n) => !keptIds.has(n.id));
    for (const n of extra) expect(GROUPS.has(n.kind), `unexpected ${n.id} (${n.kind})`).toBe(true);

    // Edges: the same source, target and kind.
    expect(edgesOf(document, new Set(document.nodes.map((n) => n.id)))).toEqual(edgesOf(original, keptIds));

    // Config: every value a template states, with defaults on both sides.
    for (const n of kept) {
      const back = imported.get(n.id);
      if (!back) continue;
      const want = resolveConfig(n);
      const got = resolveConfig(back);
      for (const field of configFields(getKind(n.kind))) {
        if (field.usage || CONFIG_NOT_EXPORTED[`${n.kind}.${field.key}`]) continue;
        expect(got[field.key], `${n.id}.${field.key}`).toEqual(want[field.key]);
      }
    }
    // Nothing silently dropped: every resource is a node or in the report.
    const addresses = new Set([...report.mapped, ...report.unmapped].map((r) => r.address));
    const declared = files.flatMap((f) =>
      [...f.content.matchAll(/^resource "([^"]+)" "([^"]+)"/gm)].map((m) => `${m[1]}.${m[2]}`),
    );
    expect([...new Set(declared)].filter((a) => !addresses.has(a))).toEqual([]);
  });
});
