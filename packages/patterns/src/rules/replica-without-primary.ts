import type { DocumentNode } from '../document/schema';
import type { Graph } from '../graph/graph';
import { graphOf } from '../graph/graph';
import { named, ruleContext } from './context';
import { defineRule } from './define-rule';
import { Additions } from './edit';
import type { RuleContext } from './types';

export const replicaWithoutPrimary = defineRule({
  id: 'replica-without-primary',
  title: 'Read replica without a primary',
  severity: 'error',
  pillar: 'reliability',
  explanation:
    'A read replica copies a primary SQL database; without one it has nothing to replicate and cannot be ' +
    'created, because a replica is defined by its source. It is usually left over after the primary was ' +
    'deleted, or the replication edge was never drawn, and the services reading it would get no data. ' +
    'Draw the replication edge from the primary it copies: ' +
    'in the same region to spread reads, or from another region for a cross-region replica that also serves ' +
    'as a standby.',
  pattern: 'Data Patterns: Read Replicas',
  check(graph, ctx) {
    const orphans = ctx
      .ofKind('read-replica')
      .filter(
        (replica) =>
          !graph
            .incoming(replica.id)
            .some((r) => r.kind === 'replication' && r.source.kind === 'sql-database'),
      );
    if (orphans.length === 0) return [];
    const primaryOf = primaries(graph, ctx);
    return orphans.map((replica) => {
      const primary = primaryOf(replica);
      return {
        nodeIds: [replica.id],
        message: `Read replica ${named(replica)} has no replication edge from a primary SQL database, so it has nothing to copy.`,
        fixLabel: primary ? `Replicate ${named(primary)} into ${named(replica)}` : null,
      };
    });
  },
  fix: {
    id: 'connect-primary',
    label: 'Connect it to its primary',
    apply(doc, finding) {
      const graph = graphOf(doc);
      const replica = graph.nodes.get(finding.nodeIds[0] as string);
      const primary = replica && primaries(graph, ruleContext(doc))(replica);
      if (!replica || !primary) return doc;
      const add = new Additions(doc);
      add.edge(primary.id, replica.id, 'replication');
      return add.applyTo();
    },
  },
});

/**
 * Finds the primary a replica evidently belongs to: the only SQL database in its region, else the
 * only one in the design; undefined when that is ambiguous. Indexes the databases once.
 */
function primaries(graph: Graph, ctx: RuleContext): (replica: DocumentNode) => DocumentNode | undefined {
  const all = ctx.ofKind('sql-database');
  const byRegion = new Map<string, DocumentNode[]>();
  for (const db of all) {
    const region = graph.regionOf(db.id);
    const list = byRegion.get(region);
    if (list) list.push(db);
    else byRegion.set(region, [db]);
  }
  return (replica) => {
    const local = byRegion.get(graph.regionOf(replica.id));
    if (local?.length === 1) return local[0];
    return all.length === 1 ? all[0] : undefined;
  };
}
