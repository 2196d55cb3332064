import { accessOf, isWriteEdge, named } from './context';
import { defineRule } from './define-rule';
import { updateEdges } from './edit';

export const writeToReplica = defineRule({
  id: 'write-to-replica',
  title: 'Writes sent to a read replica',
  severity: 'error',
  pillar: 'reliability',
  explanation:
    'A read replica is a read-only copy, kept up to date from its primary: the database refuses writes sent ' +
    'to it, so a write path into a replica fails at the first request. The read-replica pattern splits the ' +
    'traffic: writes (and reads that must see them at once) go to the primary, other reads to the replicas. ' +
    'An edge into a data store is read-write unless it says `access: read`, so a connection meant for ' +
    'reading should say so.',
  pattern: 'Data Patterns: Read Replicas (read/write split)',
  check(graph, ctx) {
    return ctx.ofKind('read-replica').flatMap((replica) =>
      graph
        .incoming(replica.id)
        .filter(isWriteEdge)
        .map((r) => ({
          nodeIds: [replica.id, r.source.id],
          edgeIds: [r.edge.id],
          discriminator: r.edge.id,
          message:
            accessOf(r.edge) === 'write'
              ? `${named(r.source)} writes to read replica ${named(replica)}, which accepts only reads.`
              : `${named(r.source)} connects to read replica ${named(replica)} with readwrite access (the default when ` +
                `access is not set), but a replica accepts only reads.`,
          fixLabel: 'Make this connection read-only (writes go to the primary)',
        })),
    );
  },
  fix: {
    id: 'read-only-access',
    label: 'Make the connection read-only',
    apply: (doc, finding) =>
      updateEdges(doc, new Set(finding.edgeIds), (edge) => ({
        ...edge,
        config: { ...edge.config, access: 'read' },
      })),
  },
});
