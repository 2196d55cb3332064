import { onlyMoved } from './diff-documents';
import type { ChangedItem, DocumentDiff, FieldChange } from './types';
import { shortValue } from './values';

/** Ids named in a summary before "and N more". */
const MAX_IDS = 3;
/** Changed fields named per node before "and N more". */
const MAX_FIELDS = 2;

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function ids(list: readonly string[]): string {
  const shown = list.slice(0, MAX_IDS).join(', ');
  return list.length > MAX_IDS ? `${shown} and ${list.length - MAX_IDS} more` : shown;
}

/** `multiAz false → true`: config paths lose their `config.` prefix, the setting names itself. */
function fieldPhrase(c: FieldChange): string {
  const name = c.path.startsWith('config.') ? c.path.slice('config.'.length) : c.path;
  return `${name} ${shortValue(c.before, 24)} → ${shortValue(c.after, 24)}`;
}

function changedPhrase(item: ChangedItem): string {
  const fields = item.changes.slice(0, MAX_FIELDS).map(fieldPhrase);
  const more = item.changes.length - MAX_FIELDS;
  return `${item.id} (${fields.join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
}

function settingPhrase(c: FieldChange): string {
  if (c.path === 'name') return `renamed the design to "${shortValue(c.after)}"`;
  const scalar = (v: unknown) => v === undefined || typeof v !== 'object' || v === null;
  return scalar(c.before) && scalar(c.after) ? `changed ${fieldPhrase(c)}` : `changed ${c.path}`;
}

/**
 * One line that says what a new version did, for a version history, a notification or the first
 * line of a pull-request comment: "Added 2 nodes (orders-dlq, auth), changed orders-db (multiAz
 * false → true), removed 1 edge". Nodes are named by id (up to three); a node that only moved on
 * the canvas is counted as moved; identical documents give "No changes". Plain text: ids are safe,
 * but setting values are the person's text, so escape the line for the format it is shown in.
 */
export function summarizeDiff(diff: DocumentDiff): string {
  const parts: string[] = [];
  const { nodes, edges } = diff;
  if (nodes.added.length > 0) parts.push(`added ${plural(nodes.added.length, 'node')} (${ids(nodes.added)})`);
  if (nodes.removed.length > 0)
    parts.push(`removed ${plural(nodes.removed.length, 'node')} (${ids(nodes.removed)})`);
  const moved = nodes.changed.filter(onlyMoved);
  const changed = nodes.changed.filter((c) => !onlyMoved(c));
  if (changed.length > MAX_IDS)
    parts.push(`changed ${plural(changed.length, 'node')} (${ids(changed.map((c) => c.id))})`);
  else if (changed.length > 0) parts.push(`changed ${changed.map(changedPhrase).join(' and ')}`);
  if (moved.length > 0) parts.push(`moved ${plural(moved.length, 'node')}`);
  if (edges.added.length > 0) parts.push(`added ${plural(edges.added.length, 'edge')}`);
  if (edges.removed.length > 0) parts.push(`removed ${plural(edges.removed.length, 'edge')}`);
  if (edges.changed.length === 1 && edges.changed[0])
    parts.push(`changed edge ${changedPhrase(edges.changed[0])}`);
  else if (edges.changed.length > 1) parts.push(`changed ${plural(edges.changed.length, 'edge')}`);
  for (const s of diff.settings) parts.push(settingPhrase(s));
  if (parts.length === 0) return 'No changes';
  const line = parts.join(', ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
