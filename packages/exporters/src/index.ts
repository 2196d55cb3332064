/**
 * @stackdraft/exporters: pure functions from a document to files (Terraform, AWS CDK,
 * Kubernetes/Istio, Step Functions ASL, Mermaid, draw.io, SVG, the document itself) and importers.
 */
export { EXPORT_FORMATS, EXPORTERS, findExporter } from './registry';
export { camelIdentifier, NameAllocator, pascalIdentifier, snakeIdentifier } from './shared/names';
export type {
  ExportDiagnostic,
  ExportedFile,
  Exporter,
  ExportFormat,
  ExportOptions,
  ExportResult,
} from './types';
