import { describe, expect, it } from 'vitest';
import type { ArchitectureDocument } from '../document/schema';
import { estimateCost } from './estimate';
import { doc, HOURS, handCents, node, priceOf, toCents } from './test-support';

/** Changing one config value moves the estimate in the right direction, by exactly the right amount. */

const total = (d: ArchitectureDocument) => toCents(estimateCost(d).monthlyTotal);

describe('changing a config value', () => {
  const db = (config: Record<string, unknown>) =>
    doc([node('db', 'sql-database', { engine: 'postgres', storageGb: 100, storageType: 'gp3', ...config })]);

  it('instance class: db.t3.medium to db.r6g.large adds the hourly difference x 730', () => {
    const before = total(db({ instanceClass: 'db.t3.medium', multiAz: true }));
    const after = total(db({ instanceClass: 'db.r6g.large', multiAz: true }));
    const delta =
      handCents(HOURS, priceOf('rds.instance[postgres/db.r6g.large/multi-az]')) -
      handCents(HOURS, priceOf('rds.instance[postgres/db.t3.medium/multi-az]'));
    expect(delta).toBeGreaterThan(0);
    expect(after - before).toBe(delta);
  });

  it('Multi-AZ: turning it off saves the standby instance and the second copy of storage', () => {
    const multi = total(db({ instanceClass: 'db.t3.medium', multiAz: true }));
    const single = total(db({ instanceClass: 'db.t3.medium', multiAz: false }));
    const saved =
      handCents(HOURS, priceOf('rds.instance[postgres/db.t3.medium/multi-az]')) -
      handCents(HOURS, priceOf('rds.instance[postgres/db.t3.medium/single-az]')) +
      handCents(100, priceOf('rds.storage[gp3/multi-az]')) -
      handCents(100, priceOf('rds.storage[gp3/single-az]'));
    expect(saved).toBeGreaterThan(0);
    expect(multi - single).toBe(saved);
  });

  it('task count: one more Fargate task adds its vCPU and memory hours', () => {
    const svc = (tasks: number) =>
      doc([node('app', 'container-service', { platform: 'fargate', tasks, cpu: 1, memoryGb: 2 })]);
    const cost = (tasks: number) =>
      handCents(tasks * HOURS, priceOf('fargate.vcpu[x86_64]')) +
      handCents(tasks * 2 * HOURS, priceOf('fargate.memory[x86_64]'));
    expect(total(svc(4)) - total(svc(3))).toBe(cost(4) - cost(3));
    expect(total(svc(4))).toBeGreaterThan(total(svc(3)));
    expect(total(svc(0))).toBe(0);
  });

  it('requests: doubling the client rate doubles the usage-driven lines downstream', () => {
    const api = (rps: number) =>
      doc(
        [node('users', 'client', { requestsPerSecond: rps }), node('api', 'api-gateway', { type: 'rest' })],
        [{ source: 'users', target: 'api', kind: 'sync' }],
        { usage: { payloadKb: 128 } },
      );
    const perMillion = priceOf('apigateway.requests[rest]');
    const egress = priceOf('data-transfer.internet-out');
    const at = (rps: number) => {
      const requests = rps * 3600 * HOURS;
      // Requests, plus 128 KB responses (the document's usage.payloadKb) sent to the internet.
      return handCents(requests / 1e6, perMillion) + handCents((requests * 128) / (1024 * 1024), egress);
    };
    expect(total(api(100))).toBe(at(100));
    expect(total(api(200))).toBe(at(200));
    expect(total(api(200))).toBeGreaterThan(total(api(100)));
  });

  it('stated requests on a queue replace the derived ones', () => {
    const q = (config?: Record<string, unknown>) => doc([node('q', 'queue', config)]);
    expect(total(q({ requestsPerMonth: 10_000_000 }))).toBe(handCents(10, priceOf('sqs.requests[standard]')));
    expect(total(q({ requestsPerMonth: 10_000_000, fifo: true }))).toBe(
      handCents(10, priceOf('sqs.requests[fifo]')),
    );
  });

  it('architecture: arm64 Fargate costs less than x86_64 for the same tasks', () => {
    const svc = (architecture: string) => doc([node('app', 'container-service', { tasks: 2, architecture })]);
    expect(total(svc('arm64'))).toBeLessThan(total(svc('x86_64')));
  });
});
