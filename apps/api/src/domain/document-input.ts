import {
  type ArchitectureDocument,
  type DocumentError,
  formatPath,
  loadDocument,
} from '@stackdraft/patterns';
import { ApiError } from '../http/errors';

/** Limits on what one stored design may hold; the editor stays usable well below them. */
export interface DocumentLimits {
  maxNodes: number;
  maxEdges: number;
}

export const DEFAULT_LIMITS: DocumentLimits = { maxNodes: 5_000, maxEdges: 20_000 };

const bodyPath = (segments: readonly (string | number)[]) => formatPath(['document', ...segments]);

function detail(e: DocumentError) {
  return { code: e.code, message: e.message, path: bodyPath(e.segments) };
}

function countOf(raw: unknown, key: 'nodes' | 'edges'): number {
  if (raw === null || typeof raw !== 'object') return 0;
  const list = (raw as Record<string, unknown>)[key];
  return Array.isArray(list) ? list.length : 0;
}

/**
 * Turns the `document` of a request body into a valid document, with the domain's own loader
 * (`loadDocument`: migration, schema, references, node configs), or throws a 422 whose `path` is
 * the first problem's place in the body (`document.nodes[3].label`) and whose `details` list every
 * problem. Size caps are checked first, so an oversized design is refused before any real work.
 */
export function readDocument(raw: unknown, limits: DocumentLimits = DEFAULT_LIMITS): ArchitectureDocument {
  const nodes = countOf(raw, 'nodes');
  if (nodes > limits.maxNodes) {
    throw new ApiError(
      422,
      'too-many-nodes',
      `The design has ${nodes} nodes; a shared design may have at most ${limits.maxNodes}.`,
      { path: 'document.nodes' },
    );
  }
  const edges = countOf(raw, 'edges');
  if (edges > limits.maxEdges) {
    throw new ApiError(
      422,
      'too-many-edges',
      `The design has ${edges} edges; a shared design may have at most ${limits.maxEdges}.`,
      { path: 'document.edges' },
    );
  }
  const result = loadDocument(raw);
  if (result.ok) return result.document;
  const [first] = result.errors;
  const path = first ? bodyPath(first.segments) : 'document';
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more problems)` : '';
  throw new ApiError(
    422,
    'invalid-document',
    `${path}: ${first?.message ?? 'the document is not valid'}${more}`,
    {
      path,
      details: result.errors.map(detail),
    },
  );
}
