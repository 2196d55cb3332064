import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../config';
import { type RunningServer, type StartOptions, startServer } from '../lifecycle';
import { openPostgres } from '../store/postgres';
import { startPostgresForTests } from './postgres-server';

export type BackendName = 'pglite' | 'postgres';

/** Storage for one test file, and a way to start (and restart) API servers on it. */
export interface Backend {
  name: BackendName;
  start(options?: StartOptions): Promise<RunningServer>;
  dispose(): Promise<void>;
}

/** Limits far above what a test sends, so only the rate-limit test meets them. */
export const GENEROUS = { writes: 1_000_000, compute: 1_000_000 };

/** A fresh PGlite directory or a fresh PostgreSQL schema, removed by dispose(). */
export async function makeBackend(name: BackendName): Promise<Backend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stackdraft-api-'));
  const base = { ...readConfig({ PORT: '0', STACKDRAFT_DATA_DIR: dataDir }), host: '127.0.0.1' };
  if (name === 'pglite') {
    return {
      name,
      start: (options) => startServer(base, { rateLimit: GENEROUS, toolWorkers: 1, ...options }),
      async dispose() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const pg = await startPostgresForTests();
  const schema = `stackdraft_test_${randomBytes(6).toString('hex')}`;
  const config = { ...base, databaseUrl: pg.url };
  return {
    name,
    start: (options) => startServer(config, { rateLimit: GENEROUS, toolWorkers: 1, schema, ...options }),
    async dispose() {
      try {
        const db = await openPostgres(pg.url);
        await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await db.close();
      } finally {
        pg.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body (undefined if it is not JSON). */
  body: unknown;
}

export interface CallOptions {
  /** A value to send as JSON, or raw text/bytes with the headers given. */
  json?: unknown;
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** A small HTTP client for the API under test. */
export function client(base: string) {
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    // Bytes, not a string: fetch would add `text/plain` to a string body without a content type.
    let body: Uint8Array<ArrayBuffer> | undefined =
      typeof options.raw === 'string'
        ? new TextEncoder().encode(options.raw)
        : options.raw && new Uint8Array(options.raw);
    if (options.json !== undefined) {
      body = new TextEncoder().encode(JSON.stringify(options.json));
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, text, body: parsed };
  };
}

/** A request whose path is sent exactly as written (fetch would normalize `..` away). */
export function rawRequest(base: string, method: string, path: string): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
        resolve({ status: res.statusCode ?? 0, headers, text, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
