import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './lock';

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'stackdraft-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

describe('lockDataDir', () => {
  it('writes the pid, refuses a second holder in the same process, and releases', () => {
    const d = dir();
    const release = lockDataDir(d);
    expect(JSON.parse(readFileSync(join(d, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
    expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
    release();
    expect(existsSync(join(d, LOCK_FILE))).toBe(false);
    lockDataDir(d)();
  });

  it('refuses a lock held by a live process, naming it and saying what to do', () => {
    const d = dir();
    writeFileSync(
      join(d, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: 'then', nonce: 'x' }),
    );
    expect(() => lockDataDir(d)).toThrow(
      new RegExp(`pid ${process.ppid} on ${hostname()}.*STACKDRAFT_DATA_DIR`),
    );
  });

  it('takes over a stale lock left by a process that is gone', () => {
    const d = dir();
    writeFileSync(
      join(d, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: 'then', nonce: 'old' }),
    );
    const release = lockDataDir(d);
    expect(JSON.parse(readFileSync(join(d, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('refuses locks from another host and unreadable lock files rather than guessing', () => {
    const d = dir();
    writeFileSync(
      join(d, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), host: 'other-host', startedAt: 'then', nonce: 'x' }),
    );
    expect(() => lockDataDir(d)).toThrow(/other-host/);
    writeFileSync(join(d, LOCK_FILE), 'garbage');
    expect(() => lockDataDir(d)).toThrow(/unreadable lock file/);
  });
});
