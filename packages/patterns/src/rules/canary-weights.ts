import { named } from './context';
import { defineRule } from './define-rule';
import { updateNodeConfig } from './edit';

interface Version {
  name: string;
  weight: number;
}

/** Weights are percentages; allow for float noise such as 33.3 + 33.3 + 33.4. */
const TOLERANCE = 1e-6;

export const canaryWeights = defineRule({
  id: 'canary-weights',
  title: 'Canary weights that do not add up to 100',
  severity: 'error',
  pillar: 'operational-excellence',
  explanation:
    'A canary release sends a small share of the traffic (say 10%) to the new version and the rest to the ' +
    'stable one, then shifts the weights as the new version proves itself. The weights are percentages of ' +
    'the same traffic, so they must add up to 100: Istio rejects a VirtualService whose route weights do ' +
    'not, and the release never starts (or a rollback silently fails). The fix scales the weights ' +
    'proportionally to whole percentages that add up to exactly 100.',
  pattern: 'Deployment Patterns: Canary Deployment with a Service Mesh (traffic split)',
  check(_graph, ctx) {
    return ctx.ofKind('kubernetes-service').flatMap((svc) => {
      const versions = svc.config?.versions as Version[] | undefined;
      if (!versions || versions.length === 0) return [];
      const sum = versions.reduce((s, v) => s + v.weight, 0);
      if (Math.abs(sum - 100) <= TOLERANCE) return [];
      const parts = versions.map((v) => `${v.name} ${v.weight}`).join(' + ');
      return [
        {
          nodeIds: [svc.id],
          message: `The traffic split of ${named(svc)} adds up to ${round(sum)}%, not 100% (${parts}).`,
          fixLabel: `Scale the weights to ${normalize(versions.map((v) => v.weight)).join(' / ')}`,
        },
      ];
    });
  },
  fix: {
    id: 'normalize-weights',
    label: 'Scale the weights to add up to 100',
    apply: (doc, finding) =>
      updateNodeConfig(doc, finding.nodeIds[0] as string, (c) => {
        const versions = (c.versions as Version[] | undefined) ?? [];
        const weights = normalize(versions.map((v) => v.weight));
        return { ...c, versions: versions.map((v, i) => ({ ...v, weight: weights[i] as number })) };
      }),
  },
});

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Whole percentages proportional to `weights` that add up to exactly 100 (largest remainder
 * method: floor each share, then give the missing points to the largest remainders). All-zero
 * weights become an even split.
 */
export function normalize(weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => (sum > 0 ? (w * 100) / sum : 100 / weights.length));
  const floors = shares.map(Math.floor);
  let missing = 100 - floors.reduce((s, f) => s + f, 0);
  const order = shares.map((s, i) => ({ i, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    missing--;
  }
  return floors;
}
