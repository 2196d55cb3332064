import { describe, expect, it } from 'vitest';
import { templateDocument } from '../test/hostile';
import { xmlDecode, xmlProblems } from '../test/xml-check';
import { drawioExporter, renderDrawio } from './index';

describe('draw.io export', () => {
  const d = templateDocument('three-tier-web-app');
  const xml = renderDrawio(d);

  it('is a well-formed mxfile with one cell per node and edge', () => {
    expect(xmlProblems(xml)).toEqual([]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<mxfile /);
    expect(xml.match(/vertex="1"/g)).toHaveLength(d.nodes.length);
    expect(xml.match(/edge="1"/g)).toHaveLength(d.edges.length);
    expect(drawioExporter.export(d).files[0]?.path).toBe('three-tier-web-app.drawio');
  });

  it('makes groups containers whose children sit at coordinates relative to them', () => {
    expect(xml).toMatch(/<mxCell id="n-vpc" [^>]*style="swimlane;container=1;/);
    const alb = /<mxCell id="n-alb" [^>]*parent="n-public-subnet"><mxGeometry x="(\d+)" y="(\d+)"/.exec(xml);
    const node = d.nodes.find((n) => n.id === 'alb');
    expect(alb?.slice(1).map(Number)).toEqual([node?.position?.x, node?.position?.y]);
  });

  it('connects edges to node cells and keeps edge labels', () => {
    const e = /<mxCell id="e-([^"]+)" value="([^"]*)"[^>]*source="n-app-service" target="n-app-db"/.exec(xml);
    const edge = d.edges.find((x) => x.source === 'app-service' && x.target === 'app-db');
    expect(e?.[1]).toBe(edge?.id);
    expect(xmlDecode(e?.[2] ?? '')).toBe(edge?.label ?? '');
  });
});
