import type { ArchitectureDocument } from '@stackdraft/patterns';

/** How many nodes or edges a new version added, removed, changed, or only moved on the canvas. */
export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
  moved: number;
}

/** What changed between two versions of a document. */
export interface DocumentChanges {
  nodes: ChangeCounts;
  edges: ChangeCounts;
  /** Top-level fields that changed, by key (`name`, `region`, `usage`, ...). */
  settings: string[];
}

/** Top-level fields compared one by one, with the words a summary uses for them. */
const SETTINGS: Record<string, string> = {
  name: 'name',
  description: 'description',
  provider: 'provider',
  region: 'region',
  environment: 'environment',
  budget: 'budget',
  usage: 'usage assumptions',
  suppressions: 'accepted findings',
  views: 'views',
  notes: 'notes',
};

/** JSON with object keys sorted, so two equal values always serialize alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

const zero = (): ChangeCounts => ({ added: 0, removed: 0, changed: 0, moved: 0 });

/** Canvas-only keys: a node differing only in these was moved or resized, not changed. */
function withoutLayout<T extends object>(item: T): Omit<T, 'position' | 'size'> {
  const { position: _p, size: _s, ...rest } = item as T & { position?: unknown; size?: unknown };
  return rest;
}

function compareById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  layoutKeys: boolean,
): ChangeCounts {
  const counts = zero();
  const old = new Map(before.map((x) => [x.id, x]));
  for (const item of after) {
    const prev = old.get(item.id);
    old.delete(item.id);
    if (!prev) counts.added++;
    // Both sides usually come from the same loader with the same key order, so plain JSON equal
    // settles most unchanged items cheaply; key order alone never counts as a change.
    else if (JSON.stringify(prev) === JSON.stringify(item) || canonicalJson(prev) === canonicalJson(item))
      continue;
    else if (layoutKeys && canonicalJson(withoutLayout(prev)) === canonicalJson(withoutLayout(item)))
      counts.moved++;
    else counts.changed++;
  }
  counts.removed = old.size;
  return counts;
}

/** Compares two versions of a document: nodes and edges by id, settings by key. */
export function diffDocuments(before: ArchitectureDocument, after: ArchitectureDocument): DocumentChanges {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  return {
    nodes: compareById(before.nodes, after.nodes, true),
    edges: compareById(before.edges, after.edges, false),
    settings: Object.keys(SETTINGS).filter((k) => canonicalJson(b[k]) !== canonicalJson(a[k])),
  };
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One line a person can scan in the version history: "Added 2 nodes and 1 edge, changed 1 node,
 * renamed the design". The first version reads "Created with 12 nodes and 10 edges".
 */
export function summarizeChanges(
  before: ArchitectureDocument | undefined,
  after: ArchitectureDocument,
): string {
  if (!before)
    return `Created with ${list([count(after.nodes.length, 'node'), count(after.edges.length, 'edge')])}`;
  const changes = diffDocuments(before, after);
  const parts: string[] = [];
  for (const verb of ['added', 'removed', 'changed', 'moved'] as const) {
    const items: string[] = [];
    if (changes.nodes[verb] > 0) items.push(count(changes.nodes[verb], 'node'));
    if (changes.edges[verb] > 0) items.push(count(changes.edges[verb], 'edge'));
    if (items.length > 0) parts.push(`${verb} ${list(items)}`);
  }
  if (changes.settings.includes('name')) parts.push('renamed the design');
  const other = changes.settings.filter((k) => k !== 'name').map((k) => SETTINGS[k] ?? k);
  if (other.length > 0) parts.push(`changed ${list(other)}`);
  if (parts.length === 0) return 'No changes';
  const line = parts.join(', ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
