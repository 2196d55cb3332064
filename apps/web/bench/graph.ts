import type { ArchitectureDocument } from '@stackdraft/patterns';
import { generateLargeDocument } from '@stackdraft/patterns/testing';

/** The benchmark graph: 1,000 nodes and 1,500 edges, on a grid, the same for both pages. */
export const NODES = 1000;
export const EDGES = 1500;
const COLUMNS = 40;

/**
 * A flat Stackdraft design for the canvas figures: the realistic generated design (service cells:
 * service, database, queue, DLQ, function; cross-service calls) without its region groups, placed
 * on a grid so that both pages draw exactly the same picture.
 */
export function canvasDocument(): ArchitectureDocument {
  const big = generateLargeDocument(NODES + 3, EDGES);
  const nodes = big.nodes
    .filter((n) => n.kind !== 'region')
    .map(({ parent: _parent, ...n }, i) => ({
      ...n,
      position: { x: (i % COLUMNS) * 260, y: Math.floor(i / COLUMNS) * 120 },
    }));
  return { ...big, name: 'Canvas benchmark', nodes, edges: big.edges.slice(0, EDGES) };
}

/** The same graph as React Flow's default nodes: id, position and a label. */
export function bareGraph(doc: ArchitectureDocument) {
  return {
    nodes: doc.nodes.map((n) => ({
      id: n.id,
      position: n.position ?? { x: 0, y: 0 },
      data: { label: n.label },
    })),
    edges: doc.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}

/** The layout figure's design: 1,000 nodes in three regions (groups), with no positions. */
export function groupedDocument(): ArchitectureDocument {
  const big = generateLargeDocument(NODES, EDGES);
  return { ...big, nodes: big.nodes.map(({ position: _p, ...n }) => n) };
}
