import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main';
import { readTextFile } from './node-io';
import { memoryIo } from './test/memory-io';

// The real file system, to check that its errors are the ones load.ts turns into messages.
const dir = mkdtempSync(join(tmpdir(), 'stackdraft-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function validateOnDisk(path: string) {
  const m = memoryIo();
  m.io.readFile = readTextFile;
  const code = await main(['validate', path], m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('validate on the real file system', () => {
  it('reads a UTF-8 file, ignoring a byte order mark', async () => {
    const path = join(dir, 'bom.stackdraft.json');
    writeFileSync(path, `\uFEFF${JSON.stringify({ stackdraft: 1, name: 'Bom' })}`);
    expect(await validateOnDisk(path)).toEqual({
      code: 0,
      stdout: `✓ ${path}: valid (0 nodes, 0 edges)\nno findings · review score 100/100\n`,
      stderr: '',
    });
  });

  it.each([
    { name: 'a missing file', setup: (p: string) => p, expected: 'no such file' },
    {
      name: 'a directory',
      setup: (p: string) => {
        mkdirSync(p);
        return p;
      },
      expected: 'is a directory',
    },
    {
      name: 'bytes that are not UTF-8',
      setup: (p: string) => {
        writeFileSync(p, Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81]));
        return p;
      },
      expected: 'is not UTF-8 text',
    },
  ])('exits 2 on $name', async ({ name, setup, expected }) => {
    const path = setup(join(dir, name.replaceAll(' ', '-')));
    const r = await validateOnDisk(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: ${expected}`);
  });
});
