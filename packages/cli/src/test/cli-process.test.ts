import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** node_modules/.bin/tsx of this package or, with hoisting, of the nearest workspace above it. */
function findTsx(from: string): string {
  for (let d = from; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', '.bin', 'tsx');
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) throw new Error(`node_modules/.bin/tsx not found above ${from}`);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'stackdraft-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One end-to-end run of the real program: process arguments, real streams, real exit codes.
it('runs as a process: exit 0 on a valid file, exit 2 with a message on a broken one', () => {
  const tsx = findTsx(packageDir);
  const cli = (...args: string[]) =>
    spawnSync(tsx, ['src/bin.ts', ...args], {
      cwd: packageDir,
      encoding: 'utf8',
      env: { ...process.env, STACKDRAFT_DEBUG: '' },
    });

  const valid = join(dir, 'ok.stackdraft.yaml');
  writeFileSync(
    valid,
    'stackdraft: 1\nname: OK\nnodes:\n  - { id: fn, kind: function, label: Fn }\n  - { id: t, kind: nosql-table, label: T }\nedges:\n  - { source: fn, target: t }\n',
  );
  const ok = cli('validate', valid);
  expect(ok.stderr).toBe('');
  expect(ok.stdout).toBe(`✓ ${valid}: valid (2 nodes, 1 edge)\nno findings · review score 100/100\n`);
  expect(ok.status).toBe(0);

  const broken = join(dir, 'broken.stackdraft.yaml');
  writeFileSync(broken, 'stackdraft: 1\nname: Broken\nnodes:\n  - { id: q, kind: queu, label: Q }\n');
  const bad = cli('validate', broken);
  expect(bad.status).toBe(2);
  expect(bad.stdout).toBe('');
  expect(bad.stderr).toContain(`${broken}:4:`);
  expect(bad.stderr).toContain('unknown node kind "queu"');
  expect(bad.stderr).not.toMatch(/^\s+at /m);

  const usage = cli('frobnicate');
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain("unknown command 'frobnicate'");
}, 60_000);
