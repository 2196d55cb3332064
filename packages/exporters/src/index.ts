/**
 * @stackdraft/exporters: pure functions from a document to files (Terraform, AWS CDK,
 * Kubernetes/Istio, Step Functions ASL, Mermaid, draw.io, SVG, the document itself) and importers.
 */
export { buildDefinition } from './asl/build';
export { exportAsl } from './asl/index';
export type { AslDefinition, AslState } from './asl/types';
export { validateAsl } from './asl/validate';
export { exportCdk } from './cdk/index';
export { renderDrawio } from './drawio/index';
export {
  type HclParser,
  type ImportOptions,
  type ImportReport,
  type ImportResult,
  type ImportWarning,
  importTerraform,
  type MappedResource,
  type SourceLocation,
  type TerraformFile,
  TerraformImportError,
  type UnmappedResource,
} from './import/index';
export { exportKubernetes } from './k8s/index';
export { mermaidLabel, renderMermaid } from './mermaid/index';
export { EXPORT_FORMATS, EXPORTERS, findExporter } from './registry';
export { camelIdentifier, NameAllocator, pascalIdentifier, snakeIdentifier } from './shared/names';
export { renderSvg } from './svg/index';
export { layoutDocument } from './svg/layout';
export { exportTerraform, terraformExporter } from './terraform/exporter';
export type {
  ExportDiagnostic,
  ExportedFile,
  Exporter,
  ExportFormat,
  ExportOptions,
  ExportResult,
} from './types';
