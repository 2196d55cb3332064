import { type ArchitectureDocument, type DocumentNode, graphOf } from '@stackdraft/patterns';
import { designSlug } from '../document/index';
import { pascalIdentifier } from '../shared/names';
import type { Exporter, ExportResult } from '../types';
import { appFiles } from './app-files';
import { CdkContext } from './context';
import * as compute from './emit-compute';
import * as data from './emit-data';
import * as edge from './emit-edge';
import * as front from './emit-front';
import * as messaging from './emit-messaging';
import { monitoring } from './emit-monitoring';
import * as storage from './emit-storage';
import { wire } from './emit-wiring';
import type { Emitter, Env } from './env';
import { NetworkPlan } from './network';

/**
 * Each kind's emitter and its phase: a construct is declared after everything it takes as a prop
 * (a queue after its DLQ, a replica after its primary, an API after its integrations, ...).
 * Kinds not listed have no construct (client, region, availability zone, subnet: part of the Vpc,
 * external service) or are deployed elsewhere (Kubernetes workloads).
 */
const EMITTERS: Record<string, { phase: number; emit: Emitter }> = {
  'secrets-vault': { phase: 1, emit: storage.secretsVault },
  auth: { phase: 1, emit: front.auth },
  'dead-letter-queue': { phase: 1, emit: messaging.deadLetterQueue },
  'object-storage': { phase: 1, emit: storage.objectStorage },
  stream: { phase: 1, emit: messaging.stream },
  kafka: { phase: 1, emit: messaging.kafka },
  'event-bus': { phase: 1, emit: messaging.eventBus },
  topic: { phase: 1, emit: messaging.topic },
  notification: { phase: 1, emit: messaging.notification },
  'search-index': { phase: 1, emit: storage.searchIndex },
  cache: { phase: 1, emit: storage.cache },
  queue: { phase: 2, emit: messaging.queue },
  'sql-database': { phase: 2, emit: data.sqlDatabase },
  'nosql-table': { phase: 2, emit: data.nosqlTable },
  'document-database': { phase: 2, emit: data.documentDatabase },
  'read-replica': { phase: 3, emit: data.readReplica },
  function: { phase: 4, emit: compute.fn },
  'container-service': { phase: 4, emit: compute.containerService },
  'vm-group': { phase: 4, emit: compute.vmGroup },
  'kubernetes-cluster': { phase: 4, emit: compute.kubernetesCluster },
  'kubernetes-service': { phase: 5, emit: compute.kubernetesService },
  'state-machine': { phase: 5, emit: messaging.stateMachine },
  'load-balancer': { phase: 6, emit: front.loadBalancer },
  'api-gateway': { phase: 7, emit: front.apiGateway },
  cdn: { phase: 8, emit: edge.cdn },
  waf: { phase: 9, emit: edge.waf },
  dns: { phase: 10, emit: edge.dns },
};

/** Above this many nodes a stack likely exceeds CloudFormation's 500-resource limit. */
const MAX_NODES_PER_STACK = 60;

/** What a node needs declared before it (besides the phases): the state machines it starts, the buckets it replicates to. */
function prerequisites(doc: ArchitectureDocument, node: DocumentNode): string[] {
  if (node.kind === 'state-machine') {
    const states = (node.config?.states as { resource?: unknown }[] | undefined) ?? [];
    return states.flatMap((s) => (typeof s.resource === 'string' ? [s.resource] : []));
  }
  if (node.kind === 'object-storage')
    return graphOf(doc)
      .outgoing(node.id)
      .filter((e) => e.kind === 'replication' && e.target.kind === 'object-storage')
      .map((e) => e.target.id);
  return [];
}

/** Document order, except that a node comes after its prerequisites of the same kind (cycles keep document order). */
function emissionOrder(doc: ArchitectureDocument): DocumentNode[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out: DocumentNode[] = [];
  const seen = new Set<string>();
  const visit = (n: DocumentNode) => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    for (const id of prerequisites(doc, n)) {
      const p = byId.get(id);
      if (p && p.kind === n.kind) visit(p);
    }
    out.push(n);
  };
  for (const n of doc.nodes) visit(n);
  return out;
}

/**
 * An AWS CDK (TypeScript) app for the design: one stack per region under `lib/`, aws-cdk-lib L2
 * constructs wired like the design's edges (redrive policies, event sources, subscriptions,
 * grants, security group rules, routes, origins, DNS aliases), cross-region references passed as
 * stack props, and the project files around them. Labels appear only in comments and string
 * literals, escaped.
 */
export function exportCdk(doc: ArchitectureDocument): ExportResult {
  const ctx = new CdkContext(doc);
  const net = new NetworkPlan(ctx);
  const env: Env = { ctx, net };
  // Every region with nodes gets a stack, even when nothing in it has a construct; each node's
  // construct id is reserved first, so that the parts of other nodes never take it.
  for (const n of doc.nodes) if (EMITTERS[n.kind] || n.kind === 'vpc') ctx.stackOf(n).id(n.id);
  net.emit();
  const ordered = emissionOrder(doc);
  const phases = [...new Set(Object.values(EMITTERS).map((e) => e.phase))].sort((a, b) => a - b);
  for (const phase of phases) {
    for (const n of ordered) {
      const e = EMITTERS[n.kind];
      if (e?.phase === phase) e.emit(env, n);
    }
  }
  wire(env);
  for (const n of doc.nodes) if (n.kind === 'monitoring') monitoring(env, n);
  // CloudFormation takes at most 500 resources per stack; nodes average about 7 once wired.
  const perStack = new Map<string, number>();
  for (const e of ctx.emitted.values()) perStack.set(e.stack.region, (perStack.get(e.stack.region) ?? 0) + 1);
  for (const [region, count] of perStack)
    if (count > MAX_NODES_PER_STACK)
      ctx.note(
        'warning',
        `the ${region} stack holds ${count} nodes and may exceed CloudFormation's 500 resources per stack: split the design into several regions or apps`,
      );
  // A region whose nodes have no construct (clients, external services) gets no empty stack.
  for (const [key, s] of ctx.stacks) if (s.body.length === 0 && s.exposed.size === 0) ctx.stacks.delete(key);
  if (ctx.stacks.size === 0)
    ctx.note('info', 'nothing in the design becomes an AWS resource, so the CDK app has no stack');

  const slug = designSlug(doc);
  const prefix = pascalIdentifier(slug);
  const files = [
    ...appFiles(ctx, slug, prefix),
    ...[...ctx.stacks.values()]
      .sort((a, b) => a.region.localeCompare(b.region))
      .map((s) => ({ path: s.fileName, content: s.render(doc.name) })),
    ...ctx.files,
  ];
  return { files, diagnostics: ctx.diagnostics };
}

export const cdkExporter: Exporter = {
  format: 'cdk',
  label: 'AWS CDK (TypeScript)',
  description:
    'A complete AWS CDK app in TypeScript: one stack per region, L2 constructs wired like the design.',
  export: exportCdk,
};
