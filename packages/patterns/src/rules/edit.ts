import { canContain } from '../catalog/registry';
import type { EdgeKind } from '../catalog/types';
import {
  type ArchitectureDocument,
  type DocumentEdge,
  type DocumentNode,
  type EdgeConfig,
  MAX_LABEL_LENGTH,
} from '../document/schema';
import { graphOf } from '../graph/graph';
import { uniqueId } from '../util/ids';

/*
 * Small immutable edits the fixes are made of. Each returns a new document and shares every node
 * and edge it does not change, so a fix costs O(nodes + edges) and never mutates its input.
 */

/** Replaces the config of one node with `update(current config)`. */
export function updateNodeConfig(
  doc: ArchitectureDocument,
  nodeId: string,
  update: (config: Record<string, unknown>) => Record<string, unknown>,
): ArchitectureDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, config: update({ ...(n.config ?? {}) }) } : n)),
  };
}

/** Replaces edges matching `ids` with `update(edge)` (a copy the callback may change freely). */
export function updateEdges(
  doc: ArchitectureDocument,
  ids: ReadonlySet<string>,
  update: (edge: DocumentEdge) => DocumentEdge,
): ArchitectureDocument {
  return {
    ...doc,
    edges: doc.edges.map((e) =>
      ids.has(e.id) ? update({ ...e, ...(e.config ? { config: { ...e.config } } : {}) }) : e,
    ),
  };
}

export function removeEdges(doc: ArchitectureDocument, ids: ReadonlySet<string>): ArchitectureDocument {
  return { ...doc, edges: doc.edges.filter((e) => !ids.has(e.id)) };
}

/** Builds new nodes and edges with ids that are free in `doc` (and among themselves). */
export class Additions {
  readonly nodes: DocumentNode[] = [];
  readonly edges: DocumentEdge[] = [];
  private readonly nodeIds: Set<string>;
  private readonly edgeIds: Set<string>;

  constructor(private readonly doc: ArchitectureDocument) {
    this.nodeIds = new Set(doc.nodes.map((n) => n.id));
    this.edgeIds = new Set(doc.edges.map((e) => e.id));
  }

  /** Adds a node with a free id derived from `base`; returns the id it got. */
  node(base: string, node: Omit<DocumentNode, 'id'>): string {
    const id = uniqueId(trimId(base), this.nodeIds);
    this.nodeIds.add(id);
    this.nodes.push({ id, ...node, label: clampLabel(node.label) });
    return id;
  }

  edge(source: string, target: string, kind: EdgeKind, config?: EdgeConfig): string {
    const id = uniqueId(trimId(`e-${source}-${target}`), this.edgeIds);
    this.edgeIds.add(id);
    const edge: DocumentEdge = { id, source, target, kind };
    if (config) edge.config = config;
    this.edges.push(edge);
    return id;
  }

  /** `doc` (or a later version of it) with the additions appended. */
  applyTo(doc: ArchitectureDocument = this.doc): ArchitectureDocument {
    return { ...doc, nodes: [...doc.nodes, ...this.nodes], edges: [...doc.edges, ...this.edges] };
  }
}

/** Ids are at most 100 characters (the schema); keep room for a `-NN` suffix. */
function trimId(base: string): string {
  return base.length > 90 ? base.slice(0, 90).replace(/[-_]+$/, '') : base;
}

export function clampLabel(label: string): string {
  return label.length > MAX_LABEL_LENGTH ? `${label.slice(0, MAX_LABEL_LENGTH - 1)}…` : label;
}

/**
 * Where to put a new node of `kind` next to `near`: `near`'s parent if that group may contain the
 * kind, else the nearest ancestor that may, else the top level (undefined).
 */
export function parentFor(doc: ArchitectureDocument, near: DocumentNode, kind: string): string | undefined {
  const g = graphOf(doc);
  for (const a of g.ancestors(near.id)) if (canContain(a.kind, kind)) return a.id;
  return undefined;
}

/**
 * A position beside `near` when the new node shares its parent (positions are relative to the
 * parent); otherwise none, and auto-layout places the node.
 */
export function beside(
  near: DocumentNode,
  parent: string | undefined,
  offset: { x: number; y: number },
): { x: number; y: number } | undefined {
  if (!near.position || parent !== near.parent) return undefined;
  return { x: near.position.x + offset.x, y: near.position.y + offset.y };
}
