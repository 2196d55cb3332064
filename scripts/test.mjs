#!/usr/bin/env node
// `npm test`: every workspace's tests through turbo (each writes a JSON report under .reports/),
// then one summary line, `N passed, N failed, N skipped`, summed from those reports.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;
const reportDirs = workspaces.map((w) => join(root, w, '.reports'));
for (const dir of reportDirs) rmSync(dir, { recursive: true, force: true });

const env = { TURBO_TELEMETRY_DISABLED: '1', ...process.env };
// Lint (formatting, import boundaries) and types are part of "every test": main stays green on them.
// One workspace at a time: each suite already uses both cores (CDK synth, terraform, Chromium), and
// running them side by side on a 2-core machine only turns slow tests into timeouts.
const lint = spawnSync('npx', ['biome', 'ci', '.'], { cwd: root, stdio: 'inherit', env });
const run = spawnSync(
  'npx',
  ['turbo', 'run', 'typecheck', 'test', '--continue', '--concurrency=1', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env,
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of reportDirs) {
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (typeof report.numPassedTests === 'number') {
      // Vitest
      passed += report.numPassedTests;
      failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    } else if (report.stats && typeof report.stats.expected === 'number') {
      // Playwright
      passed += report.stats.expected + (report.stats.flaky ?? 0);
      failed += report.stats.unexpected;
      skipped += report.stats.skipped ?? 0;
    }
  }
}

const status = (run.status ?? 1) || (lint.status ?? 1);
if (lint.status !== 0)
  process.stdout.write('\nLint failed: run `npm run format` for formatting, and read the messages above.\n');
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
