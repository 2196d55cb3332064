import type { ArchitectureDocument } from '@stackdraft/patterns';

/** Deep equality of JSON-like values (what a parsed document is made of), stopping at the first difference. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const rb = b as Record<string, unknown>;
  if (ka.length !== Object.keys(rb).length) return false;
  const ra = a as Record<string, unknown>;
  for (const k of ka) if (!(k in rb) || !sameValue(ra[k], rb[k])) return false;
  return true;
}

function shareList<T extends { id: string }>(
  prev: readonly T[],
  next: readonly T[],
): { list: T[]; same: boolean } {
  const byId = new Map<string, T>();
  for (const p of prev) byId.set(p.id, p);
  let same = prev.length === next.length;
  const list = next.map((n, i) => {
    const p = byId.get(n.id);
    const kept = p && sameValue(p, n) ? p : n;
    if (kept !== prev[i]) same = false;
    return kept;
  });
  return { list, same };
}

/**
 * `next` (a document just parsed from the code view) with every node and edge that did not
 * change replaced by the object `prev` already has, and `prev` itself when nothing changed at all.
 * So a comment or reformatting is no design change (no undo step), and the canvas, which memoises
 * per node object, redraws only what the text really changed.
 */
export function shareUnchanged(prev: ArchitectureDocument, next: ArchitectureDocument): ArchitectureDocument {
  const nodes = shareList(prev.nodes, next.nodes);
  const edges = shareList(prev.edges, next.edges);
  const rest = (d: ArchitectureDocument) => ({ ...d, nodes: undefined, edges: undefined });
  const sameRest = sameValue(rest(prev), rest(next));
  if (nodes.same && edges.same && sameRest) return prev;
  return { ...next, nodes: nodes.list, edges: edges.list };
}
