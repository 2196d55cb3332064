import type { ArchitectureDocument } from '@stackdraft/patterns';

/** One generated file: a relative POSIX path inside the output directory, and its text. */
export interface ExportedFile {
  path: string;
  content: string;
}

/** Something the exporter could not express, or did on purpose differently; shown to the user. */
export interface ExportDiagnostic {
  severity: 'error' | 'warning' | 'info';
  message: string;
  nodeId?: string;
  edgeId?: string;
}

export interface ExportResult {
  files: ExportedFile[];
  diagnostics: ExportDiagnostic[];
}

export interface ExportOptions {
  /** Reserved for per-format settings; every exporter has sensible defaults. */
  [key: string]: unknown;
}

/** Identifiers of the formats, as the CLI (`--format`) and the API (`/api/export/:format`) name them. */
export type ExportFormat =
  | 'terraform'
  | 'cdk'
  | 'k8s'
  | 'asl'
  | 'mermaid'
  | 'drawio'
  | 'svg'
  | 'json'
  | 'yaml';

/** An exporter: a pure, deterministic function from a valid document to files. */
export interface Exporter {
  format: ExportFormat;
  /** Shown in pickers, e.g. "Terraform (AWS)". */
  label: string;
  /** What it produces, one sentence. */
  description: string;
  export(doc: ArchitectureDocument, options?: ExportOptions): ExportResult;
}
