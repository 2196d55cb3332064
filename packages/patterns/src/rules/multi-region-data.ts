import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import { type Graph, graphOf, type ResolvedEdge } from '../graph/graph';
import { isService, isWriteEdge, listing, named, ruleContext, setting } from './context';
import { defineRule } from './define-rule';
import { Additions } from './edit';
import type { Draft, RuleContext } from './types';

export const multiRegionData = defineRule({
  id: 'multi-region-data',
  title: 'Multi-region services over single-region data',
  severity: 'warning',
  pillar: 'reliability',
  explanation:
    'Running services in two regions only helps if their data is there too. When a database lives in one ' +
    'region, services in the other region write to it across an ocean (every write pays the round trip) ' +
    'and stop working when that region fails, which is the failure the second region was meant to survive. ' +
    'The multi-region active-active pattern replicates the data into every region that runs services: a ' +
    'DynamoDB global table (one table per region, replicating both ways), an Aurora/RDS cross-region replica, ' +
    'or a DocumentDB global cluster, with latency-based DNS sending users to the nearest healthy region. A ' +
    'database counts as replicated into a region when a copy of it (same kind, or a read replica of a SQL ' +
    'database) sits there and is joined to it by replication edges.',
  pattern: 'Resilience Patterns: Multi-Region Active-Active',
  check(graph, ctx) {
    const computeRegions = new Set(ctx.indicesWithTrait('compute').map((i) => graph.regionAt(i)));
    if (computeRegions.size < 2) return [];
    const copies = copyRegions(graph);
    const everywhere = [...computeRegions].sort();
    const runIn = listing(everywhere);
    const drafts: Draft[] = [];
    const missing = new Map<ReadonlySet<string>, string>();
    const { inStart, inEdges, edgeSource } = graph.arrays;
    const dbs = ctx.withTrait('database');
    const numbers = ctx.indicesWithTrait('database');
    for (let d = 0; d < dbs.length; d++) {
      const db = dbs[d] as DocumentNode;
      const i = numbers[d] as number;
      // Writers and their regions by node number, straight from the adjacency arrays.
      const writes: ResolvedEdge[] = [];
      const writerRegions: string[] = [];
      for (let p = inStart[i] as number; p < (inStart[i + 1] as number); p++) {
        const k = inEdges[p] as number;
        const r = graph.edgeAt(k);
        if (!isWriteEdge(r) || !isService(r.source)) continue;
        writes.push(r);
        writerRegions.push(graph.regionAt(edgeSource[k] as number));
      }
      if (writes.length === 0) continue;
      const covered = copies(db, i);
      const home = graph.regionAt(i);
      const name = named(db);
      if (writerRegions.some((region) => !covered.has(region))) {
        const remote = writes.filter((_, w) => !covered.has(writerRegions[w] as string));
        const from = [...new Set(writerRegions.filter((region) => !covered.has(region)))];
        drafts.push({
          nodeIds: [db.id, ...new Set(remote.map((r) => r.source.id))],
          edgeIds: remote.map((r) => r.edge.id),
          discriminator: db.id,
          message:
            `${name} (${home}) is written from ${listing(from)} by ${listing([...new Set(remote.map((r) => named(r.source)))])}, ` +
            `where it has no replica: those writes cross regions and stop when ${home} fails.`,
          fixLabel: `Replicate ${name} into ${listing(from)}`,
        });
      } else if (covered.size < 2) {
        // Stores alone in a region share their set of regions, so the list of the others is made once.
        let others = missing.get(covered);
        if (others === undefined) {
          others = listing(everywhere.filter((r) => !covered.has(r)));
          missing.set(covered, others);
        }
        drafts.push({
          nodeIds: [db.id],
          edgeIds: writes.map((r) => r.edge.id),
          discriminator: db.id,
          message:
            `${name} lives only in ${home} while services run in ${runIn}: ` +
            `if ${home} fails, the other regions cannot take over its data.`,
          fixLabel: `Replicate ${name} into ${others}`,
        });
      }
    }
    return drafts;
  },
  fix: {
    id: 'replicate-across-regions',
    label: 'Replicate it into the other regions',
    apply(doc, finding) {
      const graph = graphOf(doc);
      const ctx = ruleContext(doc);
      const db = graph.nodes.get(finding.nodeIds[0] as string);
      if (!db) return doc;
      const covered = copyRegions(graph)(db);
      const needed = new Set(regionsOf(graph, ctx.withTrait('compute')));
      for (const r of graph.incoming(db.id)) if (isService(r.source)) needed.add(graph.regionOf(r.source.id));
      const missing = [...needed].filter((r) => !covered.has(r)).sort();
      return replicate(doc, graph, ctx, db, missing);
    },
  },
});

function regionsOf(graph: Graph, nodes: readonly DocumentNode[]): Set<string> {
  return new Set(nodes.map((n) => graph.regionOf(n.id)));
}

/** Is this replication edge a copy of the same data (not a projection such as a search index)? */
function isCopy(r: ResolvedEdge): boolean {
  return (
    r.kind === 'replication' &&
    (r.source.kind === r.target.kind ||
      (r.source.kind === 'sql-database' && r.target.kind === 'read-replica'))
  );
}

/**
 * For each database: the regions its copies live in (its own included), joined by replication in
 * either direction. One union-find pass over the replication edges, then O(1) per database.
 */
function copyRegions(graph: Graph): (db: DocumentNode, index?: number) => ReadonlySet<string> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    for (let cur = id; cur !== root; ) {
      const next = parent.get(cur) as string;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const { edgeKinds } = graph.arrays;
  for (let k = 0; k < graph.edgeCount; k++) {
    // Only replication edges can be copies: the others are never made into edge objects here.
    if (edgeKinds[k] !== 'replication') continue;
    const r = graph.edgeAt(k);
    if (!isCopy(r)) continue;
    for (const id of [r.source.id, r.target.id]) if (!parent.has(id)) parent.set(id, id);
    const a = find(r.source.id);
    const b = find(r.target.id);
    if (a !== b) parent.set(a, b);
  }
  // Only stores joined by replication have copies; every other store is alone in its region, and
  // shares a one-region set with the stores of that region instead of allocating its own.
  const regions = new Map<string, Set<string>>();
  for (const id of parent.keys()) {
    const root = find(id);
    const set = regions.get(root);
    if (set) set.add(graph.regionOf(id));
    else regions.set(root, new Set([graph.regionOf(id)]));
  }
  const alone = new Map<string, ReadonlySet<string>>();
  return (db, index) => {
    if (parent.size > 0 && parent.has(db.id)) return regions.get(find(db.id)) as Set<string>;
    const region = index === undefined ? graph.regionOf(db.id) : graph.regionAt(index);
    let set = alone.get(region);
    if (!set) {
      set = new Set([region]);
      alone.set(region, set);
    }
    return set;
  };
}

/**
 * Adds a copy of `db` in each region of `missing`: a table replica replicating both ways (a global
 * table, written locally, so that region's services move their edges to it), a read replica of a SQL
 * database, or a secondary of a document database (those two are read-only: only read edges move).
 */
function replicate(
  doc: ArchitectureDocument,
  graph: Graph,
  ctx: RuleContext,
  db: DocumentNode,
  missing: readonly string[],
): ArchitectureDocument {
  const add = new Additions(doc);
  const groups = new Map<string, string>();
  for (const g of ctx.ofKind('region')) {
    // As `graph.regionOf` reads it: a region group without a name is the document's region.
    const name = typeof g.config?.name === 'string' ? g.config.name : doc.region;
    if (!groups.has(name)) groups.set(name, g.id);
  }
  const multiWriter = db.kind === 'nosql-table';
  const moved = new Map<string, string>(); // edge id -> new target
  for (const region of missing) {
    const parent = groups.get(region);
    // A region without a group node is the document's default region: the top level.
    if (parent === undefined && region !== doc.region) continue;
    const copy: Omit<DocumentNode, 'id'> = {
      kind: db.kind === 'sql-database' ? 'read-replica' : db.kind,
      label: `${db.label.trim() === '' ? db.id : db.label} (${region})`,
    };
    if (parent !== undefined) copy.parent = parent;
    if (db.kind === 'sql-database') {
      copy.config = { instanceClass: setting(db, 'instanceClass'), storageGb: setting(db, 'storageGb') };
    } else if (db.config) copy.config = structuredClone(db.config);
    const id = add.node(`${db.id}-${region}`, copy);
    add.edge(db.id, id, 'replication');
    if (multiWriter) add.edge(id, db.id, 'replication');
    for (const r of graph.incoming(db.id)) {
      if (!isService(r.source) || graph.regionOf(r.source.id) !== region) continue;
      if (multiWriter || !isWriteEdge(r)) moved.set(r.edge.id, id);
    }
  }
  const edges = doc.edges.map((e): DocumentEdge => {
    const target = moved.get(e.id);
    return target ? { ...e, target } : e;
  });
  return add.applyTo({ ...doc, edges });
}
