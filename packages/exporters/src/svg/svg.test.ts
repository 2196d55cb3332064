import type { ArchitectureDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { templateDocument } from '../test/hostile';
import { xmlProblems } from '../test/xml-check';
import { renderSvg, svgExporter } from './index';
import { layoutDocument, NODE_WIDTH } from './layout';
import { xmlAttribute, xmlEscape } from './xml';

const doc = (
  nodes: ArchitectureDocument['nodes'],
  edges: ArchitectureDocument['edges'] = [],
): ArchitectureDocument => ({
  stackdraft: 1,
  name: 'Layout',
  provider: 'aws',
  region: 'us-east-1',
  environment: 'production',
  nodes,
  edges,
});

describe('layout', () => {
  it('keeps the positions the document gives, relative to the parent group', () => {
    const l = layoutDocument(templateDocument('multi-region-active-active'));
    const region = l.byId.get('eu-west-1');
    const alb = l.byId.get('alb-eu-west-1');
    expect(alb?.x).toBe(40);
    expect(alb?.absX).toBe((region?.absX ?? 0) + 40);
    expect(region?.width).toBe(540);
  });

  it('lays out nodes without positions in columns along the edges, and sizes groups around them', () => {
    const l = layoutDocument(
      doc(
        [
          { id: 'r', kind: 'region', label: 'R', config: { name: 'us-east-1' } },
          { id: 'q', kind: 'queue', label: 'Q', parent: 'r' },
          { id: 'f', kind: 'function', label: 'F', parent: 'r' },
          { id: 'd', kind: 'dead-letter-queue', label: 'D', parent: 'r' },
        ],
        [
          { id: 'e1', source: 'q', target: 'f' },
          { id: 'e2', source: 'q', target: 'd' },
        ],
      ),
    );
    const [q, f, d, r] = ['q', 'f', 'd', 'r'].map((id) => l.byId.get(id));
    expect(f?.x).toBeGreaterThan((q?.x ?? 0) + NODE_WIDTH - 1);
    expect(d?.x).toBe(f?.x);
    expect(d?.y).toBeGreaterThan(f?.y ?? 0);
    expect(r?.width).toBeGreaterThan((f?.x ?? 0) + NODE_WIDTH - 1);
    expect(r?.height).toBeGreaterThan(d?.y ?? 0);
  });

  it('survives cycles', () => {
    const l = layoutDocument(
      doc(
        [
          { id: 'a', kind: 'container-service', label: 'A' },
          { id: 'b', kind: 'container-service', label: 'B' },
        ],
        [
          { id: 'e1', source: 'a', target: 'b' },
          { id: 'e2', source: 'b', target: 'a' },
        ],
      ),
    );
    expect(l.placed).toHaveLength(2);
  });
});

describe('SVG export', () => {
  it('is a standalone, well-formed SVG with every node, group and edge', () => {
    const d = templateDocument('three-tier-web-app');
    const svg = renderSvg(d);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(d.nodes.length + 1);
    expect(svg.match(/<path class="e /g)).toHaveLength(d.edges.length);
    expect(svg).toContain('>Main DB (RDS PostgreSQL)</text>');
    expect(svgExporter.export(d).files[0]?.path).toBe('three-tier-web-app.svg');
  });

  it('draws edges by kind', () => {
    const svg = renderSvg(templateDocument('queue-processing'));
    expect(svg).toContain('<path class="e et"');
    expect(svg).toContain('<path class="e ed"');
    expect(svg).toContain('<path class="e ea"');
  });

  it('cuts long labels and keeps them whole in a tooltip, escaped', () => {
    const label = `${'<tag> & "quotes" '.repeat(4)}end`;
    const svg = renderSvg(doc([{ id: 'a', kind: 'queue', label }]));
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain(`<title>${xmlEscape(label)}</title>`);
    expect(svg).toContain('…</text>');
  });
});

describe('XML escaping', () => {
  it('escapes markup, replaces characters XML cannot hold, keeps line breaks in attributes', () => {
    expect(xmlEscape('<a & "b" \'c\'>')).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;');
    expect(xmlEscape('x\u0000\uD800y')).toBe('x\uFFFD\uFFFDy');
    expect(xmlEscape('🚀')).toBe('🚀');
    expect(xmlAttribute('a\nb\tc')).toBe('a&#10;b&#9;c');
  });
});
