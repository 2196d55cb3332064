import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { ApiError } from './errors';

/**
 * The Content-Security-Policy of every response. The built web app (apps/web/dist) loads scripts
 * only from our own origin: no inline script, no eval. Two exceptions, both narrow: the Terraform
 * import compiles HashiCorp's HCL parser from WebAssembly (`'wasm-unsafe-eval'` allows compiling
 * WebAssembly, not evaluating JavaScript), and Monaco (code view, export preview) writes <style>
 * elements for its themes and has no nonce support, so styles may be inline. React sets `style`
 * through the CSSOM, which CSP does not restrict. Workers (layout, validation) may be
 * module files or blob: URLs. Images may be data:/blob: URLs (SVG export previews as <img>).
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Helmet's headers with our CSP and `Referrer-Policy: no-referrer` (share links never leak). */
export function securityHeaders(): RequestHandler {
  return helmet({
    // Our own directive list only: helmet's defaults add `upgrade-insecure-requests`, which would
    // break the app served over plain http://localhost.
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * CORS: same-origin only (no CORS headers at all) unless origins are configured, then those
 * origins may call the API with the headers it uses. Bearer tokens, not cookies, authorize
 * writes, so credentials are never allowed cross-origin.
 */
export function cors(allowed: readonly string[]): RequestHandler {
  const origins = new Set(allowed);
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    if (!origin || !origins.has(origin)) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader(
      'Access-Control-Expose-Headers',
      'ETag, Location, Retry-After, RateLimit, RateLimit-Policy',
    );
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, If-Match, If-None-Match, Accept',
      );
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

export interface RateLimitConfig {
  /** Window length in milliseconds. */
  windowMs: number;
  /** Writes (create, save, comment, token and link changes) per client per window. */
  writes: number;
  /** validate / cost / export calls per client per window (CPU-heavy, no storage). */
  compute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { windowMs: 60_000, writes: 120, compute: 600 };

/**
 * A per-client (IP) limiter answering 429 with `Retry-After` and the IETF `RateLimit` headers.
 * Counters live in this process: with several API processes each enforces its own share.
 */
export function limiter(windowMs: number, limit: number, what: string): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      const seconds = Math.ceil(windowMs / 1000);
      res
        .status(429)
        .json(
          new ApiError(
            429,
            'rate-limited',
            `Too many ${what} from this address: at most ${limit} per ${seconds} seconds. Wait and try again.`,
          ).toBody(),
        );
    },
  });
}
