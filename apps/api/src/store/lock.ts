import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file inside a data directory. */
export const LOCK_FILE = 'server.lock';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  nonce: string;
}

/** Locks held by this process, so a second server in the same process is refused too. */
const heldHere = new Set<string>();

export class DataDirLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirLockedError';
  }
}

function read(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.host === 'string' ? (info as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describeHolder(info: LockInfo | undefined, path: string): string {
  const who = info ? `pid ${info.pid} on ${info.host}, started ${info.startedAt}` : 'an unreadable lock file';
  return (
    `Another Stackdraft server is using the data directory (${who}). ` +
    'PGlite is single-process: two servers on one directory corrupt it. Stop the other server, or ' +
    `set STACKDRAFT_DATA_DIR to another directory. If no server is running, delete ${path}.`
  );
}

function create(path: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(info));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes the single-writer lock on a data directory: a file with this process's pid, created
 * exclusively. A lock left by a process that no longer runs (same host, pid gone or our own pid
 * from a previous life in a container) is stale and taken over; any other lock refuses with a
 * message saying what to do. Returns the function that releases it.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  if (heldHere.has(path)) throw new DataDirLockedError(describeHolder(read(path), path));
  const mine: LockInfo = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(path, mine)) {
      heldHere.add(path);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(path);
        if (read(path)?.nonce === mine.nonce) unlinkSync(path);
      };
    }
    const holder = read(path);
    const stale =
      holder !== undefined && holder.host === mine.host && (holder.pid === process.pid || !alive(holder.pid));
    if (!stale) throw new DataDirLockedError(describeHolder(holder, path));
    // Move the stale file aside atomically, then check it really was the stale one: if another
    // starting server replaced it in between, put that live lock back and give way.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = read(aside);
    if (moved?.nonce !== holder.nonce) {
      renameSync(aside, path);
      throw new DataDirLockedError(describeHolder(moved, path));
    }
    unlinkSync(aside);
  }
  throw new DataDirLockedError(describeHolder(read(path), path));
}
