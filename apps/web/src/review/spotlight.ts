/**
 * A spotlight marks some nodes and edges of the canvas (a saved view's highlighted nodes, the hops
 * of a flow walkthrough, what a failure breaks) and dims the rest. It is drawn with one generated
 * style sheet keyed by React Flow's `data-id` attributes, so marking 10,000 nodes re-renders no
 * node component.
 */

/** How a marked element is drawn. */
export type Mark = 'focus' | 'current' | 'ok' | 'degraded' | 'broken' | 'failed';

export interface Spotlight {
  readonly nodes: ReadonlyMap<string, Mark>;
  readonly edges: ReadonlyMap<string, Mark>;
  /** Dim everything not marked (a view, a walkthrough) or leave it as it is (a failure overlay). */
  readonly dimOthers: boolean;
}

/** Marks `nodeIds` (and `edgeIds`) with one mark, dimming the rest. */
export function focusOn(
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string> = [],
  mark: Mark = 'focus',
): Spotlight {
  return {
    nodes: new Map([...nodeIds].map((id) => [id, mark])),
    edges: new Map([...edgeIds].map((id) => [id, mark])),
    dimOthers: true,
  };
}

const MARK_COLOUR: Record<Mark, string> = {
  focus: 'var(--sd-mark-focus)',
  current: 'var(--sd-mark-current)',
  ok: 'var(--sd-mark-ok)',
  degraded: 'var(--sd-mark-degraded)',
  broken: 'var(--sd-mark-broken)',
  failed: 'var(--sd-mark-failed)',
};

/**
 * CSS string escaping for an attribute value in double quotes. Ids are restricted by the schema to
 * `[a-z0-9][a-z0-9-_]*`, but the style sheet must stay safe whatever reaches it.
 */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(16)} `;
    else out += ch;
  }
  return `${out}"`;
}

/** The style sheet that draws `spot` on the canvas under `root` (a CSS selector). */
export function spotlightCss(spot: Spotlight, root = '.sd-canvas'): string {
  const rules: string[] = [];
  if (spot.dimOthers) {
    rules.push(
      `${root} .react-flow__node:not(.sd-group-node) { opacity: 0.28; transition: opacity 200ms; }`,
      `${root} .react-flow__edge { opacity: 0.18; transition: opacity 200ms; }`,
    );
  }
  const byMark = new Map<Mark, { nodes: string[]; edges: string[] }>();
  const bucket = (m: Mark) => {
    const found = byMark.get(m);
    if (found) return found;
    const b = { nodes: [] as string[], edges: [] as string[] };
    byMark.set(m, b);
    return b;
  };
  for (const [id, m] of spot.nodes)
    bucket(m).nodes.push(`${root} .react-flow__node[data-id=${cssString(id)}]`);
  for (const [id, m] of spot.edges)
    bucket(m).edges.push(`${root} .react-flow__edge[data-id=${cssString(id)}]`);
  for (const [mark, { nodes, edges }] of byMark) {
    const colour = MARK_COLOUR[mark];
    if (nodes.length > 0) {
      rules.push(
        `${nodes.join(',\n')} { opacity: 1; }`,
        `${nodes.map((s) => `${s} > div`).join(',\n')} { outline: 3px solid ${colour}; outline-offset: 3px; border-radius: 10px; }`,
      );
    }
    if (edges.length > 0) {
      rules.push(
        `${edges.join(',\n')} { opacity: 1; }`,
        `${edges.map((s) => `${s} path`).join(',\n')} { stroke: ${colour} !important; stroke-width: 3px !important; }`,
      );
    }
  }
  return rules.join('\n');
}
