/**
 * @stackdraft/patterns: the Stackdraft domain. The document format, the catalog of node kinds,
 * connection rules and templates. Pure TypeScript: no UI, no I/O, runs in the browser and in Node.
 */

export { analyzeFailure } from './analysis/failure';
export { type FlowHop, type FlowWalk, MAX_FLOW_HOPS, walkFlow } from './analysis/flow';
export { MAX_ROUTES } from './analysis/routes';
export { type AnalysisTargets, analysisTargets, type FailureTarget } from './analysis/targets';
export type {
  ClientPath,
  FailureAnalysis,
  FailureSpec,
  NodeImpact,
  PathStatus,
  RouteResult,
} from './analysis/types';
export { defineKind } from './catalog/define-kind';
export {
  type ConfigField,
  canContain,
  configFields,
  defaultConfig,
  findKind,
  getKind,
  isGroupKind,
  KIND_IDS,
  KINDS,
  matchesAny,
  matchesSelector,
  resolveConfig,
} from './catalog/registry';
export {
  type AcceptRule,
  type AwsMapping,
  CATEGORIES,
  type CategoryId,
  EDGE_KINDS,
  type EdgeKind,
  ICONS,
  type IconName,
  type KindDefinition,
  type Selector,
  TRAITS,
  type Trait,
  type Unit,
} from './catalog/types';
export {
  allowedEdgeKinds,
  type ConnectionRefusal,
  type ConnectResult,
  canConnect,
  edgeKindOf,
} from './connections/can-connect';
export {
  type BreakdownLine,
  COST_DEFAULTS,
  type ComponentSpec,
  type ComponentUsage,
  type CostBudget,
  type CostComponent,
  type CostContext,
  type CostDiff,
  type CostEstimate,
  type CostItem,
  type CostModel,
  centsFor,
  costDiff,
  DEFAULT_SCENARIOS,
  type EstimateOptions,
  estimateCost,
  formatUsd,
  type KindCost,
  type NodeCostChange,
  type NodeTraffic,
  propagateTraffic,
  type ResolvedVolume,
  SCENARIO_NAMES,
  type ScenarioName,
  type ScenarioTotal,
  scenarioMultipliers,
  type TrafficResult,
  type TrafficSpec,
  type TrafficState,
  type UnknownPrice,
  type UsageSource,
  type VolumeSpec,
} from './cost/index';
export { diffDocuments, isEmptyDiff, onlyMoved } from './diff/diff-documents';
export { diffMarkdown, signedUsd } from './diff/markdown';
export { reviewDiff } from './diff/review-diff';
export { summarizeDiff } from './diff/summary';
export type {
  ChangedItem,
  CostDelta,
  DiffOptions,
  DocumentDiff,
  FieldChange,
  FindingsDelta,
  ItemChanges,
  ReviewDiff,
} from './diff/types';
export { type DocumentError, type DocumentErrorCode, describeError, formatPath } from './document/errors';
export { MIGRATIONS, type Migration, migrate } from './document/migrate';
export {
  type DocumentFormat,
  formatFromFileName,
  MAX_DOCUMENT_BYTES,
  type ParseOptions,
  parseDocument,
} from './document/parse';
export {
  ACCESS_MODES,
  type AccessMode,
  type ArchitectureDocument,
  type DocumentEdge,
  type DocumentNode,
  documentSchema,
  type EdgeConfig,
  ENVIRONMENTS,
  type Environment,
  edgeConfigSchema,
  FORMAT_VERSION,
  ID_PATTERN,
  MAX_LABEL_LENGTH,
  MAX_NAME_LENGTH,
  type Note,
  PROVIDERS,
  type Suppression,
  type Usage,
  type View,
} from './document/schema';
export { serializeDocument } from './document/serialize';
export { checkIntegrity, type LoadResult, loadDocument } from './document/validate-document';
export { type Graph, graphOf, type ResolvedEdge } from './graph/graph';
export {
  AWS_PRICES,
  type FreeAllowance,
  PRICED_REGIONS,
  type Price,
  type PriceBook,
  REGION_TABLE,
  type RegionFactor,
  regionFactor,
} from './pricing/prices';
export { mdText } from './review/markdown';
export { reviewReport } from './review/report';
export { type Deduction, type PillarScore, type ReviewScore, scoreFindings } from './review/score';
export { defineRule, severityIn } from './rules/define-rule';
export { applyFix, findingsOf, type ValidationResult, validate } from './rules/engine';
export { describeRules, findRule, getRule, RULE_IDS, RULES, type RuleInfo } from './rules/registry';
export {
  type Draft,
  type Finding,
  type FixHelpers,
  type FixRef,
  PILLARS,
  type Pillar,
  type RuleContext,
  type RuleDefinition,
  type RuleFix,
  SEVERITIES,
  type Severity,
} from './rules/types';
export { defineTemplate, type Fragment, type TemplateDefinition } from './templates/define-template';
export { type InsertResult, insertFragment } from './templates/insert';
export { findTemplate, TEMPLATES } from './templates/registry';
export { slugify, uniqueId } from './util/ids';
export { closest, didYouMean } from './util/suggest';

import type { ArchitectureDocument } from './document/schema';
import { insertFragment } from './templates/insert';
import { findTemplate } from './templates/registry';

/** Inserts the template `templateId` into `doc` (ids made unique, placed at `at`). */
export function insertTemplate(
  doc: ArchitectureDocument,
  templateId: string,
  options: { at?: { x: number; y: number } } = {},
) {
  const t = findTemplate(templateId);
  if (!t) throw new Error(`Unknown template "${templateId}"`);
  return insertFragment(doc, t.build(), options);
}

/** An empty, valid document to start from. */
export function emptyDocument(name = 'Untitled design'): ArchitectureDocument {
  return {
    stackdraft: 1,
    name,
    provider: 'aws',
    region: 'us-east-1',
    environment: 'production',
    nodes: [],
    edges: [],
  };
}
