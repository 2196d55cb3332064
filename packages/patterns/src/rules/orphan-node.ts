import { findKind } from '../catalog/registry';
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
    for (const node of ctx.doc.nodes) {
      const kind = findKind(node.kind);
      if (!kind || kind.group || node.kind === 'dead-letter-queue') continue;
      if (graph.outgoing(node.id).length > 0 || graph.incoming(node.id).length > 0) continue;
      drafts.push({
        nodeIds: [node.id],
        message: `${kind.label} ${named(node)} has no connections: nothing uses it and it uses nothing.`,
      });
    }
    return drafts;
  },
});
