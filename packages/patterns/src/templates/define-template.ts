import type { DocumentEdge, DocumentNode } from '../document/schema';

/** A whole pattern as a fragment of a document: nodes (groups first) and the edges between them. */
export interface Fragment {
  nodes: DocumentNode[];
  edges: DocumentEdge[];
}

export interface TemplateDefinition {
  /** Stable id, e.g. `queue-processing`. */
  readonly id: string;
  /** Shown in the palette as `Insert <name>`. */
  readonly name: string;
  /** What the pattern is for, in one or two sentences. */
  readonly description: string;
  /** Which seed pattern it renders (section of the source material). */
  readonly pattern: string;
  /** Builds a fresh fragment (local ids; positions relative to the fragment's top-left). */
  readonly build: () => Fragment;
}

export function defineTemplate(t: TemplateDefinition): TemplateDefinition {
  return Object.freeze(t);
}
