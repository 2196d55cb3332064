import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AwsNames,
  defaultPrefix,
  freeText,
  NAME_RULES,
  type NameFamily,
  PREFIX_MAX,
  PREFIX_PATTERN,
  shortHash,
  tagText,
} from './aws-names';
import type { Raw } from './hcl';

const ids = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,99}$/);

/** The name with the longest prefix the variable allows, as AWS will see it. */
function fullName(t: Raw): string {
  return JSON.parse(t.text.replace(`\${var.name_prefix}`, 'p'.repeat(PREFIX_MAX))) as string;
}

describe('AWS names', () => {
  it("fit every family's characters and length, whatever the node id", () => {
    fc.assert(
      fc.property(fc.uniqueArray(ids, { minLength: 1, maxLength: 20 }), (list) => {
        const names = new AwsNames();
        const bad: string[] = [];
        for (const family of Object.keys(NAME_RULES) as NameFamily[]) {
          const rule = NAME_RULES[family];
          const valid = new RegExp(`^(?:${rule.allowed.source})+$`);
          const seen = new Set<string>();
          for (const id of list) {
            const name = fullName(names.name(family, id));
            if (name.length > rule.max || !valid.test(name) || /--|-$/.test(name) || seen.has(name)) {
              bad.push(`${family}: ${name}`);
            }
            seen.add(name);
          }
        }
        expect(bad).toEqual([]);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('are stable per key and distinct when ids collide after sanitizing', () => {
    const names = new AwsNames();
    const a = names.suffix('rds', 'Orders_DB');
    expect(names.suffix('rds', 'Orders_DB')).toBe(a);
    const b = names.suffix('rds', 'orders-db');
    expect(a).toBe('orders-db');
    expect(b).not.toBe(a);
    expect(b).toMatch(/^orders-db-[a-z0-9]{5}$/);
    const long = 'x'.repeat(90);
    expect(names.suffix('opensearch', long).length).toBeLessThanOrEqual(
      NAME_RULES.opensearch.max - PREFIX_MAX - 1,
    );
  });

  it('derive a valid default prefix from any design name', () => {
    expect(defaultPrefix('Orders platform')).toBe('orders-platform');
    expect(defaultPrefix('3-tier app')).toBe('sd-3-tier-app');
    expect(defaultPrefix('  !!  ')).toBe('stackdraft');
    const pattern = new RegExp(PREFIX_PATTERN);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const p = defaultPrefix(s);
        expect(p).toMatch(pattern);
        expect(p).not.toContain('--');
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('hash short and stable', () => {
    expect(shortHash('orders')).toBe(shortHash('orders'));
    expect(shortHash('orders')).not.toBe(shortHash('orders2'));
    expect(shortHash('x')).toMatch(/^[0-9a-z]{5}$/);
  });
});

describe('user text for AWS arguments', () => {
  it('fits a byte budget, on one line, without breaking characters', () => {
    expect(freeText('line\nbreak\tand\u0000nul', 100)).toBe('line break and nul');
    expect(freeText('😀😀😀', 9)).toBe('😀😀');
    expect(freeText('a\ud800', 10)).toBe('a\ufffd');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.integer({ min: 1, max: 60 }), (s, max) => {
        const t = freeText(s, max);
        expect(new TextEncoder().encode(t).length).toBeLessThanOrEqual(max);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may remain
        expect(t).not.toMatch(/[\u0000-\u001f\u007f]/);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('keeps only the characters every service accepts in tags', () => {
    expect(tagText('Main DB (RDS PostgreSQL)')).toBe('Main DB RDS PostgreSQL');
    expect(tagText('Café: 50% off!')).toBe('Café: 50 off');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const t = tagText(s);
        expect([...t].length).toBeLessThanOrEqual(256);
        expect(t).toMatch(/^[\p{L}\p{N}\p{Zs}_.:/=+\-@]*$/u);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
