import { findKind } from '../catalog/registry';
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import { uniqueId } from '../util/ids';
import type { Fragment } from './define-template';

export interface InsertResult {
  document: ArchitectureDocument;
  /** Fragment-local id -> id in the document (they differ where the local id was taken). */
  idMap: Map<string, string>;
  /** Ids of the inserted top-level nodes, e.g. to select them. */
  insertedNodeIds: string[];
  insertedEdgeIds: string[];
}

/**
 * Places a fragment (a template, a paste) into a document without id clashes: taken ids get a
 * numeric suffix, references inside the fragment follow, and positions of top-level nodes are
 * offset to `at`. Returns a new document; the input is not changed.
 */
export function insertFragment(
  doc: ArchitectureDocument,
  fragment: Fragment,
  options: { at?: { x: number; y: number }; parent?: string } = {},
): InsertResult {
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const idMap = new Map<string, string>();
  for (const n of fragment.nodes) {
    const id = uniqueId(n.id, nodeIds);
    nodeIds.add(id);
    idMap.set(n.id, id);
  }
  const at = options.at ?? { x: 0, y: 0 };
  const nodes: DocumentNode[] = fragment.nodes.map((n) => {
    const local = n.parent !== undefined && idMap.has(n.parent);
    const node: DocumentNode = { ...n, id: idMap.get(n.id) as string };
    if (local) node.parent = idMap.get(n.parent as string) as string;
    else if (options.parent !== undefined) node.parent = options.parent;
    else delete node.parent;
    if (n.position && !local) node.position = { x: n.position.x + at.x, y: n.position.y + at.y };
    if (n.config) {
      const refs = findKind(n.kind)?.nodeRefs;
      const config = structuredClone(n.config);
      node.config = refs ? refs.rename(config, (id) => idMap.get(id) ?? id) : config;
    }
    return node;
  });
  const edges: DocumentEdge[] = fragment.edges.map((e) => {
    const id = uniqueId(e.id, edgeIds);
    edgeIds.add(id);
    const edge: DocumentEdge = {
      ...e,
      id,
      source: idMap.get(e.source) ?? e.source,
      target: idMap.get(e.target) ?? e.target,
    };
    if (e.config) edge.config = structuredClone(e.config);
    return edge;
  });
  return {
    document: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    idMap,
    insertedNodeIds: nodes.filter((n) => n.parent === undefined || !idMap.has(n.parent)).map((n) => n.id),
    insertedEdgeIds: edges.map((e) => e.id),
  };
}
