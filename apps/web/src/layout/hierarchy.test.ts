import { type ArchitectureDocument, emptyDocument, findTemplate, insertTemplate } from '@stackdraft/patterns';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { absoluteRects, intersects, nodeSize, type Rect } from '../document/geometry';
import { applyLayout, layoutInputOf } from './auto-layout';
import { layoutHierarchy } from './hierarchy';

const elk = new ELK();

function stripPositions(doc: ArchitectureDocument): ArchitectureDocument {
  return { ...doc, nodes: doc.nodes.map(({ position: _p, ...n }) => n) };
}

async function laidOut(doc: ArchitectureDocument) {
  return applyLayout(doc, await layoutHierarchy(elk, layoutInputOf(doc)));
}

function siblingsOverlap(doc: ArchitectureDocument): string[] {
  const rects = absoluteRects(doc);
  const bad: string[] = [];
  for (const a of doc.nodes)
    for (const b of doc.nodes) {
      if (a.id >= b.id || a.parent !== b.parent) continue;
      if (intersects(rects.get(a.id) as Rect, rects.get(b.id) as Rect)) bad.push(`${a.id}/${b.id}`);
    }
  return bad;
}

describe('auto layout, one group at a time', () => {
  it('places every node of a multi-region design, without overlaps, each child inside its group', async () => {
    expect(findTemplate('multi-region-active-active')).toBeDefined();
    const doc = stripPositions(insertTemplate(emptyDocument(), 'multi-region-active-active').document);
    const out = await laidOut(doc);
    expect(out.nodes.every((n) => n.position)).toBe(true);
    expect(siblingsOverlap(out)).toEqual([]);
    const rects = absoluteRects(out);
    for (const n of out.nodes) {
      if (!n.parent) continue;
      const c = rects.get(n.id) as Rect;
      const p = rects.get(n.parent) as Rect;
      expect(
        c.x >= p.x && c.y >= p.y && c.x + c.width <= p.x + p.width && c.y + c.height <= p.y + p.height,
      ).toBe(true);
    }
  });

  it('lays out left to right along the edges', async () => {
    const doc: ArchitectureDocument = {
      ...emptyDocument(),
      nodes: [
        { id: 'c', kind: 'function', label: 'C' },
        { id: 'a', kind: 'queue', label: 'A' },
      ],
      edges: [{ id: 'e', source: 'a', target: 'c', kind: 'trigger' }],
    };
    const out = await laidOut(doc);
    const x = (id: string) => out.nodes.find((n) => n.id === id)?.position?.x ?? Number.NaN;
    expect(x('a')).toBeLessThan(x('c'));
  });

  it('sizes a group to hold its contents below its title bar', async () => {
    const doc: ArchitectureDocument = {
      ...emptyDocument(),
      nodes: [
        { id: 'r', kind: 'region', label: 'r', size: { width: 10, height: 10 } },
        { id: 'q', kind: 'queue', label: 'Q', parent: 'r' },
        { id: 'f', kind: 'function', label: 'F', parent: 'r' },
      ],
      edges: [{ id: 'e', source: 'q', target: 'f', kind: 'trigger' }],
    };
    const out = await laidOut(doc);
    const r = out.nodes.find((n) => n.id === 'r');
    expect(r?.size?.width).toBeGreaterThanOrEqual(2 * nodeSize({ kind: 'queue' }).width);
    expect(
      Math.min(...out.nodes.filter((n) => n.parent === 'r').map((n) => n.position?.y ?? 0)),
    ).toBeGreaterThanOrEqual(40);
  });
});
