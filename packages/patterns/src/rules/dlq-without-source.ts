import type { DocumentNode } from '../document/schema';
import type { Graph } from '../graph/graph';
import { graphOf } from '../graph/graph';
import { named, ruleContext, setting } from './context';
import { defineRule } from './define-rule';
import { Additions } from './edit';
import type { RuleContext } from './types';

export const dlqWithoutSource = defineRule({
  id: 'dlq-without-source',
  title: 'Dead-letter queue that nothing redrives into',
  severity: 'warning',
  pillar: 'reliability',
  explanation:
    'A dead-letter queue only protects the queue, topic subscription or event bus rule that redrives into it. ' +
    'One that no source points at usually means the redrive was forgotten: the design looks protected, but ' +
    'failed messages of the queue it was meant for are retried until they expire and are lost. Connect the ' +
    'source to it with a redrive edge (the queue-based load levelling pattern), or remove it.',
  pattern: 'Messaging Patterns: Queue-Based Load Leveling (dead-letter queue)',
  check(graph, ctx) {
    const { inStart, inEdges, edgeKinds } = graph.arrays;
    const numbers = ctx.indicesOfKind('dead-letter-queue');
    // Redrive edges found in the arrays, by node number: no edge list is made per queue.
    const redriven = (i: number): boolean => {
      for (let p = inStart[i] as number; p < (inStart[i + 1] as number); p++)
        if (edgeKinds[inEdges[p] as number] === 'redrive') return true;
      return false;
    };
    const orphans = ctx.ofKind('dead-letter-queue').filter((_, d) => !redriven(numbers[d] as number));
    if (orphans.length === 0) return [];
    const candidates = unprotectedQueues(graph, ctx);
    return orphans.map((dlq) => {
      const source = loneCandidate(candidates, dlq);
      return {
        nodeIds: [dlq.id],
        message: `Dead-letter queue ${named(dlq)} receives nothing: no queue, topic or event bus redrives failed messages into it.`,
        fixLabel: source ? `Redrive ${named(source)} into ${named(dlq)}` : null,
      };
    });
  },
  fix: {
    id: 'connect-source',
    label: 'Redrive the queue beside it into it',
    apply(doc, finding) {
      const graph = graphOf(doc);
      const dlq = graph.nodes.get(finding.nodeIds[0] as string);
      const source = dlq && loneCandidate(unprotectedQueues(graph, ruleContext(doc)), dlq);
      if (!dlq || !source) return doc;
      const add = new Additions(doc);
      add.edge(source.id, dlq.id, 'redrive');
      return add.applyTo();
    },
  },
});

/** Queues that redrive nowhere, grouped by parent group and FIFO setting (one pass). */
function unprotectedQueues(graph: Graph, ctx: RuleContext): Map<string, DocumentNode[]> {
  const groups = new Map<string, DocumentNode[]>();
  for (const q of ctx.ofKind('queue')) {
    if (graph.outgoing(q.id).some((r) => r.kind === 'redrive')) continue;
    const key = groupKey(q);
    const list = groups.get(key);
    if (list) list.push(q);
    else groups.set(key, [q]);
  }
  return groups;
}

function groupKey(node: DocumentNode): string {
  return `${node.parent ?? ''}|${setting<boolean>(node, 'fifo') === true}`;
}

/**
 * The queue this dead-letter queue was evidently meant for: the only queue in the same group,
 * with the same FIFO setting, that redrives nowhere yet. Undefined when there is none or several
 * (then the person chooses by drawing the edge).
 */
function loneCandidate(candidates: Map<string, DocumentNode[]>, dlq: DocumentNode): DocumentNode | undefined {
  const list = candidates.get(groupKey(dlq));
  return list?.length === 1 ? list[0] : undefined;
}
