/**
 * Number formatting for the sentences of an estimate (assumptions, usage bases). Plain string work
 * rather than `Intl`, which is slow to call tens of thousands of times on a large document.
 */

/** 262800000 -> "262,800,000"; 0.0123 -> "0.0123"; 1234.5 -> "1,234.5". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs < 100) return String(Number(n.toPrecision(4)));
  if (abs >= 1e21) return String(Math.round(n));
  let whole = String(Math.round(abs));
  let out = '';
  while (whole.length > 3) {
    out = `,${whole.slice(-3)}${out}`;
    whole = whole.slice(0, -3);
  }
  return `${n < 0 ? '-' : ''}${whole}${out}`;
}

/** A label for a node in a sentence: its label, or its id when the label is empty. */
export function nodeName(node: { id: string; label: string }): string {
  const label = node.label.trim();
  return label.length > 0 ? `"${label}"` : node.id;
}
