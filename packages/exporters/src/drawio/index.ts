import { type ArchitectureDocument, type EdgeKind, getKind, graphOf } from '@stackdraft/patterns';
import { designSlug } from '../document/index';
import { layoutDocument } from '../svg/layout';
import { CATEGORY_COLORS, EDGE_STYLES } from '../svg/style';
import { xmlAttribute } from '../svg/xml';
import type { Exporter, ExportResult } from '../types';

const r = (n: number) => Math.round(n);

function edgeStyle(kind: EdgeKind): string {
  const s = EDGE_STYLES[kind];
  const dash = s.dash ? `dashed=1;dashPattern=${s.dash};` : '';
  return `edgeStyle=orthogonalEdgeStyle;rounded=1;html=0;endArrow=block;endFill=1;strokeColor=${s.stroke};strokeWidth=${s.width};${dash}`;
}

/**
 * The design as a diagrams.net (`.drawio`) file: one mxGraph page where groups are containers
 * (swimlanes) whose children sit at coordinates relative to them, nodes are coloured by category,
 * edges styled by kind. Labels are plain text (`html=0`), XML-escaped, line breaks kept.
 */
export function renderDrawio(doc: ArchitectureDocument): string {
  const graph = graphOf(doc);
  const layout = layoutDocument(doc);
  const cellId = new Map<string, string>();
  layout.placed.forEach((p) => {
    cellId.set(p.node.id, `n-${p.node.id}`);
  });
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
  for (const p of layout.placed) {
    const kind = getKind(p.node.kind);
    const c = CATEGORY_COLORS[kind.category];
    const parent = p.node.parent !== undefined ? cellId.get(p.node.parent) : undefined;
    const style = p.isGroup
      ? `swimlane;container=1;collapsible=0;startSize=28;rounded=1;html=0;whiteSpace=wrap;fillColor=${c.fill};swimlaneFillColor=${c.fill};strokeColor=${c.stroke};dashed=1;`
      : `rounded=1;html=0;whiteSpace=wrap;fillColor=${c.fill};strokeColor=${c.stroke};`;
    cells.push(
      `<mxCell id="${xmlAttribute(cellId.get(p.node.id) as string)}" value="${xmlAttribute(p.node.label)}" tooltip="${xmlAttribute(kind.label)}" style="${style}" vertex="1" parent="${xmlAttribute(parent ?? '1')}"><mxGeometry x="${r(p.x)}" y="${r(p.y)}" width="${r(p.width)}" height="${r(p.height)}" as="geometry"/></mxCell>`,
    );
  }
  const used = new Set<string>();
  graph.edges.forEach((e, i) => {
    const source = cellId.get(e.source.id);
    const target = cellId.get(e.target.id);
    if (!source || !target) return;
    let id = `e-${e.edge.id}`;
    if (used.has(id)) id = `e-${e.edge.id}-${i}`;
    used.add(id);
    cells.push(
      `<mxCell id="${xmlAttribute(id)}" value="${xmlAttribute(e.edge.label ?? '')}" style="${edgeStyle(e.kind ?? 'sync')}" edge="1" parent="1" source="${xmlAttribute(source)}" target="${xmlAttribute(target)}"><mxGeometry relative="1" as="geometry"/></mxCell>`,
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<mxfile host="Stackdraft" agent="Stackdraft" type="device">',
    `<diagram id="stackdraft" name="${xmlAttribute(doc.name)}">`,
    '<mxGraphModel grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" math="0" shadow="0">',
    `<root>${cells.join('\n')}</root>`,
    '</mxGraphModel>',
    '</diagram>',
    '</mxfile>',
    '',
  ].join('\n');
}

function exportDrawio(doc: ArchitectureDocument): ExportResult {
  return { files: [{ path: `${designSlug(doc)}.drawio`, content: renderDrawio(doc) }], diagnostics: [] };
}

export const drawioExporter: Exporter = {
  format: 'drawio',
  label: 'draw.io diagram',
  description: 'A .drawio file that opens in diagrams.net, with groups as containers.',
  export: exportDrawio,
};
