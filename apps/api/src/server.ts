import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORTERS, type Exporter } from '@stackdraft/exporters';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { DEFAULT_LIMITS, type DocumentLimits } from './domain/document-input';
import { ApiError, apiNotFound, errorHandler, notFound } from './http/errors';
import { createLogger, requestLog } from './http/logging';
import { cors, DEFAULT_RATE_LIMIT, limiter, type RateLimitConfig, securityHeaders } from './http/security';
import { apiRoutes } from './routes';
import { buildOpenApi } from './routes/openapi';
import { registerRoutes } from './routes/table';
import type { DiagramStore } from './store/types';
import { inProcessTools, type ToolRunner } from './tools/run-tool';

export interface ServerDeps {
  store: DiagramStore;
  /** Structured logs; silent when omitted (tests). */
  logger?: Logger;
  /** Directory of the built web app to serve, if any. */
  webDist?: string;
  /** Origins allowed to call the API from another origin; none means same-origin only. */
  corsOrigins?: readonly string[];
  rateLimit?: Partial<RateLimitConfig>;
  limits?: Partial<DocumentLimits>;
  /** Express's `trust proxy` (hops), so rate limits see client addresses behind a reverse proxy. */
  trustProxy?: number;
  /** The export formats offered (default: every exporter of @stackdraft/exporters). */
  exporters?: readonly Exporter[];
  /** Runs validate/cost/export jobs (default: on this thread; startServer uses a worker pool). */
  tools?: ToolRunner;
  /** True while the server drains for shutdown: new requests get 503 and a closed connection. */
  draining?: () => boolean;
}

const API_VERSION = '1.0.0';

/** Refuses new work while shutting down, so in-flight requests finish and connections close. */
function drainGate(draining: () => boolean): RequestHandler {
  return (_req, res, next) => {
    if (!draining()) {
      next();
      return;
    }
    res.setHeader('Connection', 'close');
    res
      .status(503)
      .json(new ApiError(503, 'unavailable', 'The server is restarting; try again in a moment.').toBody());
  };
}

/**
 * Paths the single-page app handles itself: the editor (`/`) and share links (`/d/<id>`). Anything
 * else that is not a built file is a JSON 404, so odd paths (`/../../etc/passwd`) never look found.
 */
const APP_ROUTE = /^\/(?:index\.html|d\/[A-Za-z0-9_-]{1,64}\/?)?$/;

/** Serves the built web app: hashed assets cached for a year, index.html for every app route (/d/<id>). */
function webApp(app: Express, webDist: string | undefined): void {
  const index = webDist ? join(webDist, 'index.html') : undefined;
  if (webDist && index && existsSync(index)) {
    app.use(
      express.static(webDist, {
        index: false,
        dotfiles: 'ignore',
        setHeaders: (res, path) => {
          res.setHeader(
            'Cache-Control',
            path.includes(`${join(webDist, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      }),
    );
  }
  app.use((req, res, next) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      !APP_ROUTE.test(req.path) ||
      !req.accepts('html')
    ) {
      next();
      return;
    }
    if (!index || !existsSync(index)) {
      next(
        notFound('The web app is not built: run `npm run build -w @stackdraft/web` (npm start does this).'),
      );
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/**
 * Builds the Express app without listening, so tests drive it directly and `src/index.ts` only
 * reads configuration and listens. Order matters: security headers on everything, then the API
 * (CORS, routes with their body parsers, JSON 404), then the web app, then one error handler that turns every
 * error into `{error: {code, message}}` JSON.
 */
export function createServer(deps: ServerDeps): Express {
  const logger = deps.logger ?? createLogger({ level: 'silent' });
  const rate = { ...DEFAULT_RATE_LIMIT, ...deps.rateLimit };
  const exporters = deps.exporters ?? EXPORTERS;
  const ctx = {
    store: deps.store,
    limits: { ...DEFAULT_LIMITS, ...deps.limits },
    exporters,
    tools: deps.tools ?? inProcessTools(exporters),
  };

  const app = express();
  app.disable('x-powered-by');
  // ETags are set where they mean something (the diagram version), not hashed over every body.
  app.set('etag', false);
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);

  app.use(requestLog(logger));
  if (deps.draining) app.use(drainGate(deps.draining));
  app.use(securityHeaders());
  app.use('/api', cors(deps.corsOrigins ?? []));

  let openApi: unknown;
  const routes = apiRoutes(ctx, () => {
    openApi ??= buildOpenApi(routes, API_VERSION);
    return openApi;
  });
  registerRoutes(app, routes, {
    writes: limiter(rate.windowMs, rate.writes, 'writes'),
    compute: limiter(rate.windowMs, rate.compute, 'validate, cost and export calls'),
  });
  app.use('/api', apiNotFound);

  webApp(app, deps.webDist);
  app.use((_req, _res, next) => next(notFound('Nothing is served at this path.')));
  app.use(errorHandler(logger));
  return app;
}
