import type { RequestHandler } from 'express';
import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Paths pino censors wherever they appear. Request logs never include headers or bodies in the
 * first place; this is the second line of defence if an error object carries them.
 */
const REDACT = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'editToken',
  '*.editToken',
  'commentToken',
  '*.commentToken',
  'token',
  '*.token',
];

/** The server's structured JSON logger (to stdout unless a destination is given). */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'stackdraft-api' },
      redact: { paths: REDACT, censor: '[redacted]' },
    },
    options.destination,
  );
}

/**
 * One log line per request: method, path (never the query string), status, duration. The edit
 * token travels only in the Authorization header (and in the URL fragment, which browsers never
 * send), so it cannot reach these lines.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = req.originalUrl.split('?')[0];
      const entry = { method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 };
      if (res.statusCode >= 500) logger.error(entry, 'request failed');
      else logger.info(entry, 'request');
    });
    next();
  };
}
