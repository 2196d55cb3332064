import type { DocumentNode } from '../document/schema';
import { type Graph, graphOf, type ResolvedEdge } from '../graph/graph';
import { listing, named, ruleContext } from './context';
import { defineRule } from './define-rule';
import { Additions, beside, parentFor } from './edit';
import type { RuleContext } from './types';

/** Stores that are reached with a user name and password (DynamoDB, S3 and caches use IAM or none). */
const CREDENTIALED = new Set(['sql-database', 'document-database', 'read-replica']);

export const secretsNotManaged = defineRule({
  id: 'secrets-not-managed',
  title: 'Database credentials without a secrets vault',
  severity: 'warning',
  pillar: 'security',
  explanation:
    'SQL and document databases are opened with a password. When services use them and the design has no ' +
    'secrets vault, that password ends up in environment variables, config files or the repository: it is ' +
    'readable by anyone who can read those, it is never rotated, and changing it means redeploying every ' +
    'service at once. The secrets management pattern keeps credentials in a vault (AWS Secrets Manager), ' +
    'rotates them automatically and lets each service fetch them at run time with its own identity. A ' +
    'service counts as managed when it is connected to a vault.',
  pattern: 'Security Patterns: Secrets Management',
  check(graph, ctx) {
    const users = unmanagedServices(graph, ctx);
    if (users.length === 0) return [];
    const hasVault = ctx.ofKind('secrets-vault').length > 0;
    const names = listing(users.map((u) => named(u.service)));
    return [
      {
        nodeIds: users.map((u) => u.service.id),
        edgeIds: users.flatMap((u) => u.edges.map((r) => r.edge.id)),
        // One finding for the design: it stays the same finding as services come and go.
        discriminator: 'design',
        message: hasVault
          ? `${names} ${users.length === 1 ? 'uses' : 'use'} database credentials but ${users.length === 1 ? 'is' : 'are'} not connected to a secrets vault.`
          : `${names} ${users.length === 1 ? 'uses' : 'use'} database credentials, and the design has no secrets vault to keep and rotate them.`,
        fixLabel: hasVault
          ? 'Connect them to the secrets vault'
          : 'Add a secrets vault and connect the services',
      },
    ];
  },
  fix: {
    id: 'add-secrets-vault',
    label: 'Add a secrets vault',
    apply(doc) {
      const graph = graphOf(doc);
      const ctx = ruleContext(doc);
      const users = unmanagedServices(graph, ctx);
      const first = users[0]?.service;
      if (!first) return doc;
      const add = new Additions(doc);
      let vault = ctx.ofKind('secrets-vault')[0]?.id;
      if (vault === undefined) {
        const parent = parentFor(doc, first, 'secrets-vault');
        const node: Omit<DocumentNode, 'id'> = { kind: 'secrets-vault', label: 'Database credentials' };
        if (parent !== undefined) node.parent = parent;
        const position = beside(first, parent, { x: 0, y: -160 });
        if (position) node.position = position;
        vault = add.node('db-secrets', node);
      }
      for (const u of users) add.edge(u.service.id, vault, 'sync', { access: 'read' });
      return add.applyTo();
    },
  },
});

interface Unmanaged {
  service: DocumentNode;
  edges: ResolvedEdge[];
}

/** Services that use a credentialed store and have no edge to any secrets vault, in document order. */
function unmanagedServices(graph: Graph, ctx: RuleContext): Unmanaged[] {
  const result: Unmanaged[] = [];
  const { nodes, kinds, outStart, outEdges, edgeTarget, edgeKinds } = graph.arrays;
  const compute = ctx.indicesWithTrait('compute');
  for (let c = 0; c < compute.length; c++) {
    const i = compute[c] as number;
    let edges: ResolvedEdge[] | undefined;
    let vault = false;
    for (let p = outStart[i] as number; p < (outStart[i + 1] as number); p++) {
      const k = outEdges[p] as number;
      // Kinds from the arrays: the edge object is made only for the edges reported.
      const target = kinds[edgeTarget[k] as number]?.id;
      const kind = edgeKinds[k];
      if (target === 'secrets-vault') vault = true;
      else if ((kind === 'sync' || kind === 'async') && target !== undefined && CREDENTIALED.has(target)) {
        edges ??= [];
        edges.push(graph.edgeAt(k));
      }
    }
    if (edges && !vault) result.push({ service: nodes[i] as DocumentNode, edges });
  }
  return result;
}
