import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { main } from './main';
import { memoryIo, run } from './test/memory-io';

const HINT = 'Run `stackdraft --help` for usage.';

describe('stackdraft', () => {
  it('prints its version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('prints help listing the commands', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: stackdraft /);
    expect(r.stdout).toMatch(/validate \[options\] <file>/);
    expect(r.stderr).toBe('');
  });

  it('prints help for a command', async () => {
    const r = await run(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: stackdraft validate \[options\] <file>/);
    expect(r.stdout).toMatch(/--json/);
  });

  it.each([
    {
      name: 'an unknown command',
      argv: ['valdate', 'x.yaml'],
      message: /error: unknown command 'valdate'\n\(Did you mean validate\?\)/,
    },
    {
      name: 'an unknown option',
      argv: ['validate', 'x.yaml', '--jsn'],
      message: /error: unknown option '--jsn'\n\(Did you mean --json\?\)/,
    },
    { name: 'a missing argument', argv: ['validate'], message: /error: missing required argument 'file'/ },
  ])('exits 2 on $name with a hint to --help', async ({ argv, message }) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(HINT);
  });

  it('exits 2 with the usage on stderr when no command is given', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage: stackdraft /);
  });

  describe('an unexpected exception', () => {
    const failing = (env: Record<string, string> = {}) => {
      const m = memoryIo({ 'a.yaml': 'stackdraft: 1\nname: A\n' }, env);
      m.io.stdout = () => {
        throw new Error('boom');
      };
      return m;
    };

    it('becomes one line and exit 2, without a stack trace', async () => {
      const m = failing();
      expect(await main(['validate', 'a.yaml'], m.io)).toBe(2);
      expect(m.stderr()).toMatch(/^stackdraft: unexpected error: boom\n/);
      expect(m.stderr()).not.toMatch(/^\s+at /m);
    });

    it('shows the stack with STACKDRAFT_DEBUG=1', async () => {
      const m = failing({ STACKDRAFT_DEBUG: '1' });
      expect(await main(['validate', 'a.yaml'], m.io)).toBe(2);
      expect(m.stderr()).toMatch(/^\s+at /m);
    });
  });
});
