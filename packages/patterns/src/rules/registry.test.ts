import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRules, findRule, getRule, RULE_IDS, RULES } from './registry';
import { PILLARS } from './types';

/** The rule ids DESIGN.md fixes as a contract. */
const CONTRACT_IDS = [
  'queue-without-dlq',
  'dlq-without-source',
  'shared-database',
  'sync-chain',
  'sync-without-resilience',
  'single-az-database',
  'write-to-replica',
  'replica-without-primary',
  'public-database',
  'gateway-without-auth',
  'gateway-without-rate-limit',
  'secrets-not-managed',
  'no-default-deny',
  'multi-region-data',
  'canary-weights',
  'invalid-connection',
  'orphan-node',
  'over-budget',
  'over-engineered',
];

const files = new Set(readdirSync(new URL('.', import.meta.url)));

describe('rule registry', () => {
  it('has every contract rule id, listed alphabetically and once', () => {
    for (const id of CONTRACT_IDS) expect(RULE_IDS).toContain(id);
    expect([...RULE_IDS].sort()).toEqual(RULE_IDS);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it.each(RULES.map((r) => [r.id, r] as const))(
    '%s is one module with metadata worth reading, and a test',
    (id, rule) => {
      expect(files.has(`${id}.ts`)).toBe(true);
      expect(files.has(`${id}.test.ts`)).toBe(true);
      expect(PILLARS.map((p) => p.id)).toContain(rule.pillar);
      for (const p of rule.alsoAffects ?? []) expect(PILLARS.map((x) => x.id)).toContain(p);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.pattern.length).toBeGreaterThan(5);
      // A few sentences: what goes wrong and what fixes it.
      expect(rule.explanation.length).toBeGreaterThan(250);
      expect(rule.explanation.split('. ').length).toBeGreaterThanOrEqual(3);
      expect(rule.explanation).not.toMatch(/\s{2}|\n/);
    },
  );

  it('gives every fix a distinct id', () => {
    const ids = RULES.flatMap((r) => (r.fix ? [r.fix.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(14);
  });

  it('finds rules by id', () => {
    expect(getRule('sync-chain').id).toBe('sync-chain');
    expect(findRule('nope')).toBeUndefined();
    expect(() => getRule('nope')).toThrow('Unknown design rule "nope"');
  });

  it('describes every rule as plain JSON, with its severity per environment', () => {
    const info = describeRules();
    expect(JSON.parse(JSON.stringify(info))).toEqual(info);
    expect(info.map((r) => r.id)).toEqual(RULE_IDS);
    expect(info.find((r) => r.id === 'single-az-database')?.severity).toEqual({
      production: 'warning',
      staging: 'info',
      development: 'info',
    });
    expect(info.find((r) => r.id === 'queue-without-dlq')?.fix).toEqual({
      id: 'add-dlq',
      label: 'Add a dead-letter queue',
    });
  });
});
