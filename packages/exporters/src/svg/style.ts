import type { CategoryId, EdgeKind } from '@stackdraft/patterns';

/** Fill and stroke per palette category, shared by the SVG and draw.io exporters. */
export const CATEGORY_COLORS: Record<CategoryId, { fill: string; stroke: string }> = {
  groups: { fill: '#f8fafc', stroke: '#94a3b8' },
  edge: { fill: '#e0f2fe', stroke: '#0369a1' },
  compute: { fill: '#fef3c7', stroke: '#b45309' },
  messaging: { fill: '#fce7f3', stroke: '#be185d' },
  data: { fill: '#dcfce7', stroke: '#15803d' },
  operations: { fill: '#ede9fe', stroke: '#6d28d9' },
};

/** How each edge kind is drawn: colour and dash pattern (undefined: solid). */
export const EDGE_STYLES: Record<EdgeKind, { stroke: string; dash?: string; width: number }> = {
  sync: { stroke: '#334155', width: 1.5 },
  async: { stroke: '#2563eb', dash: '6 4', width: 1.5 },
  trigger: { stroke: '#ea580c', width: 2 },
  replication: { stroke: '#7c3aed', dash: '2 3', width: 1.5 },
  redrive: { stroke: '#dc2626', dash: '8 3 2 3', width: 1.5 },
};

/** Short class names keep a 2,000-node SVG small. */
export const CATEGORY_CLASS: Record<CategoryId, string> = {
  groups: 'cg',
  edge: 'ce',
  compute: 'cc',
  messaging: 'cm',
  data: 'cd',
  operations: 'co',
};
export const EDGE_CLASS: Record<EdgeKind, string> = {
  sync: 'es',
  async: 'ea',
  trigger: 'et',
  replication: 'er',
  redrive: 'ed',
};
