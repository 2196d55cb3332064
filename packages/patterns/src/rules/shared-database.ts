import { findKind } from '../catalog/registry';
import { allowedEdgeKinds } from '../connections/can-connect';
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import { type Graph, graphOf, type ResolvedEdge } from '../graph/graph';
import { slugify } from '../util/ids';
import { accessOf, isService, isWriteEdge, listing, named } from './context';
import { defineRule } from './define-rule';
import { Additions, beside } from './edit';

export const sharedDatabase = defineRule({
  id: 'shared-database',
  title: 'Database shared by several services',
  severity: 'warning',
  pillar: 'reliability',
  alsoAffects: ['operational-excellence'],
  explanation:
    'When several services write the same database, the database becomes the real interface between them: a ' +
    'schema change needs every team at once, one service’s heavy query or migration slows the others, and ' +
    'one failure takes them all down (a large blast radius). This is the seed’s first common pitfall, the ' +
    'monolithic database. The microservices pattern gives each service its own database, chosen for its ' +
    'data (orders in PostgreSQL, products in DynamoDB), and shares data through the owner’s API or events. ' +
    'Reads by other services are not flagged here; writes are, because two writers mean two owners. The fix ' +
    'draws the target design (a database per writer); moving the data is a migration to plan.',
  pattern: 'Common Pitfalls 1: Monolithic Databases (database per service)',
  check(graph, ctx) {
    const numbers = ctx.indicesWithTrait('database');
    return ctx.withTrait('database').flatMap((db, d) => {
      // Most stores have one writer: count writers from the arrays first, without making edges.
      if (!hasTwoWriters(graph, numbers[d] as number)) return [];
      const byWriter = writersOf(graph, db);
      if (byWriter.size < 2) return [];
      const writers = [...byWriter.keys()].map((id) => graph.nodes.get(id) as DocumentNode);
      return [
        {
          nodeIds: [db.id, ...writers.map((w) => w.id)],
          edgeIds: [...byWriter.values()].flat().map((r) => r.edge.id),
          message: `${named(db)} is written by ${byWriter.size} services (${listing(writers.map(named))}): they are coupled through its schema and fail together.`,
          fixLabel: `Give each service its own copy of ${named(db)}`,
        },
      ];
    });
  },
  fix: {
    id: 'split-database',
    label: 'One database per service',
    apply: (doc, finding) => splitDatabase(doc, finding.nodeIds[0] as string),
  },
});

function isAllowed(r: ResolvedEdge): boolean {
  const s = findKind(r.source.kind);
  const t = findKind(r.target.kind);
  return (
    s !== undefined && t !== undefined && r.kind !== undefined && allowedEdgeKinds(s, t).includes(r.kind)
  );
}

/** Do two different services write node `i` (as `writersOf` counts them)? Read from the arrays. */
function hasTwoWriters(graph: Graph, i: number): boolean {
  const { kinds, inStart, inEdges, edgeSource, edgeKinds, edgeDocs } = graph.arrays;
  let first = -1;
  for (let p = inStart[i] as number; p < (inStart[i + 1] as number); p++) {
    const k = inEdges[p] as number;
    const kind = edgeKinds[k];
    if ((kind !== 'sync' && kind !== 'async') || accessOf(edgeDocs[k] as DocumentEdge) === 'read') continue;
    const s = edgeSource[k] as number;
    if (!kinds[s]?.traits.includes('compute')) continue;
    if (first === -1) first = s;
    else if (s !== first) return true;
  }
  return false;
}

/** Services that write `db`, in edge order, with their write edges. */
function writersOf(graph: Graph, db: DocumentNode): Map<string, ResolvedEdge[]> {
  const writers = new Map<string, ResolvedEdge[]>();
  for (const r of graph.incoming(db.id)) {
    if (!isWriteEdge(r) || !isService(r.source)) continue;
    const list = writers.get(r.source.id);
    if (list) list.push(r);
    else writers.set(r.source.id, [r]);
  }
  return writers;
}

/**
 * Keeps `dbId` for its first writer and gives every other writer its own copy (same kind, config
 * and group, unique id), moving all of that writer's edges to the database onto its copy. The
 * database's outgoing edges (e.g. to a secrets vault) are copied; replication is not, since a
 * replica belongs to one primary.
 */
export function splitDatabase(doc: ArchitectureDocument, dbId: string): ArchitectureDocument {
  const graph = graphOf(doc);
  const db = graph.nodes.get(dbId);
  if (!db) return doc;
  const writers = [...writersOf(graph, db).keys()].slice(1);
  const add = new Additions(doc);
  const rewire = new Map<string, string>(); // writer id -> its database
  writers.forEach((writerId, i) => {
    const writer = graph.nodes.get(writerId) as DocumentNode;
    const copy: Omit<DocumentNode, 'id'> = {
      kind: db.kind,
      label: `${db.label} (${writer.label.trim() === '' ? writer.id : writer.label})`,
    };
    if (db.parent !== undefined) copy.parent = db.parent;
    const position = beside(db, db.parent, { x: 0, y: 140 * (i + 1) });
    if (position) copy.position = position;
    if (db.config) copy.config = structuredClone(db.config);
    const id = add.node(`${db.id}-${slugify(writer.id)}`, copy);
    rewire.set(writerId, id);
    for (const r of graph.outgoing(db.id)) {
      // Copy only edges the catalog allows, so that the fix never adds an invalid connection.
      if (r.kind === undefined || r.kind === 'replication' || !isAllowed(r)) continue;
      add.edge(id, r.target.id, r.kind, r.edge.config && structuredClone(r.edge.config));
    }
  });
  const edges = doc.edges.map((e): DocumentEdge => {
    const target = e.target === dbId ? rewire.get(e.source) : undefined;
    return target ? { ...e, target } : e;
  });
  return add.applyTo({ ...doc, edges });
}
