/* Test helper for the diff and analysis tests: a loaded document from terse data. */
import type { ArchitectureDocument } from '../document/schema';
import { loadDocument } from '../document/validate-document';

/** A loaded document (`stackdraft: 1`, name "Orders" unless given); throws when it is not valid. */
export function load(raw: Record<string, unknown>): ArchitectureDocument {
  const r = loadDocument({ stackdraft: 1, name: 'Orders', ...raw });
  if (!r.ok) throw new Error(`invalid test document: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.document;
}
