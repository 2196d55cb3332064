import type { ArchitectureDocument, DocumentDiff, FieldChange } from '@stackdraft/patterns';
import type { Mark, Spotlight } from '../spotlight';

/**
 * Drawing a version comparison on the canvas, which shows the newer version: added nodes and
 * edges marked 'ok', changed ones 'degraded'. Removed ones are not on the canvas, so the panel
 * lists them instead. Moves alone (position, size) still count as changes: the compare view shows
 * layout, unlike `stackdraft diff` on a pull request.
 */
export function diffSpotlight(diff: DocumentDiff): Spotlight {
  const nodes = new Map<string, Mark>();
  const edges = new Map<string, Mark>();
  for (const id of diff.nodes.added) nodes.set(id, 'ok');
  for (const c of diff.nodes.changed) nodes.set(c.id, 'degraded');
  for (const id of diff.edges.added) edges.set(id, 'ok');
  for (const c of diff.edges.changed) edges.set(c.id, 'degraded');
  return { nodes, edges, dimOthers: false };
}

/** A short, readable rendering of a config value (user text: shown as text, never as markup). */
export function showValue(value: unknown, max = 48): string {
  if (value === undefined) return 'unset';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `config.visibilityTimeoutS: 30 → 120`. */
export function changeLine(c: FieldChange): string {
  return `${c.path}: ${showValue(c.before)} → ${showValue(c.after)}`;
}

/** The name to list a node under: its label, else its id. */
export function nodeName(doc: ArchitectureDocument, id: string): string {
  const n = doc.nodes.find((x) => x.id === id);
  return n?.label.trim() ? n.label.trim() : id;
}

/** The name to list an edge under: "Source → Target" by node names. */
export function edgeName(doc: ArchitectureDocument, id: string): string {
  const e = doc.edges.find((x) => x.id === id);
  if (!e) return id;
  return `${nodeName(doc, e.source)} → ${nodeName(doc, e.target)}`;
}

/** The two versions to compare by default: the previous one against the current one. */
export function defaultPair(versions: readonly { version: number }[]): [number, number] | undefined {
  const sorted = versions.map((v) => v.version).sort((a, b) => b - a);
  const [newest, previous] = sorted;
  if (newest === undefined) return undefined;
  return [previous ?? newest, newest];
}
