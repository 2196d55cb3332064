import { ENVIRONMENTS, type Environment } from '../document/schema';
import { canaryWeights } from './canary-weights';
import { severityIn } from './define-rule';
import { dlqWithoutSource } from './dlq-without-source';
import { gatewayWithoutAuth } from './gateway-without-auth';
import { gatewayWithoutRateLimit } from './gateway-without-rate-limit';
import { invalidConnection } from './invalid-connection';
import { multiRegionData } from './multi-region-data';
import { noDefaultDeny } from './no-default-deny';
import { orphanNode } from './orphan-node';
import { overBudget } from './over-budget';
import { overEngineered } from './over-engineered';
import { publicDatabase } from './public-database';
import { queueWithoutDlq } from './queue-without-dlq';
import { replicaWithoutPrimary } from './replica-without-primary';
import { secretsNotManaged } from './secrets-not-managed';
import { sharedDatabase } from './shared-database';
import { singleAzDatabase } from './single-az-database';
import { syncChain } from './sync-chain';
import { syncWithoutResilience } from './sync-without-resilience';
import type { Pillar, RuleDefinition, Severity } from './types';
import { unusedSuppression } from './unused-suppression';
import { writeToReplica } from './write-to-replica';

/**
 * Every design rule, alphabetically. This array is the only place that lists them: validation,
 * the catalog endpoint, documentation and the conformance test iterate it.
 */
export const RULES: readonly RuleDefinition[] = [
  canaryWeights,
  dlqWithoutSource,
  gatewayWithoutAuth,
  gatewayWithoutRateLimit,
  invalidConnection,
  multiRegionData,
  noDefaultDeny,
  orphanNode,
  overBudget,
  overEngineered,
  publicDatabase,
  queueWithoutDlq,
  replicaWithoutPrimary,
  secretsNotManaged,
  sharedDatabase,
  singleAzDatabase,
  syncChain,
  syncWithoutResilience,
  unusedSuppression,
  writeToReplica,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

const byId = new Map(RULES.map((r) => [r.id, r]));

/** The rule with this id, or undefined for an unknown id. */
export function findRule(id: string): RuleDefinition | undefined {
  return byId.get(id);
}

/** The rule with this id; throws for an unknown id (a programming error, not user input). */
export function getRule(id: string): RuleDefinition {
  const r = byId.get(id);
  if (!r) throw new Error(`Unknown design rule "${id}"`);
  return r;
}

/** A rule as plain JSON, for the catalog endpoint and documentation. */
export interface RuleInfo {
  id: string;
  title: string;
  pillar: Pillar;
  alsoAffects: Pillar[];
  /** The severity of its findings in each environment. */
  severity: Record<Environment, Severity>;
  explanation: string;
  pattern: string;
  fix?: { id: string; label: string };
}

/** Every rule's metadata as plain JSON (no functions), in registry order. */
export function describeRules(): RuleInfo[] {
  return RULES.map((r) => {
    const info: RuleInfo = {
      id: r.id,
      title: r.title,
      pillar: r.pillar,
      alsoAffects: [...(r.alsoAffects ?? [])],
      severity: Object.fromEntries(
        ENVIRONMENTS.map((environment) => [environment, severityIn(r, { environment })]),
      ) as Record<Environment, Severity>,
      explanation: r.explanation,
      pattern: r.pattern,
    };
    if (r.fix) info.fix = { id: r.fix.id, label: r.fix.label };
    return info;
  });
}
