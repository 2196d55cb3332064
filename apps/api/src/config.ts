import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the server reads from its environment. */
export interface AppConfig {
  port: number;
  /** Interface to listen on; all interfaces when unset. */
  host?: string;
  /** PostgreSQL connection string; PGlite under `dataDir` when unset. */
  databaseUrl?: string;
  dataDir: string;
  webDist: string;
  corsOrigins: string[];
  trustProxy?: number;
  /** Worker threads for validate/cost/export; one per core when unset. */
  toolWorkers?: number;
  logLevel: string;
}

/**
 * The repository root: the nearest folder above this file whose package.json declares workspaces.
 * Works from `src/` (tsx) and from the bundle in `dist/` alike, whatever the working directory
 * (`npm start` runs in apps/api).
 */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { workspaces?: unknown }).workspaces) return dir;
      } catch {
        // not our package.json; keep looking
      }
    }
    if (dirname(dir) === dir) return process.cwd();
  }
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/**
 * Reads the configuration: PORT (8080), HOST, DATABASE_URL, STACKDRAFT_DATA_DIR (`<repo>/.data`;
 * a relative path is taken from the repository root), STACKDRAFT_CORS_ORIGIN (comma-separated
 * origins), STACKDRAFT_TRUST_PROXY (proxy hops), STACKDRAFT_TOOL_WORKERS (threads for validate,
 * cost and export), LOG_LEVEL. Throws a readable error on bad values.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env, root = findRepoRoot()): AppConfig {
  const config: AppConfig = {
    port: env.PORT ? integer('PORT', env.PORT, 0, 65_535) : 8080,
    dataDir: resolve(root, env.STACKDRAFT_DATA_DIR || '.data'),
    webDist: join(root, 'apps', 'web', 'dist'),
    corsOrigins: (env.STACKDRAFT_CORS_ORIGIN ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    logLevel: env.LOG_LEVEL || 'info',
  };
  if (env.HOST) config.host = env.HOST;
  if (env.DATABASE_URL) config.databaseUrl = env.DATABASE_URL;
  if (env.STACKDRAFT_TOOL_WORKERS)
    config.toolWorkers = integer('STACKDRAFT_TOOL_WORKERS', env.STACKDRAFT_TOOL_WORKERS, 0, 64);
  if (env.STACKDRAFT_TRUST_PROXY)
    config.trustProxy = integer('STACKDRAFT_TRUST_PROXY', env.STACKDRAFT_TRUST_PROXY, 0, 10);
  return config;
}
