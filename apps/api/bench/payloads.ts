import { type ArchitectureDocument, loadDocument } from '@stackdraft/patterns';
import { generateLargeDocument } from '@stackdraft/patterns/testing';

/** A typical shared design: 100 nodes, 150 edges (about 25 KB of JSON). */
export function typicalDocument(name = 'Bench design'): ArchitectureDocument {
  return { ...generateLargeDocument(100, 150), name };
}

/** The design of the validate target: 2,000 nodes, 3,000 edges (about 450 KB). */
export const largeDocument = (): ArchitectureDocument => generateLargeDocument(2000, 3000);

/** What GET /api/diagrams/:id answers for the typical design: the bare endpoint sends the same. */
export function readPayload() {
  const loaded = loadDocument(typicalDocument());
  if (!loaded.ok) throw new Error('bench document is invalid');
  const at = new Date(0).toISOString();
  return {
    id: 'x'.repeat(22),
    version: 1,
    createdAt: at,
    updatedAt: at,
    viewEnabled: true,
    canEdit: false,
    document: loaded.document,
  };
}
