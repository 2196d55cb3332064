import { type ArchitectureDocument, getKind, graphOf } from '@stackdraft/patterns';
import type { Exporter, ExportResult } from '../types';
import { ExportContext, type KindMapper, type NodeExport } from './context';
import { renderTerraform } from './files';
import { policyDocument } from './iam';
import { mapperFor, NOT_EXPORTED } from './mappers';
import { prepareNetworks } from './mappers/network';
import { renderReadme } from './readme';
import { reportUnhandledEdges, wireEdges } from './wiring';

/**
 * The design as a Terraform root module for AWS: `versions.tf`, `providers.tf` (one alias per
 * region group), `variables.tf`, one file per tier (`network.tf`, `edge.tf`, `compute.tf`,
 * `messaging.tf`, `data.tf`, `operations.tf`), `outputs.tf` and a `README.md`. Deterministic:
 * the same document always gives the same files. Nodes or edges that cannot be expressed are
 * reported in the diagnostics and the README, never dropped silently.
 */
export function exportTerraform(doc: ArchitectureDocument): ExportResult {
  const ctx = new ExportContext(doc, graphOf(doc));
  prepareNetworks(ctx);

  // Map every node (mappers with a lower order first: a replica needs its primary), then wire.
  const order = doc.nodes
    .map((node, index) => ({ node, index, mapper: mapperFor(node.kind) }))
    .sort((a, b) => (a.mapper?.order ?? 0) - (b.mapper?.order ?? 0) || a.index - b.index);
  const mapped: { mapper: KindMapper; exp: NodeExport }[] = [];
  for (const { node, mapper } of order) {
    const aws = getKind(node.kind).aws;
    if ('none' in aws) ctx.info(aws.none, node.id);
    else if (NOT_EXPORTED[node.kind]) ctx.info(NOT_EXPORTED[node.kind] as string, node.id);
    else if (!mapper) ctx.warn(`The Terraform export does not map ${node.kind} nodes yet.`, node.id);
    const exp = mapper?.map(ctx, node);
    if (mapper && exp) {
      ctx.exports.set(node.id, exp);
      mapped.push({ mapper, exp });
    }
  }
  for (const { mapper, exp } of mapped) mapper.wire?.(ctx, exp);
  wireEdges(ctx);

  for (const { mapper, exp } of mapped) mapper.finalize?.(ctx, exp);
  for (const p of ctx.principals)
    if (p.policyRes) p.policyRes.body.policy = policyDocument(p.policy.statements);
  for (const net of ctx.networks.values()) net.finalize();
  reportUnhandledEdges(ctx);

  const files = renderTerraform(ctx);
  files.push({ path: 'README.md', content: renderReadme(ctx, files) });
  return { files, diagnostics: ctx.diagnostics };
}

export const terraformExporter: Exporter = {
  format: 'terraform',
  label: 'Terraform (AWS)',
  description:
    'A Terraform root module for the AWS provider: every resource the design needs, wired by references, one file per tier.',
  export: (doc) => exportTerraform(doc),
};
