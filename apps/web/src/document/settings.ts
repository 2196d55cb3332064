import {
  type ArchitectureDocument,
  canConnect,
  type DocumentEdge,
  documentSchema,
  type EdgeConfig,
  type EdgeKind,
  edgeConfigSchema,
  getKind,
} from '@stackdraft/patterns';
import { describeIssue, issueAt } from './issues';
import { refuse, type TransformResult } from './types';

/**
 * Field-level edits made in the inspector. Each checks the value against the same zod schema
 * that loading a file uses, so nothing the inspector accepts can make a saved design unreadable.
 */

/** Why `value` is not acceptable for `key` of the node's config, or undefined when it is. */
export function checkNodeConfig(
  kindId: string,
  config: Record<string, unknown>,
  key: string,
  value: unknown,
): string | undefined {
  const candidate = withKey(config, key, value);
  const r = getKind(kindId).config.safeParse(candidate);
  return r.success ? undefined : issueAt(r.error, key);
}

/** Sets (or with `undefined`, removes so that the default applies) one key of a node's config. */
export function setNodeConfig(
  doc: ArchitectureDocument,
  id: string,
  key: string,
  value: unknown,
): TransformResult {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) return refuse(`There is no node "${id}".`);
  const config = node.config ?? {};
  const problem = checkNodeConfig(node.kind, config, key, value);
  if (problem) return refuse(`${key} ${problem}`);
  if (Object.is(config[key], value)) return { ok: true, doc };
  const next = withKey(config, key, value);
  return {
    ok: true,
    doc: {
      ...doc,
      nodes: doc.nodes.map((n) => {
        if (n.id !== id) return n;
        if (Object.keys(next).length > 0) return { ...n, config: next };
        const { config: _empty, ...rest } = n;
        return rest;
      }),
    },
  };
}

function withKey(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const next = { ...obj };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** Why an edge config would be invalid (`retry maxAttempts must be at least 1`), or undefined. */
export function checkEdgeConfig(config: EdgeConfig): string | undefined {
  const r = edgeConfigSchema.safeParse(config);
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  if (!issue) return undefined;
  return `${issue.path.join(' ')} ${describeIssue(issue)}`.trim();
}

/** Replaces an edge's config (empty config removes the key). */
export function setEdgeConfig(doc: ArchitectureDocument, id: string, config: EdgeConfig): TransformResult {
  const problem = checkEdgeConfig(config);
  if (problem) return refuse(problem);
  const clean = dropEmpty(config) as EdgeConfig;
  return updateEdge(doc, id, (e) => {
    const { config: _old, ...rest } = e;
    return Object.keys(clean).length > 0 ? { ...rest, config: clean } : rest;
  });
}

/** Changes an edge's kind when the catalog allows that kind between its two nodes. */
export function setEdgeKind(doc: ArchitectureDocument, id: string, kind: EdgeKind): TransformResult {
  const edge = doc.edges.find((e) => e.id === id);
  if (!edge) return refuse(`There is no edge "${id}".`);
  const r = canConnect(doc, edge.source, edge.target, { kind, ignoreEdgeId: id });
  if (!r.ok) return refuse(r.reason);
  return updateEdge(doc, id, (e) => ({ ...e, kind }));
}

/** Sets or clears an edge's label. */
export function setEdgeLabel(doc: ArchitectureDocument, id: string, label: string): TransformResult {
  const text = label.trim();
  if (text.length > 200) return refuse('A label can have at most 200 characters.');
  return updateEdge(doc, id, (e) => {
    const { label: _old, ...rest } = e;
    return text ? { ...rest, label: text } : rest;
  });
}

function updateEdge(
  doc: ArchitectureDocument,
  id: string,
  fn: (e: DocumentEdge) => DocumentEdge,
): TransformResult {
  if (!doc.edges.some((e) => e.id === id)) return refuse(`There is no edge "${id}".`);
  return { ok: true, doc: { ...doc, edges: doc.edges.map((e) => (e.id === id ? fn(e) : e)) } };
}

/** Removes undefined values and empty nested objects, so a cleared field leaves no trace in the file. */
function dropEmpty(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = dropEmpty(v as Record<string, unknown>);
      if (Object.keys(inner).length > 0) out[k] = inner;
    } else out[k] = v;
  }
  return out;
}

/** Document-level settings the inspector edits when nothing is selected. */
export type DocumentSettings = Pick<
  ArchitectureDocument,
  'name' | 'provider' | 'region' | 'environment' | 'budget' | 'usage'
>;

/** Why a document setting is invalid, or undefined. */
export function checkDocumentSetting<K extends keyof DocumentSettings>(
  key: K,
  value: DocumentSettings[K],
): string | undefined {
  if (value === undefined) return key === 'budget' || key === 'usage' ? undefined : 'is required';
  const r = documentSchema.shape[key].safeParse(value);
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  if (!issue) return undefined;
  return `${issue.path.join(' ')} ${describeIssue(issue)}`.trim();
}

/** Sets one document setting (budget and usage may be cleared with `undefined`). */
export function setDocumentSetting<K extends keyof DocumentSettings>(
  doc: ArchitectureDocument,
  key: K,
  value: DocumentSettings[K],
): TransformResult {
  const problem = checkDocumentSetting(key, value);
  if (problem) return refuse(`The design's ${key} ${problem}.`);
  if (Object.is(doc[key], value)) return { ok: true, doc };
  const next = { ...doc } as ArchitectureDocument;
  if (value === undefined) delete next[key];
  else {
    const cleaned = key === 'usage' ? dropEmpty(value as Record<string, unknown>) : value;
    if (key === 'usage' && Object.keys(cleaned as object).length === 0) delete next.usage;
    else (next as Record<string, unknown>)[key] = cleaned;
  }
  return { ok: true, doc: next };
}
