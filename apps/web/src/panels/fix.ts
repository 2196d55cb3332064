import type { Finding } from '@stackdraft/patterns';
import { canvasApi } from '../canvas/canvas-api';
import { editorStore } from '../store/editor-store';

/** Applies a finding's one-click fix as one undoable step, and selects what the fix added. */
export async function applyFindingFix(f: Finding): Promise<void> {
  if (!f.fix) return;
  const { applyFix } = await import('../analysis/fix-engine');
  const s = editorStore.getState();
  const before = new Set(s.doc.nodes.map((n) => n.id));
  const doc = applyFix(s.doc, f);
  if (doc === s.doc) {
    s.notify('info', 'That problem is already gone.');
    return;
  }
  const added = doc.nodes.filter((n) => !before.has(n.id)).map((n) => n.id);
  if (s.commit(f.fix.label, { ok: true, doc, select: { nodes: added, edges: [] } })) {
    s.notify('success', `${f.fix.label}: done. Undo with Ctrl+Z.`);
  }
}

/** Selects a finding's nodes and edges and brings them into view. */
export function showFinding(f: Finding): void {
  const s = editorStore.getState();
  const nodes = f.nodeIds.filter((id) => s.doc.nodes.some((n) => n.id === id));
  const edges = f.edgeIds.filter((id) => s.doc.edges.some((e) => e.id === id));
  s.select({ nodes, edges });
  canvasApi.centreOn(nodes);
}

/** Selects nodes and brings them into view. */
export function showNodes(nodeIds: readonly string[]): void {
  editorStore.getState().select({ nodes: [...nodeIds], edges: [] });
  canvasApi.centreOn(nodeIds);
}
