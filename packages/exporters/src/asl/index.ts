import { type ArchitectureDocument, getKind, graphOf } from '@stackdraft/patterns';
import { NameAllocator, pascalIdentifier } from '../shared/names';
import type { ExportDiagnostic, ExportedFile, Exporter, ExportResult } from '../types';
import { buildDefinition, type RefAttribute } from './build';
import { validateAsl } from './validate';

const ATTRIBUTE_NAMES: Record<RefAttribute, string> = { arn: 'Arn', url: 'Url', name: 'Name' };
const ATTRIBUTE_WORDS: Record<RefAttribute, string> = { arn: 'ARN', url: 'URL', name: 'name' };

/**
 * One `<node-id>.asl.json` per state-machine node. Task resources are `${Key}` placeholders (the
 * ARN, URL or name of the invoked node is only known once it is deployed), listed with their meaning
 * in the definition's top-level Comment; CloudFormation's DefinitionSubstitutions or Terraform's
 * templatefile fill them in. Each definition is checked with `validateAsl` before it is written.
 */
export function exportAsl(doc: ArchitectureDocument): ExportResult {
  const graph = graphOf(doc);
  const files: ExportedFile[] = [];
  const diagnostics: ExportDiagnostic[] = [];
  for (const machine of doc.nodes.filter((n) => n.kind === 'state-machine')) {
    const keys = new NameAllocator(pascalIdentifier);
    const built = buildDefinition(graph, machine, (node, attribute) => {
      const key = keys.name(`${node.id}\u0000${attribute}`, `${node.id}-${ATTRIBUTE_NAMES[attribute]}`);
      return `\${${key}}`;
    });
    diagnostics.push(...built.diagnostics);
    const placeholders = built.references.map(
      (r) =>
        `${String(r.value)} = ${ATTRIBUTE_WORDS[r.attribute]} of ${getKind(r.node.kind).label.toLowerCase()} ${r.node.id}`,
    );
    const definition = {
      ...built.definition,
      Comment:
        placeholders.length > 0
          ? `${machine.label}. Substitute these placeholders at deploy time (CloudFormation DefinitionSubstitutions, Terraform templatefile): ${placeholders.join('; ')}.`
          : machine.label,
    };
    for (const problem of validateAsl(definition))
      diagnostics.push({ severity: 'error', nodeId: machine.id, message: `invalid ASL: ${problem}` });
    files.push({ path: `${machine.id}.asl.json`, content: `${JSON.stringify(definition, null, 2)}\n` });
  }
  if (files.length === 0)
    diagnostics.push({
      severity: 'info',
      message: 'the design has no state machine, so there is no ASL to export',
    });
  return { files, diagnostics };
}

export const aslExporter: Exporter = {
  format: 'asl',
  label: 'Step Functions (ASL)',
  description:
    'One Amazon States Language definition per state machine, checked against the Step Functions rules.',
  export: exportAsl,
};
