/*
 * Helpers for the rule tests: small documents written tersely, loaded (so that every test design
 * is a valid document), and a check that a fix does what `applyFix` promises.
 */
import type { EdgeKind } from '../catalog/types';
import type { ArchitectureDocument, EdgeConfig, Environment, Suppression } from '../document/schema';
import { loadDocument } from '../document/validate-document';
import { applyFix, findingsOf } from './engine';
import type { Finding } from './types';

export interface NodeSpec {
  id: string;
  kind: string;
  label?: string;
  parent?: string;
  config?: Record<string, unknown>;
  position?: { x: number; y: number };
}

export interface EdgeSpec {
  source: string;
  target: string;
  kind?: EdgeKind;
  config?: EdgeConfig;
  id?: string;
}

/** A node: `node('orders', 'queue', { fifo: true })`. */
export function node(
  id: string,
  kind: string,
  config?: Record<string, unknown>,
  extra: Omit<NodeSpec, 'id' | 'kind' | 'config'> = {},
): NodeSpec {
  return { id, kind, label: extra.label ?? id, ...extra, ...(config ? { config } : {}) };
}

/** An edge with id `e-<source>-<target>` unless given. */
export function edge(source: string, target: string, kind?: EdgeKind, config?: EdgeConfig): EdgeSpec {
  return {
    id: `e-${source}-${target}`,
    source,
    target,
    ...(kind ? { kind } : {}),
    ...(config ? { config } : {}),
  };
}

export interface DesignSpec {
  nodes: NodeSpec[];
  edges?: EdgeSpec[];
  environment?: Environment;
  budget?: number;
  suppressions?: Suppression[];
  region?: string;
}

/** A loaded document; throws (failing the test) when the spec is not a valid document. */
export function design(spec: DesignSpec): ArchitectureDocument {
  const raw = {
    stackdraft: 1,
    name: 'Test design',
    environment: spec.environment ?? 'production',
    ...(spec.region ? { region: spec.region } : {}),
    ...(spec.budget !== undefined ? { budget: spec.budget } : {}),
    ...(spec.suppressions ? { suppressions: spec.suppressions } : {}),
    nodes: spec.nodes,
    edges: spec.edges ?? [],
  };
  const loaded = loadDocument(raw);
  if (!loaded.ok) throw new Error(`invalid test design: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
  return loaded.document;
}

/** Findings of one rule. */
export function findingsOfRule(doc: ArchitectureDocument, rule: string): Finding[] {
  return findingsOf(doc).filter((f) => f.rule === rule);
}

/** Freezes a value deeply, so that any mutation by a fix throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Applies the fix of `finding` to a frozen copy of `doc` and returns what a test asserts on: the
 * new document (reloaded, so it must still be valid), whether the finding is gone, and the
 * error-level findings the fix introduced.
 */
export function fix(doc: ArchitectureDocument, finding: Finding) {
  const frozen = deepFreeze(structuredClone(doc));
  const before = new Set(findingsOf(frozen).map((f) => f.key));
  const fixed = applyFix(frozen, finding);
  const reloaded = loadDocument(JSON.parse(JSON.stringify(fixed)));
  if (!reloaded.ok)
    throw new Error(`the fix made an invalid document: ${JSON.stringify(reloaded.errors.slice(0, 3))}`);
  const after = findingsOf(reloaded.document);
  return {
    doc: reloaded.document,
    changed: fixed !== frozen,
    gone: !after.some((f) => f.key === finding.key),
    newErrors: after.filter((f) => f.severity === 'error' && !f.suppressed && !before.has(f.key)),
    findings: after,
  };
}
