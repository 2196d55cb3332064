import {
  type ArchitectureDocument,
  canContain,
  type DocumentNode,
  type Fragment,
  insertFragment,
  loadDocument,
} from '@stackdraft/patterns';
import { absolutePositions, GRID, withDescendants, type XY } from './geometry';
import { refuse, type TransformResult } from './types';

/** Marker of a Stackdraft fragment on the clipboard, so a paste in another tab recognises it. */
export const FRAGMENT_MARKER = 'stackdraft-fragment';

/** A copied part of a design: nodes (with what they contain) and the edges among them. */
export interface CopiedFragment extends Fragment {
  /** The group the copied nodes were in (all of them), so a duplicate stays in it. */
  parent?: string;
  /** Top-left of the copied nodes, in the parent's coordinates. */
  origin: XY;
}

/**
 * The fragment for `nodeIds`: those nodes and everything inside them, plus the edges whose both
 * ends are copied. Positions of the top-level copied nodes become relative to their top-left.
 */
export function fragmentOf(
  doc: ArchitectureDocument,
  nodeIds: readonly string[],
): CopiedFragment | undefined {
  if (nodeIds.length === 0) return undefined;
  const ids = withDescendants(doc, nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  const tops = nodes.filter((n) => n.parent === undefined || !ids.has(n.parent));
  const parents = new Set(tops.map((n) => n.parent));
  const sameParent = parents.size === 1 ? [...parents][0] : undefined;
  // Nodes from different groups are copied in absolute coordinates; from one group, in its own.
  const abs = sameParent === undefined ? absolutePositions(doc) : undefined;
  const place = (n: DocumentNode): XY =>
    abs ? (abs.get(n.id) ?? { x: 0, y: 0 }) : (n.position ?? { x: 0, y: 0 });
  const origin = {
    x: Math.min(...tops.map((n) => place(n).x)),
    y: Math.min(...tops.map((n) => place(n).y)),
  };
  const copied = nodes.map((n) => {
    const c = structuredClone(n);
    if (tops.includes(n)) {
      const p = place(n);
      c.position = { x: p.x - origin.x, y: p.y - origin.y };
      delete c.parent;
    }
    return c;
  });
  const edges = doc.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => structuredClone(e));
  const out: CopiedFragment = { nodes: copied, edges, origin };
  if (sameParent !== undefined) out.parent = sameParent;
  return out;
}

/** The clipboard text of a fragment: JSON with a marker, readable by any Stackdraft tab. */
export function fragmentToText(fragment: CopiedFragment): string {
  return JSON.stringify({ [FRAGMENT_MARKER]: 1, ...fragment });
}

/**
 * Reads a fragment from clipboard text: a copied fragment, or a whole design (YAML or JSON) whose
 * nodes are pasted. The nodes and edges are checked like a file's; undefined when it is neither.
 */
export async function fragmentFromText(text: string): Promise<CopiedFragment | undefined> {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    data = undefined;
  }
  if (data && typeof data === 'object' && FRAGMENT_MARKER in data) {
    const raw = data as { nodes?: unknown; edges?: unknown; parent?: unknown; origin?: unknown };
    const checked = loadDocument({ stackdraft: 1, name: 'Clipboard', nodes: raw.nodes, edges: raw.edges });
    if (!checked.ok) return undefined;
    const origin = raw.origin as XY | undefined;
    const out: CopiedFragment = {
      nodes: checked.document.nodes,
      edges: checked.document.edges,
      origin: origin && Number.isFinite(origin.x) && Number.isFinite(origin.y) ? origin : { x: 0, y: 0 },
    };
    if (typeof raw.parent === 'string') out.parent = raw.parent;
    return out;
  }
  if (!/^\s*[{]|stackdraft\s*:/.test(trimmed)) return undefined;
  const { parseDocument } = await import('./text-formats');
  const parsed = parseDocument(trimmed, { format: trimmed.startsWith('{') ? 'json' : 'yaml' });
  if (!parsed.ok || parsed.document.nodes.length === 0) return undefined;
  const all = parsed.document.nodes.filter((n) => n.parent === undefined).map((n) => n.id);
  return fragmentOf(parsed.document, all);
}

/**
 * Pastes a fragment: ids that are taken get a suffix, and the copy lands at `at` (in the parent's
 * coordinates when the fragment came from a group that exists here and may hold it, else on the
 * canvas). The pasted nodes become the selection.
 */
export function pasteFragment(doc: ArchitectureDocument, fragment: CopiedFragment, at: XY): TransformResult {
  if (fragment.nodes.length === 0) return refuse('There is nothing to paste.');
  const parentNode = fragment.parent ? doc.nodes.find((n) => n.id === fragment.parent) : undefined;
  const tops = fragment.nodes.filter((n) => n.parent === undefined);
  const keepParent = parentNode && tops.every((n) => canContain(parentNode.kind, n.kind));
  const snap = (v: number) => Math.round(v / GRID) * GRID;
  const options: { at: XY; parent?: string } = { at: { x: snap(at.x), y: snap(at.y) } };
  if (keepParent && parentNode) options.parent = parentNode.id;
  const r = insertFragment(doc, { nodes: fragment.nodes, edges: fragment.edges }, options);
  return { ok: true, doc: r.document, select: { nodes: r.insertedNodeIds, edges: [] } };
}

/** Duplicates nodes next to themselves (one grid step right and down), in the same group. */
export function duplicateNodes(doc: ArchitectureDocument, nodeIds: readonly string[]): TransformResult {
  const fragment = fragmentOf(doc, nodeIds);
  if (!fragment) return refuse('Select the nodes to duplicate first.');
  return pasteFragment(doc, fragment, { x: fragment.origin.x + GRID * 2, y: fragment.origin.y + GRID * 2 });
}
