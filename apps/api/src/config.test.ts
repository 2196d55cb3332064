import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot, readConfig } from './config';

describe('readConfig', () => {
  const root = findRepoRoot();

  it('finds the repository root from the source file, whatever the working directory', () => {
    expect(root).toMatch(/\/[^/]+$/);
    expect(root.endsWith(join('apps', 'api'))).toBe(false);
  });

  it('defaults to port 8080 and PGlite in <repo>/.data, serving apps/web/dist', () => {
    expect(readConfig({}, root)).toEqual({
      port: 8080,
      dataDir: join(root, '.data'),
      webDist: join(root, 'apps', 'web', 'dist'),
      corsOrigins: [],
      logLevel: 'info',
    });
  });

  it('reads every variable, taking a relative data directory from the repository root', () => {
    const c = readConfig(
      {
        PORT: '9000',
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgres://u@h/db',
        STACKDRAFT_DATA_DIR: 'var/db',
        STACKDRAFT_CORS_ORIGIN: 'https://a.example, https://b.example/',
        STACKDRAFT_TRUST_PROXY: '1',
        LOG_LEVEL: 'warn',
      },
      root,
    );
    expect(c).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u@h/db',
      dataDir: join(root, 'var', 'db'),
      corsOrigins: ['https://a.example', 'https://b.example'],
      trustProxy: 1,
      logLevel: 'warn',
    });
    expect(readConfig({ STACKDRAFT_DATA_DIR: '/srv/stackdraft' }, root).dataDir).toBe('/srv/stackdraft');
  });

  it('refuses a port that is not a port', () => {
    expect(() => readConfig({ PORT: 'eighty' }, root)).toThrow('PORT must be a whole number from 0 to 65535');
    expect(() => readConfig({ PORT: '70000' }, root)).toThrow(/PORT/);
  });
});
