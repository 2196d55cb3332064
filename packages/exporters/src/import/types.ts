import type { ArchitectureDocument } from '@stackdraft/patterns';

/** One input file of a Terraform module: its path (as the user named it) and its text. */
export interface TerraformFile {
  path: string;
  content: string;
}

export interface ImportOptions {
  /** Name of the design; defaults to "Imported from Terraform". */
  name?: string;
  /**
   * The HCL parser (`parse` of `@cdktf/hcl2json`, or the same WASM loaded by a browser). Defaults
   * to loading `@cdktf/hcl2json`, which only runs in Node.
   */
  parse?: (filename: string, content: string) => Promise<unknown>;
}

/** A Terraform resource that became (part of) a node. */
export interface MappedResource {
  /** `aws_sqs_queue.orders` */
  address: string;
  nodeId: string;
  kind: string;
}

/** A resource that did not become a node, and why. */
export interface UnmappedResource {
  address: string;
  reason: string;
  /** When the resource supports a node (its IAM role, security group, ...): that node. */
  supports?: string;
}

export interface ImportWarning {
  message: string;
  /** The resource the warning is about, when there is one. */
  address?: string;
}

export interface ImportReport {
  mapped: MappedResource[];
  unmapped: UnmappedResource[];
  warnings: ImportWarning[];
}

export interface ImportResult {
  /** A valid document (passes `loadDocument`); positions are left for the app's auto layout. */
  document: ArchitectureDocument;
  report: ImportReport;
}

/** Where a problem is in the input: `file.tf:12:3`. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * Bad input (malformed HCL, no resources at all): the message names the file and line, in the
 * form `main.tf:12:3: Invalid expression; ...`, ready to print.
 */
export class TerraformImportError extends Error {
  constructor(
    message: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
    this.name = 'TerraformImportError';
  }
}
