import {
  type ArchitectureDocument,
  type DocumentNode,
  describeError,
  loadDocument,
} from '@stackdraft/patterns';
import { ImportContext } from './context';
import type { EdgeSet as EdgeSetType } from './edges/edge-set';
import { EdgeSet } from './edges/edge-set';
import { explicitEdges } from './edges/explicit';
import { iamEdges, referenceEdges, securityGroupEdges } from './edges/inferred';
import { deadLetterLinks } from './edges/redrive';
import { type ImportNode, NodeTable } from './nodes';
import { assignOwners, unmappedReport } from './ownership';
import { parseModule } from './parse';
import { addTableReplicas, defaultRegion, placeNodes } from './placement';
import { type ImportOptions, type ImportResult, type TerraformFile, TerraformImportError } from './types';

/**
 * Reads a Terraform module (one or more `.tf` files) and returns a Stackdraft design: AWS
 * resources mapped to catalog kinds, edges inferred from references (event source mappings,
 * redrive policies, replicas, target groups, integrations, subscriptions, IAM grants, security
 * group rules), nodes grouped by VPC, subnet and region. Every resource that is not a node is in
 * `report.unmapped` with the reason. Positions are left out: the web app lays out designs with
 * missing positions when it opens them. Rejects with a `TerraformImportError` naming the file and
 * line when a file is not valid HCL.
 */
export async function importTerraform(
  files: readonly TerraformFile[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (files.length === 0) throw new TerraformImportError('no .tf files to import');
  const module = await parseModule(files, options.parse);
  const ctx = new ImportContext(module);
  if (module.resources.length === 0) ctx.warn('the module declares no resources: the design is empty');
  for (const name of module.modules)
    ctx.warn(`module "${name}" is not read (its resources are in its own source): import that directory too`);
  const links = deadLetterLinks(ctx);
  const table = new NodeTable(ctx);
  table.build();
  const owner = assignOwners(ctx, table);
  const region = defaultRegion(ctx);
  const set: EdgeSetType = new EdgeSet(ctx, table, owner);
  addTableReplicas(ctx, table, set, region);
  explicitEdges(ctx, set, links);
  referenceEdges(ctx, set);
  iamEdges(ctx, set);
  securityGroupEdges(ctx, set);
  const regions = placeNodes(ctx, table, owner, region);

  const ordered = [...regions, ...table.nodes.filter((n) => !regions.includes(n))];
  const raw: ArchitectureDocument = {
    stackdraft: 1,
    name: options.name ?? 'Imported from Terraform',
    provider: 'aws',
    region,
    environment: 'production',
    nodes: ordered.map(toDocumentNode),
    edges: set.edges.map((e, i) => ({ id: `e${i + 1}`, ...e })),
  };
  const loaded = loadDocument(raw);
  if (!loaded.ok)
    throw new Error(
      `the imported design does not validate: ${loaded.errors.map((e) => describeError(e)).join('; ')}`,
    );
  return {
    document: loaded.document,
    report: {
      mapped: [...table.byAddress].map(([address, node]) => ({ address, nodeId: node.id, kind: node.kind })),
      unmapped: unmappedReport(ctx, table, owner),
      warnings: ctx.warnings,
    },
  };
}

function toDocumentNode(n: ImportNode): DocumentNode {
  const node: DocumentNode = { id: n.id, kind: n.kind, label: n.label.slice(0, 200) };
  if (n.parent) node.parent = n.parent;
  if (Object.keys(n.config).length > 0) node.config = n.config;
  return node;
}
