import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFailure, diffDocuments, isEmptyDiff, loadDocument, summarizeDiff, walkFlow } from '../index';
import { arbitraryDocument } from '../testing/arbitraries';

/*
 * The review analyses on generated designs (random kinds, edges, groups and hostile labels): they
 * never throw, return plain JSON and only point at nodes and edges that exist.
 */

const designs = arbitraryDocument.map((doc) => {
  const r = loadDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 2)));
  return r.document;
});

describe('review analyses on generated designs', () => {
  it('diffDocuments: nothing between a design and itself; added and removed follow the ids', () => {
    fc.assert(
      fc.property(designs, designs, (a, b) => {
        expect(isEmptyDiff(diffDocuments(a, structuredClone(a)))).toBe(true);
        const d = diffDocuments(a, b);
        expect(JSON.parse(JSON.stringify(d))).toEqual(JSON.parse(JSON.stringify(d)));
        const inA = new Set(a.nodes.map((n) => n.id));
        const inB = new Set(b.nodes.map((n) => n.id));
        expect(d.nodes.added).toEqual(b.nodes.filter((n) => !inA.has(n.id)).map((n) => n.id));
        expect(d.nodes.removed).toEqual(a.nodes.filter((n) => !inB.has(n.id)).map((n) => n.id));
        for (const c of d.nodes.changed) expect(c.changes.length).toBeGreaterThan(0);
        // Every edge of b is either added or matched, and every edge of a either removed or matched.
        expect(d.edges.added.length - d.edges.removed.length).toBe(b.edges.length - a.edges.length);
        expect(summarizeDiff(d)).not.toContain('\n'.repeat(2));
      }),
      { numRuns: 60 },
    );
  });

  it('analyzeFailure and walkFlow: every id they return exists; walks visit each node once', () => {
    fc.assert(
      fc.property(designs, fc.nat(), (doc, pick) => {
        const nodes = new Set(doc.nodes.map((n) => n.id));
        const edges = new Set(doc.edges.map((e) => e.id));
        const victim = doc.nodes[pick % Math.max(1, doc.nodes.length)]?.id;
        const a = analyzeFailure(doc, { nodes: victim ? [victim] : [], regions: [doc.region] });
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
        for (const id of [...a.failedNodeIds, ...a.affected.nodeIds]) expect(nodes.has(id)).toBe(true);
        for (const id of a.affected.edgeIds) expect(edges.has(id)).toBe(true);
        for (const p of a.paths) {
          for (const id of p.nodeIds) expect(nodes.has(id)).toBe(true);
          for (const id of p.edgeIds) expect(edges.has(id)).toBe(true);
          expect(p.reason.length).toBeGreaterThan(0);
        }
        expect(a.counts.working + a.counts.degraded + a.counts.broken).toBe(a.paths.length);
        if (!victim) return;
        const walk = walkFlow(doc, victim);
        const expanded = walk.hops.filter((h) => !h.revisit).map((h) => h.nodeId);
        expect(new Set(expanded).size).toBe(expanded.length);
        for (const h of walk.hops) {
          expect(nodes.has(h.nodeId)).toBe(true);
          if (h.edgeId !== undefined) expect(edges.has(h.edgeId)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
