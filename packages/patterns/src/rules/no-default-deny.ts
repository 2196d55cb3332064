import { named, setting } from './context';
import { defineRule } from './define-rule';
import { updateNodeConfig } from './edit';
import type { Draft } from './types';

/** Groups that carry a network policy (`defaultDeny`). */
const NETWORKS = ['vpc', 'kubernetes-cluster'] as const;

export const noDefaultDeny = defineRule({
  id: 'no-default-deny',
  title: 'Network without default-deny policy',
  severity: 'warning',
  pillar: 'security',
  explanation:
    'In a network that allows all traffic inside it, whoever gets into one workload (a vulnerable ' +
    'dependency, a leaked key) can reach every other one: the database, the payment service, the metadata ' +
    'endpoint. Zero trust starts from "deny all": security groups and network ACLs (in a VPC) or ' +
    'NetworkPolicies (in Kubernetes) deny by default and allow only the connections the design draws, so a ' +
    'breach stays where it happened. With an Istio mesh, mutual TLS then authenticates each allowed call.',
  pattern: 'Security Patterns: Zero Trust Architecture (default deny)',
  check(graph, ctx) {
    const drafts: Draft[] = [];
    for (const kind of NETWORKS) {
      for (const group of ctx.ofKind(kind)) {
        if (setting<boolean>(group, 'defaultDeny') === true) continue;
        drafts.push({
          nodeIds: [group.id],
          message: `${graph.kindOf(group.id)?.label ?? kind} ${named(group)} allows all traffic between its workloads by default.`,
          fixLabel: 'Deny traffic by default',
        });
      }
    }
    return drafts;
  },
  fix: {
    id: 'default-deny',
    label: 'Deny traffic by default',
    apply: (doc, finding) =>
      updateNodeConfig(doc, finding.nodeIds[0] as string, (c) => ({ ...c, defaultDeny: true })),
  },
});
