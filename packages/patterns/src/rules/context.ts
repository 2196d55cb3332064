import { defaultConfig, findKind, KINDS } from '../catalog/registry';
import type { Trait } from '../catalog/types';
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import { type Graph, graphOf, type ResolvedEdge } from '../graph/graph';
import type { Finding, RuleContext } from './types';

const EMPTY: readonly DocumentNode[] = Object.freeze([]);
const defaultsByKind = new Map<string, Record<string, unknown>>();

/** The default config of a kind, computed once per kind (rules read single keys on hot paths). */
function defaultsOf(kindId: string): Record<string, unknown> {
  let d = defaultsByKind.get(kindId);
  if (!d) {
    const kind = findKind(kindId);
    d = kind ? defaultConfig(kind) : {};
    defaultsByKind.set(kindId, d);
  }
  return d;
}

/**
 * A config value of a node: as written, else the kind's default. Equivalent to
 * `resolveConfig(node)[key]` for a loaded document, without a schema parse per node, which would
 * dominate validation time on large designs.
 */
export function setting<T = unknown>(node: DocumentNode, key: string): T {
  const v = node.config?.[key];
  return (v !== undefined ? v : defaultsOf(node.kind)[key]) as T;
}

interface Buckets {
  byKind: Map<string, DocumentNode[]>;
  byTrait: Map<string, DocumentNode[]>;
  /** The same, as node numbers of `graph.arrays` (parallel to the node lists). */
  indicesByKind: Map<string, number[]>;
  indicesByTrait: Map<string, number[]>;
}

const bucketCache = new WeakMap<Graph, Buckets>();
const NO_INDICES: readonly number[] = Object.freeze([]);

interface Fill {
  nodes: DocumentNode[];
  indices: number[];
  at: number;
}

function bucketsOf(graph: Graph): Buckets {
  let b = bucketCache.get(graph);
  if (b) return b;
  const { nodes, kinds } = graph.arrays;
  // Two passes: count, then fill lists of the exact size, in document order. Kinds are read from
  // the graph's array (node objects only to be listed): on large designs, growing lists and
  // reading every node object were most of this pass.
  const kindCounts = new Map<string, number>();
  const traitCounts = new Map<string, number>();
  const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  for (let i = 0; i < nodes.length; i++) {
    const kind = kinds[i];
    count(kindCounts, kind ? kind.id : (nodes[i] as DocumentNode).kind);
    for (const t of kind?.traits ?? []) count(traitCounts, t);
  }
  const fills = (counts: Map<string, number>): Map<string, Fill> =>
    new Map([...counts].map(([key, n]) => [key, { nodes: new Array(n), indices: new Array(n), at: 0 }]));
  const byKind = fills(kindCounts);
  const byTrait = fills(traitCounts);
  const put = (fill: Fill, node: DocumentNode, i: number) => {
    fill.nodes[fill.at] = node;
    fill.indices[fill.at] = i;
    fill.at++;
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as DocumentNode;
    const kind = kinds[i];
    put(byKind.get(kind ? kind.id : node.kind) as Fill, node, i);
    for (const t of kind?.traits ?? []) put(byTrait.get(t) as Fill, node, i);
  }
  const lists = (m: Map<string, Fill>) => new Map([...m].map(([k, f]) => [k, f.nodes]));
  const numbers = (m: Map<string, Fill>) => new Map([...m].map(([k, f]) => [k, f.indices]));
  b = {
    byKind: lists(byKind),
    byTrait: lists(byTrait),
    indicesByKind: numbers(byKind),
    indicesByTrait: numbers(byTrait),
  };
  bucketCache.set(graph, b);
  return b;
}

/** The helpers every rule shares, built once per document (see `RuleContext`). */
export function ruleContext(
  doc: ArchitectureDocument,
  findings: readonly Finding[] = [],
  ruleIds: readonly string[] = [],
): RuleContext {
  const graph = graphOf(doc);
  const buckets = bucketsOf(graph);
  return {
    doc,
    graph,
    ofKind: (kindId) => buckets.byKind.get(kindId) ?? EMPTY,
    withTrait: (trait: Trait) => buckets.byTrait.get(trait) ?? EMPTY,
    indicesOfKind: (kindId) => buckets.indicesByKind.get(kindId) ?? NO_INDICES,
    indicesWithTrait: (trait: Trait) => buckets.indicesByTrait.get(trait) ?? NO_INDICES,
    setting,
    findings,
    ruleIds,
  };
}

/** What a caller does with a data store over this edge (DESIGN.md: `access`, default readwrite). */
export function accessOf(edge: DocumentEdge): 'read' | 'write' | 'readwrite' {
  return edge.config?.access ?? 'readwrite';
}

/** A request or message that can change data: sync or async, with write or readwrite access. */
export function isWriteEdge(r: ResolvedEdge): boolean {
  return (r.kind === 'sync' || r.kind === 'async') && accessOf(r.edge) !== 'read';
}

const kindsByTrait = new Map<Trait, ReadonlySet<string>>();

/**
 * Does a node of this kind id have the trait? The same answer as `graph.hasTrait`, from a set of
 * a few kind ids instead of a map of every node: on large designs, lookups in maps with tens of
 * thousands of entries are what the hot loops spend their time on.
 */
export function kindHasTrait(kindId: string, trait: Trait): boolean {
  let kinds = kindsByTrait.get(trait);
  if (!kinds) {
    kinds = new Set(KINDS.filter((k) => k.traits.includes(trait)).map((k) => k.id));
    kindsByTrait.set(trait, kinds);
  }
  return kinds.has(kindId);
}

/** Does the node run application code (a "service" for the rules)? */
export function isService(node: DocumentNode): boolean {
  return kindHasTrait(node.kind, 'compute');
}

/**
 * Does an API gateway authenticate its callers: an authorizer in its config, or an edge to an
 * `auth` node (a user pool the gateway checks tokens against)?
 */
export function gatewayAuthenticates(graph: Graph, gateway: DocumentNode): boolean {
  if (setting<string>(gateway, 'auth') !== 'none') return true;
  return graph.outgoing(gateway.id).some((r) => r.target.kind === 'auth');
}

/** A node as a message names it: its label in quotes, or its id when it has no label. */
export function named(node: DocumentNode): string {
  return `"${node.label.trim() === '' ? node.id : node.label}"`;
}

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
export function listing(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
