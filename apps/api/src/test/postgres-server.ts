import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's PostgreSQL 15 server binaries live (CI installs the `postgresql` package). */
export const PG_BIN = process.env.STACKDRAFT_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresForTests {
  url: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool; as root through `runuser -u postgres` (initdb refuses to run as root). */
function pgTool(tool: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, tool), ...args]]
    : [join(PG_BIN, tool), args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0)
    throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
}

/**
 * A PostgreSQL for the tests: the one at DATABASE_URL when set (CI), otherwise a throwaway server
 * started from Debian's binaries in a temporary directory on a free port of our own (trust auth,
 * 127.0.0.1 only, fsync off) and stopped by `stop()`. With neither, it throws: the PostgreSQL
 * suite must fail loudly rather than skip.
 */
export async function startPostgresForTests(): Promise<PostgresForTests> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(
      `No PostgreSQL for the integration tests: DATABASE_URL is not set and ${PG_BIN}/initdb does not exist. ` +
        'Install Debian\'s "postgresql" package (apt-get install postgresql) or set DATABASE_URL.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'stackdraft-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  pgTool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -c fsync=off -c unix_socket_directories=${dir}`;
  pgTool('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        pgTool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
