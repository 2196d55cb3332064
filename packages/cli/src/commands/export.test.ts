import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_FORMATS } from '@stackdraft/exporters';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../test/memory-io';
import { outputPath, printable } from './export';

const ORDERS = readFileSync(new URL('../test/fixtures/orders.stackdraft.yaml', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'stackdraft-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stackdraft export (in memory, writing to a temporary directory)', () => {
  it('writes the files directly into --out, creating it, and lists them', async () => {
    const out = join(dir, 'mermaid', 'nested');
    const r = await run(['export', 'orders.stackdraft.yaml', '--format', 'mermaid', '--out', out], {
      'orders.stackdraft.yaml': ORDERS,
    });
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['order-processing.mmd']);
    expect(readFileSync(join(out, 'order-processing.mmd'), 'utf8')).toMatch(/^flowchart LR\n/);
    expect(r.stdout).toContain(`wrote ${join(out, 'order-processing.mmd')} (`);
    expect(r.stdout).toMatch(/✓ orders\.stackdraft\.yaml -> Mermaid flowchart: 1 file in /);
  });

  it('exits 2 listing the formats when the format is unknown, before reading anything', async () => {
    const r = await run(['export', 'missing.yaml', '--format', 'pdf', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `stackdraft export: unknown format "pdf"; choose one of: ${EXPORT_FORMATS.join(', ')}\n`,
    );
    expect(EXPORT_FORMATS).toEqual(
      expect.arrayContaining(['cdk', 'k8s', 'asl', 'mermaid', 'drawio', 'svg', 'json', 'yaml']),
    );
  });

  it('exits 2 with the file, path and line on a bad document, writing nothing', async () => {
    const out = join(dir, 'never');
    const r = await run(['export', 'bad.yaml', '--format', 'json', '--out', out], {
      'bad.yaml': 'stackdraft: 1\nname: Bad\nnodes:\n  - id: a\n    kind: queu\n    label: A\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yaml:5:11: nodes\[0\]\.kind: unknown node kind "queu"/m);
    expect(r.stderr).toContain('nothing exported');
    expect(() => readdirSync(out)).toThrow();
  });

  it('exits 2 when --out is a file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = await run(['export', 'o.yaml', '--format', 'json', '--out', file], { 'o.yaml': ORDERS });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('exists and is not a directory');
  });

  it('exits 1 when the exporter could not express part of the design, still writing the files', async () => {
    const doc = 'stackdraft: 1\nname: R\nnodes:\n  - { id: lonely, kind: read-replica, label: Lonely }\n';
    const out = join(dir, 'cdk');
    const r = await run(['export', 'r.yaml', '--format', 'cdk', '--out', out], { 'r.yaml': doc });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \[lonely\]: read replica lonely has no replication edge/m);
    expect(readdirSync(out)).toContain('package.json');
  });

  it('requires --format and --out', async () => {
    expect((await run(['export', 'o.yaml', '--out', dir])).stderr).toContain(
      "required option '--format <id>' not specified",
    );
    expect((await run(['export', 'o.yaml', '--format', 'svg'])).stderr).toContain(
      "required option '--out <dir>' not specified",
    );
  });
});

describe('output paths', () => {
  it.each(['../x', 'a/../../x', '/etc/passwd', 'a\\b', 'C:/x', '', 'a//b', './a', 'a/\0'])(
    'refuses %j',
    (p) => {
      expect(outputPath('/out', p)).toHaveProperty('error');
    },
  );

  it('keeps plain relative paths inside the directory', () => {
    expect(outputPath('/out', 'lib/app.ts')).toEqual({ path: '/out/lib/app.ts' });
    expect(outputPath('out', 'x..y')).toEqual({ path: join(process.cwd(), 'out', 'x..y') });
  });
});

describe('terminal output', () => {
  it('neutralises control characters from the design', () => {
    expect(printable('ok\u001b[31mred\r\n')).toBe('ok\uFFFD[31mred\uFFFD\n');
  });
});
