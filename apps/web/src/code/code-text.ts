import {
  type ArchitectureDocument,
  type DocumentError,
  parseDocument,
  serializeDocument,
} from '@stackdraft/patterns';

/** Work the code view hands to its worker: write the design as YAML, or read YAML back. */
export type CodeRequest = { op: 'serialize'; doc: ArchitectureDocument } | { op: 'parse'; text: string };

export type CodeResponse =
  | { op: 'serialize'; text: string }
  | { op: 'parse'; ok: true; doc: ArchitectureDocument }
  | { op: 'parse'; ok: false; errors: DocumentError[] };

/**
 * Does one request. Serializing a 10,000-node design takes most of a second and parsing it a
 * fifth, so in the browser this runs in the code worker and typing never waits for it.
 */
export function handleCodeRequest(request: CodeRequest): CodeResponse {
  if (request.op === 'serialize') return { op: 'serialize', text: serializeDocument(request.doc, 'yaml') };
  const r = parseDocument(request.text, { format: 'yaml' });
  return r.ok ? { op: 'parse', ok: true, doc: r.document } : { op: 'parse', ok: false, errors: r.errors };
}
