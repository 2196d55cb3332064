import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { AppConfig } from './config';
import { createLogger } from './http/logging';
import type { RateLimitConfig } from './http/security';
import { createServer } from './server';
import { openStore } from './store/open';
import type { DiagramStore } from './store/types';
import { defaultToolWorkers, ToolPool } from './tools/pool';

export interface RunningServer {
  url: string;
  port: number;
  http: Server;
  store: DiagramStore;
  /** Stops accepting, lets in-flight requests finish, checkpoints and closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  rateLimit?: Partial<RateLimitConfig>;
  /** PostgreSQL schema (tests). */
  schema?: string;
  /** How long in-flight requests may take to finish before their connections are cut. */
  graceMs?: number;
  /** Worker threads for validate/cost/export (default: one per core; 0 runs them on the main thread). */
  toolWorkers?: number;
}

/**
 * Opens the database (locking PGlite's directory, running migrations), builds the app and listens.
 * The returned `close()` is the graceful shutdown: refuse new requests, finish in-flight ones,
 * stop the tool workers, then checkpoint and close the database and release the lock.
 */
export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const store = await openStore({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    ...(options.schema ? { schema: options.schema } : {}),
    onDatabaseError: (err) => logger.error({ err }, 'database connection error'),
  });
  let draining = false;
  const workers = options.toolWorkers ?? config.toolWorkers ?? defaultToolWorkers();
  const pool = workers > 0 ? new ToolPool(workers, logger) : undefined;
  const app = createServer({
    store,
    logger,
    webDist: config.webDist,
    corsOrigins: config.corsOrigins,
    ...(config.trustProxy === undefined ? {} : { trustProxy: config.trustProxy }),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    draining: () => draining,
    ...(pool ? { tools: pool.run } : {}),
  });
  let http: Server;
  try {
    http = await new Promise<Server>((resolve, reject) => {
      const s = config.host ? app.listen(config.port, config.host) : app.listen(config.port);
      s.once('listening', () => resolve(s));
      s.once('error', reject);
    });
  } catch (err) {
    await pool?.close();
    await store.close();
    throw err;
  }
  const port = (http.address() as AddressInfo).port;
  logger.info({ port, database: store.kind }, 'listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        // Keep-alive connections idle between requests hold close() open: close them as requests end.
        const idle = setInterval(() => http.closeIdleConnections(), 50);
        const cut = setTimeout(() => http.closeAllConnections(), options.graceMs ?? 10_000);
        http.once('close', () => {
          clearInterval(idle);
          clearTimeout(cut);
        });
        http.closeIdleConnections();
      });
      await pool?.close();
      await store.close();
      logger.info('stopped');
    })();
    return closing;
  };
  return { url: `http://127.0.0.1:${port}`, port, http, store, close };
}

/** Shuts down gracefully on SIGTERM/SIGINT; a second signal exits at once. */
export function handleSignals(running: RunningServer, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
