import {
  type ArchitectureDocument,
  type DocumentNode,
  type EdgeKind,
  getKind,
  graphOf,
} from '@stackdraft/patterns';
import { designSlug } from '../document/index';
import { NameAllocator } from '../shared/names';
import { CATEGORY_CLASS, CATEGORY_COLORS, EDGE_STYLES } from '../svg/style';
import type { Exporter, ExportResult } from '../types';

/**
 * Text inside a Mermaid `"..."` label. Mermaid decodes `#name;` / `#code;` entities before it
 * parses, so every character that could end the string or start syntax (quotes, `#`, `;`, `%`,
 * brackets, backticks that switch to Markdown) becomes an entity; line breaks become `<br/>`;
 * characters that are neither printable nor spaces are dropped.
 */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\n') out += '<br/>';
    else if (ch === '\r') continue;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff)) out += ' ';
    else if (/["#;%<>&`[\](){}|\\]/.test(ch) || code === 0x2028 || code === 0x2029) out += `#${code};`;
    else out += ch;
  }
  return out;
}

const ARROWS: Record<EdgeKind, string> = {
  sync: '-->',
  async: '-.->',
  trigger: '==>',
  replication: '-.->',
  redrive: '--x',
};

/**
 * The design as a Mermaid flowchart (left to right): groups as nested subgraphs, nodes with their
 * label and kind, edges drawn by kind (solid sync, dotted async and replication, thick trigger,
 * crossed redrive) and coloured with `linkStyle`. Identifiers are derived from node ids (`n_` +
 * a safe form, so no id can be a Mermaid keyword) and every label is quoted and entity-escaped.
 */
export function renderMermaid(doc: ArchitectureDocument): string {
  const graph = graphOf(doc);
  const ids = new NameAllocator((id) => `n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`);
  for (const n of doc.nodes) ids.name(n.id);
  const lines = ['flowchart LR'];
  const childrenOf = new Map<string | undefined, DocumentNode[]>();
  for (const n of doc.nodes) {
    const parent = n.parent !== undefined && graph.nodes.has(n.parent) ? n.parent : undefined;
    const list = childrenOf.get(parent);
    if (list) list.push(n);
    else childrenOf.set(parent, [n]);
  }
  const written = new Set<string>();
  const write = (containerId: string | undefined, indent: string) => {
    for (const n of childrenOf.get(containerId) ?? []) {
      if (written.has(n.id)) continue;
      written.add(n.id);
      const kind = getKind(n.kind);
      const text = `${mermaidLabel(n.label)}<br/><small>${mermaidLabel(kind.label)}</small>`;
      if (kind.group) {
        lines.push(`${indent}subgraph ${ids.name(n.id)}["${text}"]`);
        write(n.id, `${indent}  `);
        lines.push(`${indent}end`);
      } else {
        lines.push(`${indent}${ids.name(n.id)}["${text}"]:::${CATEGORY_CLASS[kind.category]}`);
      }
    }
  };
  write(undefined, '  ');

  const linkStyles: string[] = [];
  graph.edges.forEach((e, i) => {
    const kind = e.kind ?? 'sync';
    const label = e.edge.label ? `|"${mermaidLabel(e.edge.label)}"|` : '';
    lines.push(`  ${ids.name(e.source.id)} ${ARROWS[kind]}${label} ${ids.name(e.target.id)}`);
    const s = EDGE_STYLES[kind];
    linkStyles.push(`  linkStyle ${i} stroke:${s.stroke},stroke-width:${s.width}px`);
  });
  lines.push(...linkStyles);
  for (const [category, cls] of Object.entries(CATEGORY_CLASS)) {
    const c = CATEGORY_COLORS[category as keyof typeof CATEGORY_COLORS];
    lines.push(`  classDef ${cls} fill:${c.fill},stroke:${c.stroke},color:#0f172a`);
  }
  return `${lines.join('\n')}\n`;
}

function exportMermaid(doc: ArchitectureDocument): ExportResult {
  return { files: [{ path: `${designSlug(doc)}.mmd`, content: renderMermaid(doc) }], diagnostics: [] };
}

export const mermaidExporter: Exporter = {
  format: 'mermaid',
  label: 'Mermaid flowchart',
  description: 'A Mermaid flowchart (.mmd) with subgraphs for groups, for Markdown and wikis.',
  export: exportMermaid,
};
