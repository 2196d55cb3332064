import { EXPORTERS, findExporter } from '@stackdraft/exporters';
import type { ArchitectureDocument } from '@stackdraft/patterns';

/** A format as the Export dialog lists it (from the exporters registry). */
export interface FormatInfo {
  readonly format: string;
  readonly label: string;
  readonly description: string;
}

export interface ExportedFiles {
  readonly files: readonly { path: string; content: string }[];
  readonly diagnostics: readonly {
    severity: 'error' | 'warning' | 'info';
    message: string;
    nodeId?: string;
  }[];
  /** Time the exporter took, in milliseconds. */
  readonly ms: number;
}

/** Work the export worker does: list the formats, or run one exporter on a design. */
export type ExportRequest = { op: 'list' } | { op: 'export'; format: string; doc: ArchitectureDocument };
export type ExportResponse = { op: 'list'; formats: FormatInfo[] } | ({ op: 'export' } & ExportedFiles);

/**
 * Runs one request against the exporters registry. The exporters (Terraform, CDK, Kubernetes,
 * diagrams) load with this module only, in the export worker, so they are never part of the
 * editor's download until Export is used, and a large design never blocks the page. Named imports
 * keep the Terraform importer (Node's HCL parser) out of the worker.
 */
export async function handleExportRequest(request: ExportRequest): Promise<ExportResponse> {
  if (request.op === 'list') {
    return {
      op: 'list',
      formats: EXPORTERS.map((e) => ({ format: e.format, label: e.label, description: e.description })),
    };
  }
  const exporter = findExporter(request.format);
  if (!exporter) throw new Error(`there is no "${request.format}" exporter`);
  const started = performance.now();
  const r = exporter.export(request.doc);
  return { op: 'export', files: r.files, diagnostics: r.diagnostics, ms: performance.now() - started };
}
