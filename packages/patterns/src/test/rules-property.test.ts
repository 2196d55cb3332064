import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, loadDocument, validate } from '../index';
import { deepFreeze } from '../rules/test-support';
import { arbitraryDocument } from '../testing/arbitraries';
import { ruleDesigns } from './rules-arbitrary';

/**
 * Generated designs that load: any valid document (random kinds and edge kinds, so many invalid
 * connections), and designs aimed at the rules (allowed connections over regions and subnets).
 */
const designs = fc.oneof(arbitraryDocument, ruleDesigns).map((doc) => {
  const r = loadDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 2)));
  return r.document;
});

describe('design rules on generated designs', () => {
  it('validate returns JSON findings that point at existing nodes and edges', () => {
    fc.assert(
      fc.property(designs, (doc) => {
        const result = validate(doc);
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        const nodes = new Set(doc.nodes.map((n) => n.id));
        const edges = new Set(doc.edges.map((e) => e.id));
        for (const f of result.findings) {
          for (const id of f.nodeIds) expect(nodes.has(id)).toBe(true);
          for (const id of f.edgeIds) expect(edges.has(id)).toBe(true);
        }
        for (const p of result.score.pillars) expect(p.score).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('every fix leaves a valid design, removes its finding, adds no error and mutates nothing', () => {
    fc.assert(
      fc.property(designs, (doc) => {
        const frozen = deepFreeze(structuredClone(doc));
        const before = findingsOf(frozen);
        const keys = new Set(before.map((f) => f.key));
        for (const f of before) {
          if (!f.fix) continue;
          const fixed = applyFix(frozen, f);
          const reloaded = loadDocument(JSON.parse(JSON.stringify(fixed)));
          if (!reloaded.ok)
            throw new Error(`${f.rule} made an invalid design: ${JSON.stringify(reloaded.errors[0])}`);
          const after = findingsOf(reloaded.document);
          expect(
            after.map((a) => a.key),
            f.rule,
          ).not.toContain(f.key);
          const newErrors = after.filter((a) => a.severity === 'error' && !keys.has(a.key));
          expect(newErrors.map((a) => `${f.rule} -> ${a.rule}: ${a.message}`)).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
