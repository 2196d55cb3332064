import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = new URL('../../../../scripts/new-kind.mjs', import.meta.url).pathname;
const registry = new URL('../catalog/registry.ts', import.meta.url).pathname;
let root = '';

afterEach(() => rmSync(root, { recursive: true, force: true }));

function scaffold(...args: string[]) {
  root = mkdtempSync(join(tmpdir(), 'new-kind-'));
  cpSync(registry, join(root, 'src/catalog/registry.ts'), { recursive: true });
  cpSync(new URL('../kinds/', import.meta.url).pathname, join(root, 'src/kinds'), { recursive: true });
  return spawnSync(process.execPath, [script, ...args, '--root', root], { encoding: 'utf8' });
}

describe('npm run new:kind', () => {
  it('writes the kind module, its fixture and the registry line in alphabetical order', () => {
    const r = scaffold('graph-database', '--category', 'data');
    expect(r.status, r.stderr).toBe(0);
    const kind = readFileSync(join(root, 'src/kinds/graph-database.ts'), 'utf8');
    expect(kind).toContain('export const graphDatabase = defineKind({');
    expect(kind).toContain("category: 'data'");
    expect(readFileSync(join(root, 'fixtures/kinds/graph-database.stackdraft.yaml'), 'utf8')).toContain(
      'kind: graph-database',
    );
    const reg = readFileSync(join(root, 'src/catalog/registry.ts'), 'utf8');
    const imports = [...reg.matchAll(/from '\.\.\/kinds\/([\w-]+)'/g)].map((m) => m[1]);
    expect(imports).toContain('graph-database');
    expect(imports).toEqual([...imports].sort());
    const entries = /KINDS: readonly KindDefinition\[\] = \[([\s\S]*?)\];/.exec(reg)?.[1] ?? '';
    expect(entries).toContain('  fn,\n  graphDatabase,\n  kafka,');
  });

  it('refuses a bad id or an existing kind with exit code 2', () => {
    expect(scaffold('Graph DB').status).toBe(2);
    rmSync(root, { recursive: true, force: true });
    const r = scaffold('queue');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('already exists');
  });
});
