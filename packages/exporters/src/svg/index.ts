import { type ArchitectureDocument, type EdgeKind, getKind, graphOf } from '@stackdraft/patterns';
import { designSlug } from '../document/index';
import type { Exporter, ExportResult } from '../types';
import { type DiagramLayout, GROUP_HEADER, layoutDocument, type Placed } from './layout';
import { CATEGORY_CLASS, CATEGORY_COLORS, EDGE_CLASS, EDGE_STYLES } from './style';
import { xmlEscape } from './xml';

const MARGIN = 24;
/** Characters of a label that fit on a node; longer labels are cut with "…" and shown whole on hover. */
const LABEL_CHARS = 24;

const r = (n: number) => Math.round(n);

function stylesheet(): string {
  const rules = [
    'text{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:13px;fill:#0f172a}',
    '.k{font-size:10px;fill:#475569}',
    '.g{fill-opacity:.5;stroke-dasharray:4 3}',
    '.e{fill:none}',
    '.l{font-size:10px;fill:#334155}',
  ];
  for (const [category, cls] of Object.entries(CATEGORY_CLASS)) {
    const c = CATEGORY_COLORS[category as keyof typeof CATEGORY_COLORS];
    rules.push(`.${cls}{fill:${c.fill};stroke:${c.stroke}}`);
  }
  for (const [kind, cls] of Object.entries(EDGE_CLASS)) {
    const s = EDGE_STYLES[kind as EdgeKind];
    rules.push(
      `.${cls}{stroke:${s.stroke};stroke-width:${s.width}${s.dash ? `;stroke-dasharray:${s.dash}` : ''};marker-end:url(#m${cls})}`,
    );
  }
  return rules.join('');
}

function markers(): string {
  return Object.entries(EDGE_CLASS)
    .map(
      ([kind, cls]) =>
        `<marker id="m${cls}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${EDGE_STYLES[kind as EdgeKind].stroke}"/></marker>`,
    )
    .join('');
}

/** A label cut to what fits, by code points so that no surrogate pair is split. */
function fitLabel(label: string, max: number): { text: string; cut: boolean } {
  const chars = Array.from(label);
  if (chars.length <= max) return { text: label, cut: false };
  return { text: `${chars.slice(0, max - 1).join('')}…`, cut: true };
}

/** Where the line from the centre of `a` towards the centre of `b` leaves `a`'s rectangle. */
function border(a: Placed, bx: number, by: number): [number, number] {
  const cx = a.absX + a.width / 2;
  const cy = a.absY + a.height / 2;
  const dx = bx - cx;
  const dy = by - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const scale = Math.min(
    dx === 0 ? Number.POSITIVE_INFINITY : a.width / 2 / Math.abs(dx),
    dy === 0 ? Number.POSITIVE_INFINITY : a.height / 2 / Math.abs(dy),
  );
  return [cx + dx * scale, cy + dy * scale];
}

function renderNode(p: Placed, out: string[]): void {
  const kind = getKind(p.node.kind);
  const label = fitLabel(p.node.label, p.isGroup ? Math.max(8, Math.floor(p.width / 8)) : LABEL_CHARS);
  const title = label.cut ? `<title>${xmlEscape(p.node.label)}</title>` : '';
  const cls = CATEGORY_CLASS[kind.category];
  const x = r(p.absX);
  const y = r(p.absY);
  if (p.isGroup) {
    out.push(
      `<g>${title}<rect class="g ${cls}" x="${x}" y="${y}" width="${r(p.width)}" height="${r(p.height)}" rx="10"/><text x="${x + 12}" y="${y + GROUP_HEADER / 2 + 5}">${xmlEscape(label.text)}</text><text class="k" x="${x + r(p.width) - 8}" y="${y + GROUP_HEADER / 2 + 4}" text-anchor="end">${xmlEscape(kind.label)}</text></g>`,
    );
  } else {
    out.push(
      `<g>${title}<rect class="${cls}" x="${x}" y="${y}" width="${r(p.width)}" height="${r(p.height)}" rx="8"/><text x="${x + 10}" y="${y + 26}">${xmlEscape(label.text)}</text><text class="k" x="${x + 10}" y="${y + 46}">${xmlEscape(kind.label)}</text></g>`,
    );
  }
}

/**
 * The design as one standalone SVG image: groups as containers, nodes coloured by category with
 * their label and kind, edges styled by kind (solid sync, dashed async, thick trigger, dotted
 * replication, red redrive). Positions come from the document; nodes without one are laid out.
 * Labels are XML-escaped (and cut to fit, whole in a tooltip).
 */
export function renderSvg(doc: ArchitectureDocument, layout: DiagramLayout = layoutDocument(doc)): string {
  const graph = graphOf(doc);
  const minX = r(layout.minX) - MARGIN;
  const minY = r(layout.minY) - MARGIN;
  const width = r(layout.maxX - layout.minX) + 2 * MARGIN;
  const height = r(layout.maxY - layout.minY) + 2 * MARGIN;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" role="img" aria-labelledby="title">`,
    `<title id="title">${xmlEscape(doc.name)}</title>`,
    `<style>${stylesheet()}</style><defs>${markers()}</defs>`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  for (const p of layout.placed) if (p.isGroup) renderNode(p, out);
  for (const e of graph.edges) {
    const a = layout.byId.get(e.source.id);
    const b = layout.byId.get(e.target.id);
    if (!a || !b) continue;
    const [x1, y1] = border(a, b.absX + b.width / 2, b.absY + b.height / 2);
    const [x2, y2] = border(b, a.absX + a.width / 2, a.absY + a.height / 2);
    const cls = EDGE_CLASS[e.kind ?? 'sync'];
    out.push(`<path class="e ${cls}" d="M${r(x1)} ${r(y1)}L${r(x2)} ${r(y2)}"/>`);
    if (e.edge.label) {
      const label = fitLabel(e.edge.label, 32);
      out.push(
        `<text class="l" x="${r((x1 + x2) / 2)}" y="${r((y1 + y2) / 2) - 4}" text-anchor="middle">${xmlEscape(label.text)}</text>`,
      );
    }
  }
  for (const p of layout.placed) if (!p.isGroup) renderNode(p, out);
  out.push('</svg>\n');
  return out.join('');
}

function exportSvg(doc: ArchitectureDocument): ExportResult {
  return { files: [{ path: `${designSlug(doc)}.svg`, content: renderSvg(doc) }], diagnostics: [] };
}

export const svgExporter: Exporter = {
  format: 'svg',
  label: 'SVG image',
  description:
    'The diagram as a standalone SVG image, drawn from the document (also the source of PNG export).',
  export: exportSvg,
};
