import { describe, expect, it } from 'vitest';
import { normalize } from './canary-weights';
import { design, findingsOfRule, fix, node } from './test-support';

const RULE = 'canary-weights';
const svc = (weights: number[]) =>
  design({
    nodes: [
      node('eks', 'kubernetes-cluster', { defaultDeny: true, mesh: 'istio' }),
      node(
        'checkout',
        'kubernetes-service',
        { versions: weights.map((weight, i) => ({ name: `v${i + 1}`, weight })) },
        { parent: 'eks' },
      ),
    ],
  });

describe(RULE, () => {
  it('is an error when the weights do not add up to 100', () => {
    const [f, ...rest] = findingsOfRule(svc([90, 20]), RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', pillar: 'operational-excellence', nodeIds: ['checkout'] });
    expect(f?.message).toBe('The traffic split of "checkout" adds up to 110%, not 100% (v1 90 + v2 20).');
  });

  it('does not fire on splits that add up to 100, allowing for float noise, or without versions', () => {
    expect(findingsOfRule(svc([90, 10]), RULE)).toEqual([]);
    expect(findingsOfRule(svc([33.3, 33.3, 33.4]), RULE)).toEqual([]);
    expect(findingsOfRule(design({ nodes: [node('s', 'kubernetes-service')] }), RULE)).toEqual([]);
  });

  it('fix: scales to whole percentages that add up to exactly 100', () => {
    const doc = svc([1, 1, 1]);
    const [f] = findingsOfRule(doc, RULE);
    const r = fix(doc, f as NonNullable<typeof f>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.nodes[1]?.config?.versions).toEqual([
      { name: 'v1', weight: 34 },
      { name: 'v2', weight: 33 },
      { name: 'v3', weight: 33 },
    ]);
  });

  it('normalize: proportional, exact, and an even split for all-zero weights', () => {
    expect(normalize([90, 20])).toEqual([82, 18]);
    expect(normalize([0, 0])).toEqual([50, 50]);
    expect(normalize([5])).toEqual([100]);
    for (const w of [
      [1, 2, 3, 4, 5, 6, 7],
      [0.1, 0.2],
      [99, 99, 99],
    ])
      expect(normalize(w).reduce((a, b) => a + b)).toBe(100);
  });
});
