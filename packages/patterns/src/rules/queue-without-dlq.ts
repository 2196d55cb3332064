import type { ArchitectureDocument, DocumentNode } from '../document/schema';
import { graphOf, type ResolvedEdge } from '../graph/graph';
import { named, setting } from './context';
import { defineRule } from './define-rule';
import { Additions, beside, parentFor } from './edit';
import type { Draft } from './types';

/** Kinds whose consumers get messages redelivered, and so need somewhere to put poison messages. */
const SOURCES = ['queue', 'topic'] as const;

export const queueWithoutDlq = defineRule({
  id: 'queue-without-dlq',
  title: 'Queue without a dead-letter queue',
  severity: 'warning',
  pillar: 'reliability',
  explanation:
    'When a consumer keeps failing on a message (a bug, a malformed payload, a dependency that is down), the ' +
    'queue delivers it again and again: it blocks the consumer, burns retries and is finally dropped when its ' +
    'retention ends, with nobody the wiser. Queue-based load levelling pairs every consumed queue with a ' +
    'dead-letter queue: after maxReceiveCount failed receives the message is moved aside, where it can be ' +
    'inspected, alarmed on and redriven once the cause is fixed. The same holds for a topic subscription that ' +
    'invokes a consumer directly: give the subscription a dead-letter queue for the deliveries that fail.',
  pattern: 'Messaging Patterns: Queue-Based Load Leveling (dead-letter queue)',
  check(graph, ctx) {
    const drafts: Draft[] = [];
    const { kinds, outStart, outEdges, edgeKinds, edgeTarget } = graph.arrays;
    for (const kind of SOURCES) {
      const nodes = ctx.ofKind(kind);
      const numbers = ctx.indicesOfKind(kind);
      for (let n = 0; n < nodes.length; n++) {
        const node = nodes[n] as DocumentNode;
        const i = numbers[n] as number;
        // From the adjacency arrays: edge objects are made only for the consumers of a finding.
        const from = outStart[i] as number;
        const to = outStart[i + 1] as number;
        let redrives = false;
        for (let p = from; p < to && !redrives; p++) {
          const k = outEdges[p] as number;
          redrives = edgeKinds[k] === 'redrive' && kinds[edgeTarget[k] as number]?.id === 'dead-letter-queue';
        }
        if (redrives) continue;
        const consumers: ResolvedEdge[] = [];
        for (let p = from; p < to; p++) {
          const k = outEdges[p] as number;
          if (edgeKinds[k] === 'trigger') consumers.push(graph.edgeAt(k));
        }
        if (consumers.length === 0) continue;
        const what = kind === 'queue' ? 'Queue' : 'Topic';
        const by = consumers.map((r) => named(r.target));
        drafts.push({
          nodeIds: [node.id],
          edgeIds: consumers.map((r) => r.edge.id),
          // Stays the same finding when consumers are added or removed.
          discriminator: node.id,
          message:
            `${what} ${named(node)} invokes ${by.join(', ')} but has no dead-letter queue: messages that keep ` +
            `failing are retried until they expire and are then lost.`,
          fixLabel: `Add a dead-letter queue to ${named(node)}`,
        });
      }
    }
    return drafts;
  },
  fix: {
    id: 'add-dlq',
    label: 'Add a dead-letter queue',
    apply: (doc, finding) => addDeadLetterQueue(doc, finding.nodeIds[0] as string),
  },
});

/**
 * Adds a dead-letter queue beside `sourceId` (same parent when it may hold one, just below it,
 * FIFO when the source is FIFO) and a redrive edge into it.
 */
export function addDeadLetterQueue(doc: ArchitectureDocument, sourceId: string): ArchitectureDocument {
  const source = graphOf(doc).nodes.get(sourceId);
  if (!source) return doc;
  const add = new Additions(doc);
  const parent = parentFor(doc, source, 'dead-letter-queue');
  const node: Omit<DocumentNode, 'id'> = { kind: 'dead-letter-queue', label: dlqLabel(source) };
  if (parent !== undefined) node.parent = parent;
  const position = beside(source, parent, { x: 0, y: 140 });
  if (position) node.position = position;
  // A FIFO queue can only redrive into a FIFO dead-letter queue.
  if (setting<boolean>(source, 'fifo') === true) node.config = { fifo: true };
  const dlq = add.node(`${source.id}-dlq`, node);
  add.edge(source.id, dlq, 'redrive');
  return add.applyTo();
}

function dlqLabel(source: DocumentNode): string {
  return `${source.label.trim() === '' ? source.id : source.label} DLQ`;
}
