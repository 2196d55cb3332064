import { isMap, isSeq, Document as YamlDocument, type Node as YamlNode } from 'yaml';
import type { DocumentFormat } from './parse';
import type { ArchitectureDocument } from './schema';

const TOP_ORDER = [
  'stackdraft',
  'name',
  'description',
  'provider',
  'region',
  'environment',
  'budget',
  'usage',
  'nodes',
  'edges',
  'suppressions',
  'views',
  'notes',
];
const NODE_ORDER = ['id', 'kind', 'label', 'parent', 'position', 'size', 'config'];
const EDGE_ORDER = ['id', 'source', 'target', 'kind', 'label', 'config'];

function ordered<T extends object>(obj: T, order: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of order)
    if ((obj as Record<string, unknown>)[k] !== undefined) out[k] = (obj as Record<string, unknown>)[k];
  for (const [k, v] of Object.entries(obj)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as T;
}

/** Canonical key order, so that files diff well whichever tool wrote them. */
function canonical(doc: ArchitectureDocument): ArchitectureDocument {
  return ordered(
    {
      ...doc,
      nodes: doc.nodes.map((n) => ordered(n, NODE_ORDER)),
      edges: doc.edges.map((e) => ordered(e, EDGE_ORDER)),
    },
    TOP_ORDER,
  );
}

/** Small leaf mappings (positions, sizes, retry settings) read best on one line. */
function flowSmallMaps(node: unknown, depth: number): void {
  if (isMap(node)) {
    const leafy = node.items.every((p) => !isMap(p.value) && !isSeq(p.value));
    if (depth >= 3 && leafy && node.items.length <= 4) (node as YamlNode & { flow?: boolean }).flow = true;
    for (const p of node.items) flowSmallMaps(p.value, depth + 1);
  } else if (isSeq(node)) {
    for (const item of node.items) flowSmallMaps(item, depth + 1);
  }
}

/**
 * Writes a document as YAML or JSON, in canonical key order. `parseDocument(serializeDocument(d))`
 * gives back a document deep-equal to `d`.
 */
export function serializeDocument(doc: ArchitectureDocument, format: DocumentFormat): string {
  const c = canonical(doc);
  if (format === 'json') return `${JSON.stringify(c, null, 2)}\n`;
  const y = new YamlDocument(c, { aliasDuplicateObjects: false });
  flowSmallMaps(y.contents, 0);
  return y.toString({ lineWidth: 0, flowCollectionPadding: true });
}
