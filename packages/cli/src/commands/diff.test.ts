import { readFileSync } from 'node:fs';
import { type ArchitectureDocument, parseDocument, reviewDiff, summarizeDiff } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { run } from '../test/memory-io';

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8');
const OLD = fixture('orders.stackdraft.yaml');
// A bigger database, no DLQ, an audit bucket, a queue label with markdown in it, a moved region box.
const NEW = fixture('orders-v2.stackdraft.yaml');
const files = { 'old.yaml': OLD, 'new.yaml': NEW };

function parsed(text: string): ArchitectureDocument {
  const r = parseDocument(text, { format: 'yaml' });
  if (!r.ok) throw new Error('fixture does not parse');
  return r.document;
}
const money = (n: number) =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('stackdraft diff', () => {
  it('prints the summary, tables of changed nodes and edges, the cost and the findings', async () => {
    const r = await run(['diff', 'old.yaml', 'new.yaml'], files);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const review = reviewDiff(parsed(OLD), parsed(NEW), { ignorePositions: true });
    expect(r.stdout).toContain(`Diff of "Order processing": old.yaml → new.yaml\n${summarizeDiff(review)}\n`);
    expect(r.stdout).toMatch(/^added +audit-log +object-storage +"Audit log"$/m);
    expect(r.stdout).toMatch(/^removed +orders-dlq +dead-letter-queue +"Orders DLQ"$/m);
    expect(r.stdout).toMatch(
      /^changed +orders-db +sql-database +config\.instanceClass: db\.t4g\.medium → db\.r6g\.large$/m,
    );
    expect(r.stdout).toMatch(/^removed +orders-queue-orders-dlq +orders-queue → orders-dlq \(redrive\)$/m);
    expect(r.stdout).toContain(
      `Cost: ${money(review.cost.before)} → ${money(review.cost.after)} / month (+${money(review.cost.delta)})`,
    );
    expect(r.stdout).toContain('Findings: 1 new, 0 resolved\n  + warning queue-without-dlq (orders-queue): ');
    // The region box moved on the canvas: not reported unless asked for.
    expect(r.stdout).not.toContain('main-region');
    const moves = await run(['diff', 'old.yaml', 'new.yaml', '--positions'], files);
    expect(moves.stdout).toMatch(/^moved +main-region +region +position: \(unset\) → \{"x":40,"y":0\}$/m);
  });

  it('prints the review as JSON: the DESIGN.md shape plus cost and findings', async () => {
    const r = await run(['diff', 'old.yaml', 'new.yaml', '--json'], files);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toEqual(
      JSON.parse(JSON.stringify(reviewDiff(parsed(OLD), parsed(NEW), { ignorePositions: true }))),
    );
    expect(Object.keys(json.nodes)).toEqual(['added', 'removed', 'changed']);
    expect(json.nodes.changed).toContainEqual({
      id: 'orders-db',
      changes: [{ path: 'config.instanceClass', before: 'db.t4g.medium', after: 'db.r6g.large' }],
    });
    expect(json.edges.added).toEqual(['order-worker-audit-log']);
    expect(Object.keys(json.cost)).toEqual(expect.arrayContaining(['before', 'after', 'delta']));
    expect(json.findings.added.map((f: { rule: string }) => f.rule)).toEqual(['queue-without-dlq']);
  });

  it('prints Markdown for a pull-request comment, with user text escaped', async () => {
    const r = await run(['diff', 'old.yaml', 'new.yaml', '--markdown'], files);
    expect(r.code).toBe(0);
    const review = reviewDiff(parsed(OLD), parsed(NEW), { ignorePositions: true });
    expect(r.stdout).toMatch(/^## Design change: Order processing$/m);
    expect(r.stdout).toContain(
      `**Cost:** ${money(review.cost.before)} → ${money(review.cost.after)} / month (**+${money(review.cost.delta)}**`,
    );
    expect(r.stdout).toContain(
      '| Changed | `orders-db` Orders DB | sql-database | `config.instanceClass`: db.t4g.medium → db.r6g.large |',
    );
    // A label with markdown in it cannot break the table or turn into emphasis.
    expect(r.stdout).toContain('| Changed | `orders-queue` Orders \\*v2\\* \\| main | queue |');
    expect(r.stdout).toContain(
      '#### New findings (1)\n\n- **Warning** `queue-without-dlq` (`orders-queue`): ',
    );
    expect(r.stdout).toContain(
      '| Removed | `orders-queue-orders-dlq` | `orders-queue` → `orders-dlq` (redrive) | – |',
    );
  });

  it('says "No changes" for identical designs and exits 0', async () => {
    const r = await run(['diff', 'old.yaml', 'old.yaml'], files);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('No changes');
    expect(r.stdout).toContain('Findings: 0 new, 0 resolved');
  });

  it('exits 2 naming the file, path and line of bad input, in every mode', async () => {
    const bad = {
      ...files,
      'bad.yaml': 'stackdraft: 1\nname: B\nnodes:\n  - id: a\n    kind: queu\n    label: A\n',
    };
    for (const mode of [[], ['--markdown']]) {
      const r = await run(['diff', 'old.yaml', 'bad.yaml', ...mode], bad);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^bad\.yaml:5:11: nodes\[0\]\.kind: unknown node kind "queu"/m);
      expect(r.stderr).toContain('✗ bad.yaml: invalid (1 error); no diff');
    }
    const json = await run(['diff', 'missing.yaml', 'bad.yaml', '--json'], bad);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      errors: [
        expect.objectContaining({ file: 'missing.yaml', code: 'file-not-found', line: null }),
        expect.objectContaining({
          file: 'bad.yaml',
          code: 'unknown-kind',
          path: 'nodes[0].kind',
          line: 5,
          column: 11,
        }),
      ],
    });
    const invalidYaml = await run(['diff', 'old.yaml', 'x.yaml'], {
      ...files,
      'x.yaml': 'name: [unclosed\n',
    });
    expect(invalidYaml.code).toBe(2);
    expect(invalidYaml.stderr).toMatch(/^x\.yaml:\d+:\d+: /m);
  });

  it('refuses --json with --markdown, and a missing argument (exit 2)', async () => {
    const both = await run(['diff', 'old.yaml', 'new.yaml', '--json', '--markdown'], files);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("option '--json' cannot be used with option '--markdown'");
    const one = await run(['diff', 'old.yaml'], files);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("missing required argument 'new'");
  });

  it('keeps control characters in labels out of the terminal', async () => {
    const a = 'stackdraft: 1\nname: "T"\nnodes:\n  - { id: q, kind: queue, label: "Q" }\n';
    const b = 'stackdraft: 1\nname: "T"\nnodes:\n  - { id: q, kind: queue, label: "evil\\u001b[2J" }\n';
    const r = await run(['diff', 'a.yaml', 'b.yaml'], { 'a.yaml': a, 'b.yaml': b });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('label: Q → evil\uFFFD[2J');
  });
});
