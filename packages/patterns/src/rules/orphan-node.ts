import { findKind } from '../catalog/registry';
import type { DocumentNode } from '../document/schema';
import { named } from './context';
import { defineRule } from './define-rule';

export const orphanNode = defineRule({
  id: 'orphan-node',
  title: 'Node with no connections',
  severity: 'warning',
  pillar: 'operational-excellence',
  alsoAffects: ['cost-optimization'],
  explanation:
    'A node that nothing connects to and that connects to nothing does no work in the design: it is a ' +
    'leftover from an edit, or a connection nobody drew yet. Either way the diagram no longer says how the ' +
    'system works, the exported infrastructure provisions (and bills) a resource nobody uses, and a review ' +
    'cannot check it. Connect it, or remove it. Groups (regions, VPCs, subnets, clusters) are containers ' +
    'and are not flagged; a dead-letter queue with no source has its own rule.',
  pattern: 'Architecture hygiene',
  check(graph, ctx) {
    const drafts = [];
    const { outStart, inStart, nodes } = graph.arrays;
    // Without repeated ids (a loaded document has none) a node's place in the document is its number.
    const positional = nodes.length === ctx.doc.nodes.length;
    for (let p = 0; p < ctx.doc.nodes.length; p++) {
      const node = ctx.doc.nodes[p] as DocumentNode;
      const kind = findKind(node.kind);
      if (!kind || kind.group || node.kind === 'dead-letter-queue') continue;
      const i = positional ? p : graph.indexOf(node.id);
      // Degrees straight from the adjacency offsets: no edge list is made for the node.
      const degree =
        (outStart[i + 1] as number) -
        (outStart[i] as number) +
        (inStart[i + 1] as number) -
        (inStart[i] as number);
      if (degree > 0) continue;
      drafts.push({
        nodeIds: [node.id],
        message: `${kind.label} ${named(node)} has no connections: nothing uses it and it uses nothing.`,
      });
    }
    return drafts;
  },
});
