import type { ArchitectureDocument } from '../document/schema';
import type { RuleDefinition, Severity } from './types';

/**
 * Declares one design rule. A rule is one module (`rules/<rule-id>.ts`) holding its metadata, its
 * check and its optional fix, so adding a rule is one file plus one registry line.
 */
export function defineRule(rule: RuleDefinition): RuleDefinition {
  return Object.freeze(rule);
}

/** The severity a rule's findings have in `doc` (some rules are stricter in production). */
export function severityIn(rule: RuleDefinition, doc: Pick<ArchitectureDocument, 'environment'>): Severity {
  return typeof rule.severity === 'function' ? rule.severity(doc as ArchitectureDocument) : rule.severity;
}

/** `warning` in production, `info` in staging and development. */
export function warningInProduction(doc: Pick<ArchitectureDocument, 'environment'>): Severity {
  return doc.environment === 'production' ? 'warning' : 'info';
}
