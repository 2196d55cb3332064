import { describe, expect, it } from 'vitest';
import { estimateCost } from './estimate';
import { doc, HOURS, handCents, node, priceOf, toCents } from './test-support';
import type { CostEstimate, CostItem } from './types';

/**
 * Acceptance: the monthly cost of the seed's examples, computed by hand here from the price file's
 * values (read from the JSON, never pasted), must match the estimate to the cent.
 */

const item = (e: CostEstimate, id: string): CostItem => {
  const found = e.items.find((i) => i.nodeId === id);
  if (!found) throw new Error(`no item for ${id}`);
  return found;
};
const sumCents = (e: CostEstimate) => e.items.reduce((s, i) => s + toCents(i.monthly), 0);

describe('the seed three-tier example (ALB + 3 Fargate tasks + RDS db.t3.medium Multi-AZ)', () => {
  const d = doc(
    [
      node('alb', 'load-balancer', { type: 'application' }),
      node('app', 'container-service', { platform: 'fargate', tasks: 3, cpu: 1, memoryGb: 2, port: 8080 }),
      node('db', 'sql-database', {
        engine: 'postgres',
        instanceClass: 'db.t3.medium',
        multiAz: true,
        storageGb: 100,
        storageType: 'gp3',
      }),
    ],
    [
      { source: 'alb', target: 'app', kind: 'sync' },
      { source: 'app', target: 'db', kind: 'sync', config: { access: 'readwrite' } },
    ],
  );
  const e = estimateCost(d);

  it('prices each tier to the cent', () => {
    const alb =
      handCents(HOURS, priceOf('elb.hours[application]')) +
      // 1 LCU on average: the kind default, since no traffic reaches the load balancer
      handCents(1 * HOURS, priceOf('elb.lcu[application]')) +
      // internet-facing: one public IPv4 address in each of 2 zones
      handCents(2 * HOURS, priceOf('vpc.public-ipv4'));
    const app =
      handCents(3 * 1 * HOURS, priceOf('fargate.vcpu[x86_64]')) +
      handCents(3 * 2 * HOURS, priceOf('fargate.memory[x86_64]'));
    const db =
      handCents(HOURS, priceOf('rds.instance[postgres/db.t3.medium/multi-az]')) +
      handCents(100, priceOf('rds.storage[gp3/multi-az]'));

    expect(toCents(item(e, 'alb').monthly)).toBe(alb);
    expect(toCents(item(e, 'app').monthly)).toBe(app);
    expect(toCents(item(e, 'db').monthly)).toBe(db);
    expect(toCents(e.monthlyTotal)).toBe(alb + app + db);
    expect(sumCents(e)).toBe(toCents(e.monthlyTotal));
  });

  it('bills Multi-AZ at the listed Multi-AZ prices (twice the Single-AZ ones)', () => {
    expect(priceOf('rds.instance[postgres/db.t3.medium/multi-az]')).toBeCloseTo(
      2 * priceOf('rds.instance[postgres/db.t3.medium/single-az]'),
      10,
    );
    expect(priceOf('rds.storage[gp3/multi-az]')).toBeCloseTo(2 * priceOf('rds.storage[gp3/single-az]'), 10);
    const instance = item(e, 'db').components.find((c) => c.priceKey.startsWith('rds.instance'));
    expect(instance?.quantity).toBe(HOURS);
    expect(instance?.unit).toBe('hour');
  });

  it('says the load balancer capacity comes from a default nobody stated', () => {
    const lcu = item(e, 'alb').components.find((c) => c.priceKey === 'elb.lcu[application]');
    expect(lcu?.usageBased).toBe(true);
    expect(lcu?.usage?.source).toBe('default');
    expect(item(e, 'alb').usesDefaultUsage).toBe(true);
    expect(
      e.assumptions.some((a) => a.startsWith('Load balancer: 1 average LCUs assumed (the kind default)')),
    ).toBe(true);
  });
});

describe('a queue with a dead-letter queue and a Lambda consumer', () => {
  // 10 requests/s through an HTTP API into the queue; the function takes batches of 10 messages.
  const d = doc(
    [
      node('users', 'client', { requestsPerSecond: 10 }),
      node('api', 'api-gateway', { type: 'http', auth: 'jwt', rateLimitPerSecond: 50 }),
      node('orders', 'queue', { visibilityTimeoutS: 180 }),
      node('orders-dlq', 'dead-letter-queue'),
      node('worker', 'function', { memoryMb: 512, avgDurationMs: 200, architecture: 'arm64' }),
    ],
    [
      { source: 'users', target: 'api', kind: 'sync' },
      { source: 'api', target: 'orders', kind: 'async' },
      { source: 'orders', target: 'worker', kind: 'trigger', config: { batchSize: 10 } },
      { source: 'orders', target: 'orders-dlq', kind: 'redrive' },
    ],
  );
  const e = estimateCost(d);

  it('prices queue, DLQ and consumer to the cent from the derived traffic', () => {
    const messages = 10 * 3600 * HOURS;
    // SQS: a send per message, and a receive and a delete per batch of 10 taken by the consumer.
    const queueRequests = messages + messages / 10 + messages / 10;
    const queue = handCents(queueRequests / 1e6, priceOf('sqs.requests[standard]'));
    // 1% of the messages (the documented default redrive share) reach the DLQ; nothing consumes it.
    const dlq = handCents((messages * 0.01) / 1e6, priceOf('sqs.requests[standard]'));
    // One invocation per batch; 512 MB for 200 ms each on arm64.
    const invocations = messages / 10;
    const worker =
      handCents(invocations / 1e6, priceOf('lambda.requests')) +
      handCents(invocations * 0.2 * 0.5, priceOf('lambda.duration[arm64]'));

    expect(toCents(item(e, 'orders').monthly)).toBe(queue);
    expect(toCents(item(e, 'orders-dlq').monthly)).toBe(dlq);
    expect(toCents(item(e, 'worker').monthly)).toBe(worker);
    expect(
      toCents(item(e, 'orders').monthly) +
        toCents(item(e, 'orders-dlq').monthly) +
        toCents(item(e, 'worker').monthly),
    ).toBe(queue + dlq + worker);
  });

  it('says where every usage figure comes from', () => {
    for (const id of ['orders', 'orders-dlq', 'worker']) {
      for (const c of item(e, id).components) expect(c.usage?.source).toBe('traffic');
    }
    expect(e.assumptions.some((a) => a.includes('10 requests/s'))).toBe(true);
    expect(e.assumptions.some((a) => a.startsWith('Redrive edges: 1% of messages'))).toBe(true);
  });

  it('lists the client with no charge, and why', () => {
    const users = item(e, 'users');
    expect(users.monthly).toBe(0);
    expect(users.free).toMatch(/outside the cloud account/);
    expect(users.note).toBe(users.free);
  });
});

describe('usage nobody stated', () => {
  it('is priced at a documented default and shown as such, never as a silent $0', () => {
    const e = estimateCost(doc([node('fn', 'function')]));
    const fn = item(e, 'fn');
    expect(fn.monthly).toBeGreaterThan(0);
    expect(fn.dependsOnUsage).toBe(true);
    expect(fn.usesDefaultUsage).toBe(true);
    expect(fn.note).toMatch(/Depends on usage nobody stated: invocationsPerMonth/);
    const requests = fn.components.find((c) => c.priceKey === 'lambda.requests');
    expect(requests?.usage).toMatchObject({
      source: 'default',
      field: 'invocationsPerMonth',
      value: 1_000_000,
    });
    expect(e.assumptions).toContain(
      'Function: 1,000,000 invocations a month assumed (a light workload, about 0.4 invocations/s) (fn)',
    );
  });

  it('takes the document usage before the default, and node config before both', () => {
    const usage = { requestsPerMonth: 5_000_000 };
    const e = estimateCost(
      doc([node('a', 'function'), node('b', 'function', { invocationsPerMonth: 7 })], [], { usage }),
    );
    expect(item(e, 'a').components[0]?.usage).toMatchObject({ source: 'document', value: 5_000_000 });
    expect(item(e, 'b').components[0]?.usage).toMatchObject({ source: 'config', value: 7 });
  });
});

describe('instance classes missing from the price file', () => {
  it('are named in a note and listed, never priced silently at zero', () => {
    const e = estimateCost(doc([node('db', 'sql-database', { instanceClass: 'db.x9.huge' })]));
    const db = item(e, 'db');
    expect(db.note).toMatch(/Price unknown for db\.x9\.huge/);
    expect(db.components.find((c) => c.priceUnknown)?.monthly).toBe(0);
    expect(e.unknownPrices).toEqual([
      {
        nodeId: 'db',
        priceKey: 'rds.instance[postgres/db.x9.huge/single-az]',
        subject: 'db.x9.huge (postgres, Single-AZ)',
      },
    ]);
  });
});

describe('result shape', () => {
  it('has one item per node, groups included at zero with their reason', () => {
    const d = doc([node('r', 'region', { name: 'us-east-1' }), node('q', 'queue', undefined, 'r')]);
    const e = estimateCost(d);
    expect(e.items.map((i) => i.nodeId)).toEqual(['r', 'q']);
    expect(item(e, 'r').free).toMatch(/not a billed resource/);
    expect(e.currency).toBe('USD');
    expect(e.pricing).toMatchObject({ provider: 'aws', region: 'us-east-1', freeTier: false });
    expect(e.pricing.source).toMatch(/aws\.amazon\.com/);
    expect(e.pricing.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(e.assumptions[0]).toMatch(/^730 hours a month/);
  });

  it('names at most five subjects of an assumption and counts the rest', () => {
    const queues = Array.from({ length: 8 }, (_, i) => node(`q${i}`, 'queue'));
    const line = estimateCost(doc(queues)).assumptions.find((s) => s.startsWith('Queue: '));
    expect(line).toMatch(/\(q0, q1, q2, q3, q4 and 3 more\)$/);
  });

  it('says why a line that rounds to nothing shows $0.00 (a dead-letter queue at default usage)', () => {
    const dlq = estimateCost(doc([node('dlq', 'dead-letter-queue')])).items[0];
    expect(toCents(dlq?.monthly ?? -1)).toBe(0);
    expect(dlq?.components[0]?.quantity).toBeGreaterThan(0);
    expect(dlq?.note).toMatch(
      /^Rounds to \$0\.00 a month: "Requests \(standard\)" costs less than half a cent/,
    );
    expect(dlq?.note).toMatch(/requestsPerMonth assumed/);
    // With usage that costs something, there is nothing to explain.
    const busy = estimateCost(doc([node('dlq', 'dead-letter-queue', { requestsPerMonth: 5_000_000 })]))
      .items[0];
    expect(toCents(busy?.monthly ?? 0)).toBe(handCents(5, priceOf('sqs.requests[standard]')));
    expect(busy?.note).toBeUndefined();
  });
});
