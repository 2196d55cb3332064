import { describe, expect, it } from 'vitest';
import { design, findingsOfRule, fix, node } from './test-support';

const RULE = 'no-default-deny';

describe(RULE, () => {
  it('fires on a VPC and a Kubernetes cluster without default deny', () => {
    const doc = design({
      nodes: [
        node('vpc', 'vpc'),
        node('eks', 'kubernetes-cluster', { defaultDeny: false }, { parent: 'vpc' }),
      ],
    });
    const found = findingsOfRule(doc, RULE);
    expect(found.map((f) => [f.nodeIds, f.severity, f.pillar])).toEqual([
      [['vpc'], 'warning', 'security'],
      [['eks'], 'warning', 'security'],
    ]);
    expect(found[1]?.message).toBe(
      'Kubernetes cluster "eks" allows all traffic between its workloads by default.',
    );
    const r = fix(doc, found[1] as NonNullable<(typeof found)[1]>);
    expect([r.gone, r.newErrors]).toEqual([true, []]);
    expect(r.doc.nodes.find((n) => n.id === 'eks')?.config).toEqual({ defaultDeny: true });
  });

  it('does not fire when traffic is denied by default', () => {
    const doc = design({
      nodes: [
        node('vpc', 'vpc', { defaultDeny: true }),
        node('eks', 'kubernetes-cluster', { defaultDeny: true }),
      ],
    });
    expect(findingsOfRule(doc, RULE)).toEqual([]);
  });
});
