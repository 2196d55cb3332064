import { canContain, findKind, KIND_IDS } from '../catalog/registry';
import { didYouMean } from '../util/suggest';
import { capitalize, withArticle } from '../util/text';
import { type DocumentError, docError } from './errors';
import { migrate } from './migrate';
import { type ArchitectureDocument, type DocumentEdge, documentSchema } from './schema';
import { shapeKeysAt } from './shape';
import { fromZodIssues } from './zod-errors';

export type LoadResult =
  | { ok: true; document: ArchitectureDocument }
  | { ok: false; errors: DocumentError[] };

const MAX_EDGE_ID = 90;

/** Deterministic ids for edges written without one, so re-reading a file yields the same ids. */
function assignEdgeIds(edges: ReadonlyArray<Omit<DocumentEdge, 'id'> & { id?: string }>): DocumentEdge[] {
  const taken = new Set<string>();
  for (const e of edges) if (e.id) taken.add(e.id);
  return edges.map((e) => {
    if (e.id) return e as DocumentEdge;
    const base = `${e.source}-${e.target}`.slice(0, MAX_EDGE_ID);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return { ...e, id };
  });
}

/**
 * Checks what a schema cannot: kinds exist and their configs are valid, ids are unique, edges and
 * parents point at existing nodes, parents are groups that may contain the child, and no node is
 * its own ancestor.
 */
export function checkIntegrity(doc: ArchitectureDocument): DocumentError[] {
  const errors: DocumentError[] = [];
  const index = new Map<string, number>();

  doc.nodes.forEach((node, i) => {
    const first = index.get(node.id);
    if (first !== undefined) {
      errors.push(
        docError(
          'duplicate-id',
          ['nodes', i, 'id'],
          `node id "${node.id}" is already used by nodes[${first}]; ids must be unique`,
        ),
      );
    } else index.set(node.id, i);

    const kind = findKind(node.kind);
    if (!kind) {
      errors.push(
        docError(
          'unknown-kind',
          ['nodes', i, 'kind'],
          `unknown node kind "${node.kind}"${didYouMean(node.kind, KIND_IDS)}`,
        ),
      );
      return;
    }
    const r = kind.config.safeParse(node.config ?? {});
    if (!r.success) {
      errors.push(
        ...fromZodIssues(
          r.error.issues,
          node.config ?? {},
          ['nodes', i, 'config'],
          (p) => shapeKeysAt(kind.config, p),
          'invalid-config',
        ),
      );
    }
  });

  const nodeAt = (id: string) => {
    const i = index.get(id);
    return i === undefined ? undefined : doc.nodes[i];
  };
  const missing = (id: string) => `no node has id "${id}"${didYouMean(id, index.keys())}`;

  doc.nodes.forEach((node, i) => {
    if (node.parent === undefined) return;
    const parent = nodeAt(node.parent);
    if (!parent) {
      errors.push(docError('parent-not-found', ['nodes', i, 'parent'], missing(node.parent)));
      return;
    }
    const parentKind = findKind(parent.kind);
    if (!parentKind) return;
    if (!parentKind.group) {
      errors.push(
        docError(
          'parent-not-group',
          ['nodes', i, 'parent'],
          `"${node.parent}" is ${withArticle(parentKind.label)}, not a group; a parent must be a region, availability zone, VPC, subnet or Kubernetes cluster`,
        ),
      );
      return;
    }
    const childKind = findKind(node.kind);
    if (childKind && !canContain(parent.kind, node.kind)) {
      errors.push(
        docError(
          'invalid-containment',
          ['nodes', i, 'parent'],
          `${capitalize(withArticle(parentKind.label))} cannot contain ${withArticle(childKind.label)}`,
        ),
      );
    }
  });

  // Parent cycles: walk up from every node, colouring nodes already proven acyclic.
  const acyclic = new Set<string>();
  doc.nodes.forEach((node, i) => {
    const seen = new Set<string>();
    let cur: string | undefined = node.id;
    while (cur !== undefined && !acyclic.has(cur)) {
      if (seen.has(cur)) {
        if (cur === node.id) {
          errors.push(
            docError(
              'parent-cycle',
              ['nodes', i, 'parent'],
              `"${node.id}" is inside itself: ${[...seen, cur].join(' -> ')}`,
            ),
          );
        }
        break;
      }
      seen.add(cur);
      cur = nodeAt(cur)?.parent;
    }
    if (cur === undefined || acyclic.has(cur)) for (const s of seen) acyclic.add(s);
  });

  const edgeIndex = new Map<string, number>();
  doc.edges.forEach((edge, i) => {
    const first = edgeIndex.get(edge.id);
    if (first !== undefined) {
      errors.push(
        docError(
          'duplicate-id',
          ['edges', i, 'id'],
          `edge id "${edge.id}" is already used by edges[${first}]; ids must be unique`,
        ),
      );
    } else edgeIndex.set(edge.id, i);
    if (!index.has(edge.source))
      errors.push(docError('missing-node', ['edges', i, 'source'], missing(edge.source)));
    if (!index.has(edge.target))
      errors.push(docError('missing-node', ['edges', i, 'target'], missing(edge.target)));
    if (edge.source === edge.target) {
      errors.push(
        docError('self-loop', ['edges', i, 'target'], `an edge cannot connect "${edge.source}" to itself`),
      );
    }
  });

  doc.nodes.forEach((node, i) => {
    const refs = findKind(node.kind)?.nodeRefs;
    if (!refs || !node.config) return;
    for (const ref of refs.list(node.config)) {
      if (!index.has(ref.id))
        errors.push(docError('missing-node', ['nodes', i, 'config', ...ref.path], missing(ref.id)));
    }
  });

  doc.suppressions?.forEach((s, i) => {
    if (s.nodeId !== undefined && !index.has(s.nodeId))
      errors.push(docError('missing-node', ['suppressions', i, 'nodeId'], missing(s.nodeId)));
    if (s.edgeId !== undefined && !edgeIndex.has(s.edgeId)) {
      errors.push(docError('missing-node', ['suppressions', i, 'edgeId'], `no edge has id "${s.edgeId}"`));
    }
  });
  doc.views?.forEach((v, i) => {
    v.highlighted?.forEach((id, j) => {
      if (!index.has(id) && !edgeIndex.has(id))
        errors.push(
          docError('missing-node', ['views', i, 'highlighted', j], `no node or edge has id "${id}"`),
        );
    });
  });
  doc.notes?.forEach((n, i) => {
    if (n.nodeId !== undefined && !index.has(n.nodeId))
      errors.push(docError('missing-node', ['notes', i, 'nodeId'], missing(n.nodeId)));
  });
  return errors;
}

/**
 * Loads a document from plain data (parsed JSON or YAML, an API request body): migrates it to the
 * current format, validates the schema and the references, and fills in top-level defaults and
 * missing edge ids. Never throws on bad input.
 */
export function loadDocument(raw: unknown): LoadResult {
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const parsed = documentSchema.safeParse(migrated.value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: fromZodIssues(parsed.error.issues, migrated.value, [], (p) => shapeKeysAt(documentSchema, p)),
    };
  }
  const document: ArchitectureDocument = { ...parsed.data, edges: assignEdgeIds(parsed.data.edges) };
  const errors = checkIntegrity(document);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, document };
}
