import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '@stackdraft/patterns';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import { readTextFile } from '../node-io';
import { run } from '../test/memory-io';

const FIXTURES = fileURLToPath(
  new URL('../../../exporters/test-fixtures/terraform-import/', import.meta.url),
);
const PIPELINE = readFileSync(join(FIXTURES, 'queue-pipeline.tf'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'stackdraft-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI on the real file system (directories are listed), with output captured. */
async function runOnDisk(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    readFile: readTextFile,
    env: {},
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('stackdraft import', () => {
  it('prints the design as YAML on stdout and the report on stderr (exit 0)', async () => {
    const r = await run(['import', 'pipeline.tf', '--from', 'terraform'], { 'pipeline.tf': PIPELINE });
    expect(r.code).toBe(0);
    const parsed = parseDocument(r.stdout, { format: 'yaml' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document.name).toBe('Imported from pipeline');
    expect(parsed.document.nodes.map((n) => n.kind).sort()).toEqual([
      'dead-letter-queue',
      'function',
      'function',
      'monitoring',
      'queue',
      'topic',
    ]);
    expect(r.stderr).toContain('Imported pipeline.tf: 6 nodes and 6 edges from 14 resources in 1 file.');
    expect(r.stderr).toContain('Not mapped (1):\n  aws_iam_user.ci: no catalog kind for aws_iam_user');
    expect(r.stderr).toMatch(/^ {2}worker: aws_iam_role\.worker, /m);
  });

  it('reads every .tf file of a directory and writes --out', async () => {
    const out = join(dir, 'three-tier.stackdraft.yaml');
    const r = await runOnDisk(['import', join(FIXTURES, 'three-tier'), '--from', 'terraform', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('8 nodes and 4 edges from 21 resources in 4 files');
    expect(r.stderr).toContain(`✓ wrote ${out}`);
    const written = parseDocument(readFileSync(out, 'utf8'), { format: 'yaml' });
    expect(written.ok && written.document.nodes.find((n) => n.id === 'primary')?.config).toMatchObject({
      multiAz: true,
      instanceClass: 'db.r6g.large',
    });
  });

  it('exits 2 with file:line:column on malformed HCL', async () => {
    const r = await runOnDisk(['import', join(FIXTURES, 'malformed'), '--from', 'terraform']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(FIXTURES, 'malformed', 'main.tf')}:7:32: Invalid expression`);
    expect(r.stderr).toContain('nothing imported');
  });

  it('exits 2 on an unknown --from, before reading anything', async () => {
    const r = await run(['import', 'missing.tf', '--from', 'cloudformation']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'stackdraft import: cannot import from "cloudformation"; --from must be one of: terraform\n',
    );
  });

  it('exits 2 on a missing path, a directory without .tf files, or no --from', async () => {
    const missing = await run(['import', 'nope.tf', '--from', 'terraform']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.tf: no such file or directory');
    const empty = await runOnDisk(['import', dir, '--from', 'terraform']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`${dir}: no .tf files in this directory`);
    const noFrom = await run(['import', 'x.tf']);
    expect(noFrom.code).toBe(2);
    expect(noFrom.stderr).toContain("required option '--from <source>'");
  });
});
