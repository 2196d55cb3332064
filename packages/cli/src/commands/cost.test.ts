import { readFileSync } from 'node:fs';
import { estimateCost, parseDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { run } from '../test/memory-io';

const ORDERS = readFileSync(new URL('../test/fixtures/orders.stackdraft.yaml', import.meta.url), 'utf8');
const files = { 'orders.stackdraft.yaml': ORDERS };

describe('stackdraft cost', () => {
  it('prints a table per node with its components, the total as "$X / month" and the assumptions', async () => {
    const r = await run(['cost', 'orders.stackdraft.yaml'], files);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const parsed = parseDocument(ORDERS, { format: 'yaml' });
    const estimate = parsed.ok ? estimateCost(parsed.document) : undefined;
    const total = `$${(estimate?.monthlyTotal ?? 0).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(r.stdout).toContain(`Total: ${total} / month`);
    expect(r.stdout).toMatch(/^Orders DB \(orders-db\)\s+sql-database\s+\$[\d,]+\.\d\d$/m);
    expect(r.stdout).toMatch(
      /^ {4}Instance \(db\.t4g\.medium, Multi-AZ\): 730 hour × \$[\d.]+ per hour = \$[\d,]+\.\d\d$/m,
    );
    expect(r.stdout).toContain('Assumptions:\n  - 730 hours a month');
    for (const item of estimate?.items ?? []) expect(r.stdout).toContain(`(${item.nodeId})`);
  });

  it('prints the estimateCost result with --json', async () => {
    const r = await run(['cost', 'orders.stackdraft.yaml', '--json'], files);
    expect(r.code).toBe(0);
    const parsed = parseDocument(ORDERS, { format: 'yaml' });
    expect(JSON.parse(r.stdout)).toEqual(
      parsed.ok ? JSON.parse(JSON.stringify(estimateCost(parsed.document))) : null,
    );
  });

  it('exits 2 naming the file and line on bad input, in both forms', async () => {
    const bad = { 'bad.yaml': 'stackdraft: 1\nname: B\nnodes:\n  - id: a\n    kind: queu\n    label: A\n' };
    const human = await run(['cost', 'bad.yaml'], bad);
    expect(human.code).toBe(2);
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(/^bad\.yaml:5:11: nodes\[0\]\.kind: unknown node kind "queu"/m);
    const json = await run(['cost', 'bad.yaml', '--json'], bad);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      file: 'bad.yaml',
      errors: [expect.objectContaining({ code: 'unknown-kind', path: 'nodes[0].kind', line: 5, column: 11 })],
    });
    expect((await run(['cost', 'missing.yaml'])).stderr).toMatch(/^missing\.yaml: no such file/m);
  });

  it('keeps control characters in labels out of the terminal', async () => {
    const doc = 'stackdraft: 1\nname: "T"\nnodes:\n  - { id: q, kind: queue, label: "evil\\u001b[2J" }\n';
    const r = await run(['cost', 't.yaml'], { 't.yaml': doc });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('evil\uFFFD[2J (q)');
  });
});
