import type { ArchitectureDocument } from '@stackdraft/patterns';

/** What is selected on the canvas (ids of nodes and edges). */
export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export const EMPTY_SELECTION: Selection = Object.freeze({ nodes: [], edges: [] });

/** The outcome of a document transform: the new document (and what to select), or why not. */
export type TransformResult =
  | { ok: true; doc: ArchitectureDocument; select?: Selection }
  | { ok: false; reason: string };

export const refuse = (reason: string): TransformResult => ({ ok: false, reason });
