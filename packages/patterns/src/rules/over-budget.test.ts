import { describe, expect, it } from 'vitest';
import { costOf } from './cost';
import { design, edge, findingsOfRule, node } from './test-support';

const RULE = 'over-budget';

const shop = (budget?: number) =>
  design({
    ...(budget !== undefined ? { budget } : {}),
    nodes: [
      node('app', 'container-service', { tasks: 4, cpu: 2, memoryGb: 4 }),
      node('db', 'sql-database', { instanceClass: 'db.r6g.xlarge', multiAz: true, storageGb: 200 }),
      node('vault', 'secrets-vault'),
    ],
    edges: [edge('app', 'db', 'sync'), edge('app', 'vault', 'sync', { access: 'read' })],
  });

describe(RULE, () => {
  it('fires when the estimate exceeds the budget, naming the largest items', () => {
    const total = costOf(shop(100)).monthlyTotal;
    expect(total).toBeGreaterThan(100);
    const [f, ...rest] = findingsOfRule(shop(100), RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      pillar: 'cost-optimization',
      nodeIds: ['db', 'app', 'vault'],
      edgeIds: [],
    });
    expect(f?.message).toMatch(
      /^The estimated cost of \$[\d,]+\.\d\d \/ month is \$[\d,]+\.\d\d \(\d+%\) over the budget of \$100\.00\. Largest items: "db" \$/,
    );
    expect(f?.fix).toBeUndefined();
  });

  it('does not fire within the budget or without one', () => {
    const total = costOf(shop()).monthlyTotal;
    expect(findingsOfRule(shop(Math.ceil(total)), RULE)).toEqual([]);
    expect(findingsOfRule(shop(), RULE)).toEqual([]);
  });
});
