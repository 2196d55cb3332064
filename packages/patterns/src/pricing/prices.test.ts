import { describe, expect, it } from 'vitest';
import priceFile from './aws-us-east-1.json' with { type: 'json' };
import { AWS_PRICES, PRICED_REGIONS, REGION_TABLE, regionFactor } from './prices';

describe('the AWS price file', () => {
  it('gives every price a value, a unit, its pricing page and an as-of date', () => {
    expect(AWS_PRICES.keys.length).toBeGreaterThan(200);
    for (const key of AWS_PRICES.keys) {
      const p = AWS_PRICES.get(key);
      expect(p, key).toBeDefined();
      expect(p?.value, key).toBeGreaterThanOrEqual(0);
      expect(p?.unit.length, key).toBeGreaterThan(0);
      expect(p?.source, key).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9-]+(\/[a-z0-9-]+)*\/(#\w+)?$/);
      expect(p?.asOf, key).toMatch(/^20\d\d-\d\d-\d\d$/);
      if (!p?.confirmed) expect(p?.note, `${key} is unconfirmed: say so`).toMatch(/not re-checked/i);
    }
  });

  it('has the November 2024 DynamoDB on-demand prices (50% lower) and replicated writes priced as writes', () => {
    expect(AWS_PRICES.get('dynamodb.writes[standard]')?.value).toBe(0.625);
    expect(AWS_PRICES.get('dynamodb.reads[standard]')?.value).toBe(0.125);
    expect(AWS_PRICES.get('dynamodb.replicated-writes[standard]')?.value).toBe(
      AWS_PRICES.get('dynamodb.writes[standard]')?.value,
    );
  });

  it('lists Multi-AZ RDS instances at twice their Single-AZ price', () => {
    const multi = AWS_PRICES.keys.filter((k) => k.startsWith('rds.instance[') && k.endsWith('/multi-az]'));
    expect(multi.length).toBeGreaterThan(20);
    for (const k of multi) {
      const single = AWS_PRICES.get(k.replace('/multi-az]', '/single-az]'));
      expect(single, k).toBeDefined();
      expect(Math.round((AWS_PRICES.get(k)?.value ?? 0) * 1e6)).toBe(Math.round((single?.value ?? 0) * 2e6));
    }
  });

  it('states its free tier allowances against prices it has', () => {
    for (const a of AWS_PRICES.freeTier) {
      for (const k of a.priceKeys) expect(AWS_PRICES.get(k), `${a.id}: ${k}`).toBeDefined();
    }
  });

  it('is the JSON file, not a copy in code', () => {
    expect(AWS_PRICES.asOf).toBe(priceFile.asOf);
    expect(AWS_PRICES.hoursPerMonth).toBe(730);
    expect(AWS_PRICES.keys.length).toBe(Object.keys(priceFile.prices).length);
  });
});

describe('regional multipliers', () => {
  it('are 1 for the base region and documented for the others', () => {
    expect(regionFactor(REGION_TABLE.baseRegion)).toMatchObject({ factor: 1, known: true });
    expect(REGION_TABLE.basis).toMatch(/m6i\.large/);
    for (const r of PRICED_REGIONS) {
      const f = regionFactor(r);
      expect(f.known).toBe(true);
      expect(f.factor).toBeGreaterThanOrEqual(1);
      expect(f.factor).toBeLessThan(2);
    }
  });

  it('fall back to 1 for an unknown region, flagged unknown', () => {
    expect(regionFactor('xx-nowhere-9')).toEqual({ region: 'xx-nowhere-9', factor: 1, known: false });
  });
});
