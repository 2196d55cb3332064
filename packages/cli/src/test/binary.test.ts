import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORT_FORMATS } from '@stackdraft/exporters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The built `stackdraft` binary, as users and CI run it: every command on real files, good and
 * bad. Built once (npm run build -w @stackdraft/cli) before the tests.
 */

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const repoDir = fileURLToPath(new URL('../../../..', import.meta.url));
const bin = join(packageDir, 'bin', 'stackdraft.mjs');
const fixture = fileURLToPath(new URL('./fixtures/orders.stackdraft.yaml', import.meta.url));
// Touches every format: a Kubernetes cluster with a canary, a state machine, a queue with its DLQ.
const platform = fileURLToPath(new URL('./fixtures/platform.stackdraft.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'stackdraft-bin-'));
const broken = join(dir, 'broken.stackdraft.yaml');
const invalidYaml = join(dir, 'invalid.stackdraft.yaml');
const STACK = /^\s+at /m;

function stackdraft(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, STACKDRAFT_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const build = spawnSync('npm', ['run', 'build', '-w', '@stackdraft/cli'], {
    cwd: repoDir,
    encoding: 'utf8',
  });
  if (build.status !== 0)
    throw new Error(`npm run build -w @stackdraft/cli failed:\n${build.stdout}\n${build.stderr}`);
  writeFileSync(broken, 'stackdraft: 1\nname: Broken\nnodes:\n  - { id: q, kind: queu, label: Q }\n');
  writeFileSync(invalidYaml, 'stackdraft: 1\nname: [unclosed\n');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built stackdraft binary', () => {
  it('lists its commands', () => {
    const r = stackdraft('--help');
    expect(r.code).toBe(0);
    for (const c of ['validate', 'cost', 'export', 'diff'])
      expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it('diffs two versions: a table, --json and --markdown (exit 0); a bad file exits 2', () => {
    const next = fileURLToPath(new URL('./fixtures/orders-v2.stackdraft.yaml', import.meta.url));
    const human = stackdraft('diff', fixture, next);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^changed +orders-db +sql-database +config\.instanceClass: /m);
    expect(human.stdout).toMatch(/^Cost: \$[\d,]+\.\d\d → \$[\d,]+\.\d\d \/ month \(\+\$[\d,]+\.\d\d\)$/m);
    const json = stackdraft('diff', fixture, next, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).nodes.added).toEqual(['audit-log']);
    const md = stackdraft('diff', fixture, next, '--markdown');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^## Design change: Order processing$/m);
    const bad = stackdraft('diff', fixture, broken);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${broken}:4:`);
    expect(bad.stderr).not.toMatch(STACK);
  });

  it('validates a good file (exit 0) and a bad one (exit 2, file:line, no stack trace)', () => {
    expect(stackdraft('validate', fixture).code).toBe(0);
    const bad = stackdraft('validate', broken);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${broken}:4:`);
    expect(bad.stderr).not.toMatch(STACK);
  });

  it('costs a design: a table and the total per month, or JSON', () => {
    const r = stackdraft('cost', fixture);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Total: \$[\d,]+\.\d\d \/ month$/m);
    expect(r.stdout).toMatch(/^Orders DB \(orders-db\) +sql-database +\$/m);
    const json = stackdraft('cost', fixture, '--json');
    expect(json.code).toBe(0);
    const estimate = JSON.parse(json.stdout) as {
      currency: string;
      monthlyTotal: number;
      items: { nodeId: string }[];
    };
    expect(estimate.currency).toBe('USD');
    expect(estimate.items.map((i) => i.nodeId)).toContain('orders-db');
    expect(r.stdout).toContain(
      `$${estimate.monthlyTotal.toLocaleString('en-US', { minimumFractionDigits: 2 })} / month`,
    );
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.stackdraft.yaml'), /missing\.stackdraft\.yaml: no such file/],
    [
      'a schema error',
      () => broken,
      /broken\.stackdraft\.yaml:4:\d+: nodes\[0\]\.kind: unknown node kind "queu"/,
    ],
    ['invalid YAML', () => invalidYaml, /invalid\.stackdraft\.yaml:\d+:\d+: invalid YAML/],
  ])('refuses to cost %s (exit 2, no stack trace)', (_name, file, message) => {
    const r = stackdraft('cost', file());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK);
  });

  it.each(EXPORT_FORMATS.map((f) => [f]))('exports the design as %s into --out', (format) => {
    const out = join(dir, `out-${format}`);
    const r = stackdraft('export', platform, '--format', format, '--out', out);
    expect(r.stderr).not.toMatch(STACK);
    // Exit 1 means written, with parts the exporter could not express: acceptable for formats
    // other than these, whose exporters express every node of this fixture.
    const complete = ['cdk', 'k8s', 'asl', 'mermaid', 'drawio', 'svg', 'json', 'yaml'];
    expect(complete.includes(format) ? [0] : [0, 1]).toContain(r.code);
    const written = [...r.stdout.matchAll(/^wrote (.+) \([\d,]+ bytes\)$/gm)].map((m) => m[1] as string);
    expect(written.length).toBeGreaterThan(0);
    for (const path of written) {
      expect(path.startsWith(`${out}/`)).toBe(true);
      expect(existsSync(path)).toBe(true);
    }
    expect(readdirSync(out).length).toBeGreaterThan(0);
    if (r.code === 0) expect(r.stdout).toMatch(/^✓ /m);
    else expect(r.stderr).toMatch(/^error /m);
  });

  it('writes the CDK app directly in --out (the app root is the directory)', () => {
    const out = join(dir, 'cdk-app');
    expect(stackdraft('export', fixture, '--format', 'cdk', '--out', out).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')).dependencies['aws-cdk-lib']).toBe(
      '2.276.0',
    );
    expect(existsSync(join(out, 'lib', 'us-east-1-stack.ts'))).toBe(true);
  });

  it('refuses an unknown format (exit 2, listing the formats) and bad files (exit 2, file:line)', () => {
    const unknown = stackdraft('export', fixture, '--format', 'visio', '--out', join(dir, 'x'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`choose one of: ${EXPORT_FORMATS.join(', ')}`);
    const bad = stackdraft('export', broken, '--format', 'yaml', '--out', join(dir, 'never'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken\.stackdraft\.yaml:4:\d+: /);
    expect(bad.stderr).not.toMatch(STACK);
    expect(existsSync(join(dir, 'never'))).toBe(false);
    const missing = stackdraft('export', fixture, '--format', 'yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--out <dir>'");
  });

  it('imports Terraform: a directory to --out (WASM parser found from the bundle), a malformed file exits 2 with file:line', () => {
    const tf = fileURLToPath(new URL('../../../exporters/test-fixtures/terraform-import/', import.meta.url));
    const out = join(dir, 'imported.stackdraft.yaml');
    const r = stackdraft('import', join(tf, 'three-tier'), '--from', 'terraform', '--out', out);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Imported .*three-tier: 8 nodes and 4 edges from 21 resources in 4 files\.$/m);
    expect(r.stderr).toContain('aws_cloudwatch_log_group.app: no catalog kind for aws_cloudwatch_log_group');
    // The written design loads: validate may report findings (exit 1) but not bad input (exit 2).
    expect([0, 1]).toContain(stackdraft('validate', out).code);
    const exported = join(dir, 'out-terraform-roundtrip');
    expect(stackdraft('export', fixture, '--format', 'terraform', '--out', exported).code).toBe(0);
    const back = stackdraft('import', exported, '--from', 'terraform');
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/^stackdraft: 1$/m);
    const bad = stackdraft('import', join(tf, 'malformed', 'main.tf'), '--from', 'terraform');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('main.tf:7:32: Invalid expression');
    expect(bad.stderr).not.toMatch(STACK);
    const from = stackdraft('import', join(tf, 'three-tier'), '--from', 'pulumi');
    expect(from.code).toBe(2);
    expect(from.stderr).toContain('--from must be one of: terraform');
  });
});
