import type { Trait } from '../catalog/types';
import type { ArchitectureDocument, DocumentNode } from '../document/schema';
import type { Graph } from '../graph/graph';

/** The six Well-Architected pillars, in the order reviews list them. */
export const PILLARS = [
  { id: 'operational-excellence', label: 'Operational excellence' },
  { id: 'security', label: 'Security' },
  { id: 'reliability', label: 'Reliability' },
  { id: 'performance-efficiency', label: 'Performance efficiency' },
  { id: 'cost-optimization', label: 'Cost optimization' },
  { id: 'sustainability', label: 'Sustainability' },
] as const;
export type Pillar = (typeof PILLARS)[number]['id'];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A one-click fix offered with a finding: `applyFix(doc, finding)` applies it. */
export interface FixRef {
  /** Stable id of the fix, e.g. `add-dlq`. */
  id: string;
  /** What the button says, e.g. `Add a dead-letter queue to "Orders"`. */
  label: string;
}

/**
 * One thing a rule found in a design. Plain JSON (the API returns it as is). `key` identifies the
 * finding across edits (the same problem in the next version of the document has the same key),
 * which is what the UI, `diff` and `applyFix` match on.
 */
export interface Finding {
  rule: string;
  /** `${rule}:` plus what the finding is about (node and edge ids, or a rule-specific part). */
  key: string;
  severity: Severity;
  pillar: Pillar;
  /** The nodes involved, the main one first. */
  nodeIds: string[];
  edgeIds: string[];
  /** One or two plain-text sentences about this design (labels quoted as written: escape on output). */
  message: string;
  fix?: FixRef;
  /** Present when a document suppression accepts this finding; it then does not lower the score. */
  suppressed?: { reason: string };
}

/** What a rule's check returns; the engine adds the rule id, pillar, severity and fix. */
export interface Draft {
  nodeIds: string[];
  edgeIds?: string[];
  message: string;
  /** Overrides the rule's severity for this finding. */
  severity?: Severity;
  /** Distinguishes findings with the same node and edge ids; defaults to the ids. */
  discriminator?: string;
  /** Label of the fix for this finding; `null` when the rule's fix does not apply to it. */
  fixLabel?: string | null;
}

/** Shared, per-validation helpers for rules (built once per document, see `context.ts`). */
export interface RuleContext {
  readonly doc: ArchitectureDocument;
  readonly graph: Graph;
  /** Nodes of one kind id, in document order. */
  ofKind(kindId: string): readonly DocumentNode[];
  /** Nodes whose kind has the trait, in document order. */
  withTrait(trait: Trait): readonly DocumentNode[];
  /** `ofKind` / `withTrait` as node numbers of `graph.arrays` (for integer passes on large designs). */
  indicesOfKind(kindId: string): readonly number[];
  indicesWithTrait(trait: Trait): readonly number[];
  /** A config value as written, else the kind's default (cheap: no schema parse). */
  setting<T = unknown>(node: DocumentNode, key: string): T;
  /** Findings of the other rules: only given to rules that review findings (`reviewsFindings`). */
  readonly findings: readonly Finding[];
  /** Ids of every registered rule. */
  readonly ruleIds: readonly string[];
}

/** A pure transform of the document that makes one finding go away. */
export interface RuleFix {
  id: string;
  /** Default button label; a finding may carry a more specific one. */
  label: string;
  /** Returns a new document; never changes `doc`. `finding` is fresh (re-found on `doc`). */
  apply(doc: ArchitectureDocument, finding: Finding, helpers: FixHelpers): ArchitectureDocument;
}

/** What the engine lends a fix (rule modules do not import the engine: it imports them). */
export interface FixHelpers {
  /** Every finding of a document, as `validate` returns them. */
  findingsOf(doc: ArchitectureDocument): readonly Finding[];
}

export interface RuleDefinition {
  /** Stable id (DESIGN.md's rules table), the module's file name. */
  readonly id: string;
  /** A short title, e.g. "Queue without a dead-letter queue". */
  readonly title: string;
  /** Severity, possibly depending on the document (e.g. its environment). */
  readonly severity: Severity | ((doc: ArchitectureDocument) => Severity);
  readonly pillar: Pillar;
  /** Other pillars a finding also lowers in the review score. */
  readonly alsoAffects?: readonly Pillar[];
  /** A few sentences worth reading: what goes wrong and the pattern that fixes it. */
  readonly explanation: string;
  /** The section of the seed material the rule comes from. */
  readonly pattern: string;
  /** Runs after every other rule, with their findings in `ctx.findings`. */
  readonly reviewsFindings?: boolean;
  check(graph: Graph, ctx: RuleContext): Draft[];
  readonly fix?: RuleFix;
}
