import { z } from 'zod';

/**
 * The app is served with a Content Security Policy without 'unsafe-eval'. Zod's fast path compiles
 * object parsers with `new Function`, which the browser blocks and reports as a CSP violation on
 * every page load. The interpreted path gives the same results, so the browser bundle never asks.
 * Imported first by every entry point (main and workers) that may parse a document.
 */
z.config({ jitless: true });
