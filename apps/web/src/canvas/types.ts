import type { EdgeKind } from '@stackdraft/patterns';
import type { Edge, Node } from '@xyflow/react';

/** What the generic node component needs: everything else it reads from the catalog by kind. */
export interface KindNodeData extends Record<string, unknown> {
  kind: string;
  label: string;
  group: boolean;
  renaming: boolean;
  /** Group subtitle, e.g. the region code of a region. */
  detail?: string;
}
export type KindFlowNode = Node<KindNodeData, 'kind'>;

export interface KindEdgeData extends Record<string, unknown> {
  /** Undefined only for an edge the catalog does not allow (the rules report it). */
  kind: EdgeKind | undefined;
  label?: string;
}
export type KindFlowEdge = Edge<KindEdgeData, 'kind'>;
