import { describe, expect, it } from 'vitest';
import { costDiff } from './diff';
import { estimateCost } from './estimate';
import { doc, HOURS, handCents, node, priceOf, toCents } from './test-support';

describe('scenarios', () => {
  const d = (scenarios?: { low?: number; typical?: number; peak?: number }) =>
    doc(
      [
        node('app', 'container-service', { tasks: 2 }),
        node('fn', 'function', { invocationsPerMonth: 10_000_000 }),
      ],
      [],
      {
        usage: scenarios ? { scenarios } : {},
      },
    );

  it('multiply only usage-driven lines, with documented default multipliers', () => {
    const e = estimateCost(d());
    const fixed = toCents(e.items[0]?.monthly ?? 0);
    const usage = toCents(e.items[1]?.monthly ?? 0);
    expect(toCents(e.scenarios.typical.monthlyTotal)).toBe(fixed + usage);
    expect(e.scenarios.low.multiplier).toBe(0.5);
    expect(e.scenarios.peak.multiplier).toBe(3);
    const lambda = (n: number) =>
      handCents(n / 1e6, priceOf('lambda.requests')) +
      handCents(n * 0.2 * 0.5, priceOf('lambda.duration[arm64]'));
    expect(toCents(e.scenarios.peak.monthlyTotal)).toBe(fixed + lambda(30_000_000));
    expect(toCents(e.scenarios.low.monthlyTotal)).toBe(fixed + lambda(5_000_000));
  });

  it('are editable in the document', () => {
    const e = estimateCost(d({ low: 0.1, typical: 2, peak: 10 }));
    expect(e.scenarios.peak.multiplier).toBe(10);
    expect(e.items[1]?.components[0]?.quantity).toBe(20);
    expect(e.assumptions.some((a) => a.includes('(usage.scenarios)'))).toBe(true);
  });
});

describe('budget', () => {
  const d = (budget: number) =>
    doc([node('db', 'sql-database', { instanceClass: 'db.t3.medium' })], [], { budget });
  it('compares the total with the budget, and names the scenarios over it', () => {
    const cost = toCents(estimateCost(d(1000)).monthlyTotal);
    const under = estimateCost(d(1000)).budget;
    expect(under).toMatchObject({ amount: 1000, overBudget: false, scenariosOverBudget: [] });
    expect(toCents(under?.remaining ?? 0)).toBe(100_000 - cost);
    const over = estimateCost(d(10)).budget;
    expect(over?.overBudget).toBe(true);
    expect(toCents(over?.remaining ?? 0)).toBe(1000 - cost);
    expect(over?.scenariosOverBudget).toEqual(['low', 'typical', 'peak']);
    expect(estimateCost(doc([node('db', 'sql-database')])).budget).toBeUndefined();
  });
});

describe('breakdowns', () => {
  it('group the items by category and by region, with regional multipliers applied', () => {
    const d = doc([
      node('east', 'region', { name: 'us-east-1' }),
      node('west', 'region', { name: 'eu-west-1' }),
      node('a', 'container-service', { tasks: 1 }, 'east'),
      node('b', 'container-service', { tasks: 1 }, 'west'),
      node('z', 'dns'),
    ]);
    const e = estimateCost(d);
    const a = e.items.find((i) => i.nodeId === 'a');
    const b = e.items.find((i) => i.nodeId === 'b');
    const factor = e.pricing.regions.find((r) => r.region === 'eu-west-1')?.factor ?? 0;
    expect(factor).toBeGreaterThan(1);
    expect(b?.monthly).toBeGreaterThan(a?.monthly ?? 0);
    expect(e.items.find((i) => i.nodeId === 'z')?.region).toBe('global');
    expect(e.breakdown.byRegion.map((r) => r.region).sort()).toEqual(['eu-west-1', 'global', 'us-east-1']);
    expect(e.breakdown.byCategory.find((c) => c.category === 'compute')?.nodeIds).toEqual(['a', 'b']);
    expect(
      e.assumptions.some((s) => s.startsWith(`Prices in eu-west-1 are us-east-1 prices x ${factor}`)),
    ).toBe(true);
  });
});

describe('edge-borne costs', () => {
  it('charge data crossing zones and regions to the sending node', () => {
    const d = doc(
      [
        node('users', 'client', { requestsPerSecond: 1 }),
        node('r1', 'region', { name: 'us-east-1' }),
        node('r2', 'region', { name: 'us-west-2' }),
        node('az1', 'availability-zone', { name: 'us-east-1a' }, 'r1'),
        node('az2', 'availability-zone', { name: 'us-east-1b' }, 'r1'),
        node('a', 'container-service', {}, 'az1'),
        node('b', 'container-service', {}, 'az2'),
        node('c', 'container-service', {}, 'r2'),
      ],
      [
        { source: 'users', target: 'a', kind: 'sync' },
        { id: 'ab', source: 'a', target: 'b', kind: 'sync' },
        { id: 'bc', source: 'b', target: 'c', kind: 'sync', config: { payloadKb: 1024 } },
      ],
    );
    const e = estimateCost(d);
    const gb = (3600 * HOURS * 1) / (1024 * 1024); // 1 KB per call
    const az = e.items.find((i) => i.nodeId === 'a')?.components.find((c) => c.edgeId === 'ab');
    expect(az?.priceKey).toBe('data-transfer.inter-az');
    expect(az?.quantity).toBeCloseTo(2 * gb, 9);
    const region = e.items.find((i) => i.nodeId === 'b')?.components.find((c) => c.edgeId === 'bc');
    expect(region?.priceKey).toBe('data-transfer.inter-region');
    expect(toCents(region?.monthly ?? 0)).toBe(
      handCents((3600 * HOURS) / 1024, priceOf('data-transfer.inter-region')),
    );
  });

  it('charge NAT processing to the private node whose calls leave the VPC', () => {
    const d = doc(
      [
        node('vpc', 'vpc', { natGateways: 1 }),
        node('private', 'subnet', { public: false }, 'vpc'),
        node('svc', 'container-service', { tasks: 1 }, 'private'),
        node('q', 'queue', { requestsPerMonth: 1_048_576 }),
        node('bucket', 'object-storage'),
      ],
      [
        { id: 'sq', source: 'svc', target: 'q', kind: 'async', config: { payloadKb: 1024 } },
        { id: 'sb', source: 'svc', target: 'bucket', kind: 'sync' },
      ],
    );
    const e = estimateCost(d);
    const svc = e.items.find((i) => i.nodeId === 'svc');
    const nat = svc?.components.find((c) => c.priceKey === 'vpc.nat-gateway.data');
    expect(nat?.edgeId).toBe('sq');
    expect(nat?.usage?.source).toBe('default');
    expect(svc?.components.some((c) => c.edgeId === 'sb')).toBe(false); // S3 via a gateway endpoint
    const vpc = e.items.find((i) => i.nodeId === 'vpc');
    expect(vpc?.components.find((c) => c.priceKey === 'vpc.nat-gateway.hours')?.quantity).toBe(HOURS);
  });
});

describe('free tier', () => {
  it('applies only when the document asks, once for the whole design', () => {
    const nodes = [
      node('a', 'function', { invocationsPerMonth: 600_000 }),
      node('b', 'function', { invocationsPerMonth: 600_000 }),
    ];
    const without = estimateCost(doc(nodes));
    const withFree = estimateCost(doc(nodes, [], { usage: { freeTier: true } }));
    expect(without.pricing.freeTier).toBe(false);
    const req = (e: typeof without, id: string) =>
      e.items.find((i) => i.nodeId === id)?.components.find((c) => c.priceKey === 'lambda.requests');
    expect(req(without, 'a')?.freeQuantity).toBeUndefined();
    expect(req(withFree, 'a')?.freeQuantity).toBeCloseTo(0.6, 9);
    expect(req(withFree, 'b')?.freeQuantity).toBeCloseTo(0.4, 9);
    expect(toCents(req(withFree, 'b')?.monthly ?? -1)).toBe(handCents(0.2, priceOf('lambda.requests')));
  });
});

describe('costDiff', () => {
  it('gives the total and per-node deltas of two versions, biggest first', () => {
    const a = doc([node('db', 'sql-database', { instanceClass: 'db.t3.medium' }), node('old', 'queue')]);
    const b = doc([
      node('db', 'sql-database', { instanceClass: 'db.r6g.large', multiAz: true }),
      node('cache', 'cache'),
    ]);
    const diff = costDiff(a, b);
    expect(toCents(diff.delta)).toBe(toCents(diff.after) - toCents(diff.before));
    expect(diff.nodes.map((n) => [n.nodeId, n.change])).toEqual([
      ['db', 'changed'],
      ['cache', 'added'],
      ['old', 'removed'],
    ]);
    const db = diff.nodes[0];
    expect(toCents(db?.delta ?? 0)).toBe(
      handCents(HOURS, priceOf('rds.instance[postgres/db.r6g.large/multi-az]')) +
        handCents(20, priceOf('rds.storage[gp3/multi-az]')) -
        handCents(HOURS, priceOf('rds.instance[postgres/db.t3.medium/single-az]')) -
        handCents(20, priceOf('rds.storage[gp3/single-az]')),
    );
    expect(diff.nodes.reduce((s, n) => s + toCents(n.delta), 0)).toBe(toCents(diff.delta));
    expect(costDiff(a, a).nodes).toEqual([]);
  });
});
