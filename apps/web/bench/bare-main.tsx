import {
  type Edge,
  getViewportForBounds,
  type Node,
  ReactFlow,
  ReactFlowProvider,
  useEdgesState,
  useNodesState,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The benchmark's baseline: React Flow as its documentation sets it up (default nodes, state
 * from `useNodesState`), in a box the size of the editor's canvas. Like the editor, it sets the
 * view to fit the graph before drawing it.
 */
const params = new URLSearchParams(location.search);
const width = Number(params.get('w') ?? 900);
const height = Number(params.get('h') ?? 600);
// React Flow's default node is 150 px wide; its height is about 36 px with the default label.
const DEFAULT_W = 150;
const DEFAULT_H = 36;

function Bare() {
  const [nodes, setNodes, onNodesChange] = useNodesState<Node>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>([]);
  const rf = useReactFlow();
  useEffect(() => {
    (window as unknown as { __bench: unknown }).__bench = {
      load(graph: { nodes: Node[]; edges: Edge[] }) {
        const xs = graph.nodes.map((n) => n.position.x);
        const ys = graph.nodes.map((n) => n.position.y);
        const bounds = {
          x: Math.min(...xs),
          y: Math.min(...ys),
          width: Math.max(...xs) + DEFAULT_W - Math.min(...xs),
          height: Math.max(...ys) + DEFAULT_H - Math.min(...ys),
        };
        void rf.setViewport(getViewportForBounds(bounds, width, height, 0.05, 1.25, 0.15));
        setNodes(graph.nodes);
        setEdges(graph.edges);
      },
      instance: () => rf,
    };
  }, [rf, setNodes, setEdges]);
  return (
    <div style={{ width, height }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        minZoom={0.05}
        maxZoom={2.5}
      />
    </div>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <ReactFlowProvider>
      <Bare />
    </ReactFlowProvider>,
  );
}
