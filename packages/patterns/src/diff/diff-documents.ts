import { defaultConfig, findKind } from '../catalog/registry';
import type { KindDefinition } from '../catalog/types';
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import { graphOf } from '../graph/graph';
import type { ChangedItem, DiffOptions, DocumentDiff, FieldChange, ItemChanges } from './types';
import { collectChanges, sameValue } from './values';

/** Top-level fields of the document that a diff compares (everything but the format version and the lists). */
export const DOCUMENT_SETTINGS = [
  'name',
  'description',
  'provider',
  'region',
  'environment',
  'budget',
  'usage',
  'suppressions',
  'views',
  'notes',
] as const;

/** Node fields in the order a reviewer reads them; `config` is compared key by key after them. */
const NODE_FIELDS = ['kind', 'label', 'parent', 'position', 'size'] as const;
const EDGE_FIELDS = ['source', 'target', 'kind', 'label'] as const;
/** Canvas layout: left out with `ignorePositions`. */
const LAYOUT_FIELDS: ReadonlySet<string> = new Set(['position', 'size']);
/** Edge settings with a documented default: writing the default out is not a change. */
const EDGE_CONFIG_DEFAULTS = { access: 'readwrite', ratio: 1 } as const;

const defaultsCache = new WeakMap<KindDefinition, Record<string, unknown>>();
function defaultsOf(kindId: string): Record<string, unknown> {
  const kind = findKind(kindId);
  if (!kind) return {};
  let d = defaultsCache.get(kind);
  if (!d) {
    d = defaultConfig(kind);
    defaultsCache.set(kind, d);
  }
  return d;
}

/**
 * A node's config as it takes effect: its kind's defaults with what the person wrote on top. Only
 * this is compared, so writing out a default (`multiAz: false`) is not a change, and turning
 * Multi-AZ on reads `multiAz false → true` rather than `unset → true`.
 */
function effectiveConfig(node: DocumentNode): Record<string, unknown> {
  return { ...defaultsOf(node.kind), ...node.config };
}

function compareFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
  skip: ReadonlySet<string>,
  out: FieldChange[],
): void {
  for (const f of fields) {
    if (skip.has(f)) continue;
    // A position or size is one value: "moved from (10, 20) to (40, 20)", not two coordinates.
    if (LAYOUT_FIELDS.has(f)) {
      if (!sameValue(before[f], after[f])) out.push(wholeChange(f, before[f], after[f]));
    } else collectChanges([f], before[f], after[f], out);
  }
}

function wholeChange(path: string, before: unknown, after: unknown): FieldChange {
  const change: FieldChange = { path };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return change;
}

function nodeChanges(before: DocumentNode, after: DocumentNode, skip: ReadonlySet<string>): FieldChange[] {
  const out: FieldChange[] = [];
  compareFields(before, after, NODE_FIELDS, skip, out);
  collectChanges(['config'], effectiveConfig(before), effectiveConfig(after), out);
  return out;
}

function edgeChanges(before: DocumentEdge, after: DocumentEdge): FieldChange[] {
  const out: FieldChange[] = [];
  compareFields(before, after, EDGE_FIELDS, new Set(), out);
  collectChanges(
    ['config'],
    { ...EDGE_CONFIG_DEFAULTS, ...before.config },
    { ...EDGE_CONFIG_DEFAULTS, ...after.config },
    out,
  );
  return out;
}

function diffNodes(
  before: ArchitectureDocument,
  after: ArchitectureDocument,
  options: DiffOptions,
): ItemChanges {
  const skip = options.ignorePositions ? LAYOUT_FIELDS : new Set<string>();
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const added: string[] = [];
  const changed: ChangedItem[] = [];
  for (const node of after.nodes) {
    const prev = old.get(node.id);
    if (!prev) {
      added.push(node.id);
      continue;
    }
    old.delete(node.id);
    // The editor shares unchanged node objects between versions: the cheapest check first.
    if (prev === node || sameValue(prev, node)) continue;
    const changes = nodeChanges(prev, node, skip);
    if (changes.length > 0) changed.push({ id: node.id, changes });
  }
  return { added, removed: [...old.keys()], changed };
}

/** source, target and edge kind (as written, else as inferred from the two nodes). */
function connectionKey(doc: ArchitectureDocument, edge: DocumentEdge): string {
  const kind = graphOf(doc).edgesById.get(edge.id)?.kind ?? edge.kind ?? '';
  return `${edge.source}\u0000${edge.target}\u0000${kind}`;
}

function diffEdges(before: ArchitectureDocument, after: ArchitectureDocument): ItemChanges {
  const old = new Map(before.edges.map((e) => [e.id, e]));
  const pairs: [DocumentEdge, DocumentEdge][] = [];
  const unmatched: DocumentEdge[] = [];
  for (const edge of after.edges) {
    const prev = old.get(edge.id);
    if (prev) {
      old.delete(edge.id);
      pairs.push([prev, edge]);
    } else unmatched.push(edge);
  }
  // Edges whose ids changed (ids generated again, a file written by hand) still match when they
  // join the same two nodes the same way; several such edges pair up in document order.
  const byConnection = new Map<string, DocumentEdge[]>();
  for (const e of old.values()) {
    const key = connectionKey(before, e);
    const list = byConnection.get(key);
    if (list) list.push(e);
    else byConnection.set(key, [e]);
  }
  const added: string[] = [];
  for (const edge of unmatched) {
    const prev = byConnection.get(connectionKey(after, edge))?.shift();
    if (prev) {
      old.delete(prev.id);
      pairs.push([prev, edge]);
    } else added.push(edge.id);
  }
  const changed: ChangedItem[] = [];
  for (const [prev, edge] of pairs) {
    if (prev === edge || sameValue(prev, edge)) continue;
    const changes = edgeChanges(prev, edge);
    // A new id alone is bookkeeping, not a change of the design.
    if (changes.length === 0) continue;
    const item: ChangedItem = { id: edge.id, changes };
    if (prev.id !== edge.id) item.beforeId = prev.id;
    changed.push(item);
  }
  // Changed edges in the newer document's order, as nodes are.
  const order = new Map(after.edges.map((e, i) => [e.id, i]));
  changed.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { added, removed: [...old.keys()], changed };
}

/**
 * What changed from `before` to `after`: nodes and edges added, removed and changed (with every
 * changed field as `{ path, before, after }`), and the document's own settings. Nodes match by id;
 * edges by id, else by source, target and kind. Node configs are compared with their kinds'
 * defaults filled in. Linear in nodes + edges. Both documents are loaded, valid documents.
 */
export function diffDocuments(
  before: ArchitectureDocument,
  after: ArchitectureDocument,
  options: DiffOptions = {},
): DocumentDiff {
  const settings: FieldChange[] = [];
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const key of DOCUMENT_SETTINGS) collectChanges([key], b[key], a[key], settings);
  return { nodes: diffNodes(before, after, options), edges: diffEdges(before, after), settings };
}

/** Does the diff hold no change at all? */
export function isEmptyDiff(diff: DocumentDiff): boolean {
  const none = (c: ItemChanges) => c.added.length + c.removed.length + c.changed.length === 0;
  return none(diff.nodes) && none(diff.edges) && diff.settings.length === 0;
}

/** Did this node change only on the canvas (position, size)? Summaries say "moved" for it. */
export function onlyMoved(item: ChangedItem): boolean {
  return item.changes.length > 0 && item.changes.every((c) => LAYOUT_FIELDS.has(c.path));
}
