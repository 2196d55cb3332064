import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, configFields, KINDS, TEMPLATES } from '@stackdraft/patterns';
import express, { type ErrorRequestHandler, type Express } from 'express';

export interface ServerDeps {
  /** Directory of the built web app to serve, if any. */
  webDist?: string;
}

/** The catalog as JSON: kinds (with their config fields), categories and templates. */
function catalogJson() {
  return {
    categories: CATEGORIES,
    kinds: KINDS.map((k) => ({
      id: k.id,
      label: k.label,
      category: k.category,
      icon: k.icon,
      description: k.description,
      traits: k.traits,
      group: k.group ?? null,
      accepts: k.accepts,
      config: configFields(k),
      aws: k.aws,
    })),
    templates: TEMPLATES.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      pattern: t.pattern,
    })),
  };
}

/** Builds the Express app without listening, so tests can drive it directly. */
export function createServer(deps: ServerDeps = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '10mb' }));

  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const catalog = catalogJson();
  app.get('/api/catalog', (_req, res) => {
    res.json(catalog);
  });
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: 'not-found', message: 'No such API route.' } });
  });

  if (deps.webDist && existsSync(join(deps.webDist, 'index.html'))) {
    const index = join(deps.webDist, 'index.html');
    app.use(express.static(deps.webDist, { index: false, maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => {
      res.sendFile(index);
    });
  }

  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = typeof err?.status === 'number' ? err.status : 500;
    const code = status === 413 ? 'too-large' : status === 400 ? 'bad-request' : 'internal';
    const message =
      status === 413
        ? 'The request body is larger than 10 MB.'
        : status === 400
          ? 'The request body is not valid JSON.'
          : 'Something went wrong on the server.';
    res.status(status).json({ error: { code, message } });
  };
  app.use(onError);
  return app;
}
