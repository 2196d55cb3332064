import { describe, expect, it } from 'vitest';
import { estimateCost } from '../cost/index';
import { validate } from '../index';
import { chainedOrderFlow, ecommerce, monolithicDatabase, overEngineered } from './seed-designs';

const rulesOf = (doc: Parameters<typeof validate>[0]) => validate(doc).findings.map((f) => f.rule);

describe("the seed's common pitfalls are caught", () => {
  it('the e-commerce services as the template draws them (database per service) are clean', () => {
    expect(rulesOf(ecommerce())).not.toContain('shared-database');
    expect(rulesOf(ecommerce())).not.toContain('sync-chain');
  });

  it('1. a monolithic database shared by the e-commerce services -> shared-database', () => {
    const found = validate(monolithicDatabase()).findings.filter((f) => f.rule === 'shared-database');
    expect(found).toHaveLength(1);
    expect(found[0]?.nodeIds).toEqual([
      'ecommerce-db',
      'product-service',
      'order-service',
      'payment-service',
      'shipping-service',
    ]);
  });

  it('2. the order flow calling products, inventory and payments over HTTP -> sync-chain', () => {
    const found = validate(chainedOrderFlow()).findings.filter((f) => f.rule === 'sync-chain');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      nodeIds: ['order-service', 'product-service', 'inventory-service', 'payment-service'],
      edgeIds: ['e-order-product-service', 'e-order-inventory-service', 'e-order-payment-service'],
    });
  });

  it('3. a ~$10,000 a month design for a $500 need -> over-engineered and over-budget', () => {
    const doc = overEngineered();
    const cost = estimateCost(doc).monthlyTotal;
    expect(cost).toBeGreaterThan(8000);
    expect(cost).toBeLessThan(12000);
    const found = validate(doc).findings;
    const oe = found.find((f) => f.rule === 'over-engineered');
    expect(oe?.message).toContain('runs services in 2 regions with cross-region replication');
    expect(oe?.message).toContain('12 always-on services');
    expect(found.find((f) => f.rule === 'over-budget')?.message).toContain('over the budget of $500.00');
  });
});
