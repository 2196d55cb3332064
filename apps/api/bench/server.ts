/**
 * The benchmark's server process: the real API (PGlite in a temporary directory, request logs
 * written as in production but to /dev/null, rate limits out of the way) and, in the same process
 * so both get the same CPU, a bare Express app as the baseline. Prints its URLs as one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { readConfig } from '../src/config';
import { createLogger } from '../src/http/logging';
import { startServer } from '../src/lifecycle';
import { readPayload } from './payloads';

const dataDir = mkdtempSync(join(tmpdir(), 'stackdraft-bench-'));
const api = await startServer(
  { ...readConfig({ PORT: '0', STACKDRAFT_DATA_DIR: dataDir }), host: '127.0.0.1' },
  {
    logger: createLogger({
      level: 'info',
      destination: pino.destination({ dest: '/dev/null', sync: false }),
    }),
    rateLimit: { writes: 1e9, compute: 1e9 },
  },
);

const bare = express();
bare.disable('x-powered-by');
const payload = readPayload();
bare.get('/bare/read', (_req, res) => {
  res.json(payload);
});
bare.post('/bare/echo', express.json({ limit: '10mb' }), (req, res) => {
  res.json(req.body);
});
const bareServer = bare.listen(0, '127.0.0.1');
await new Promise((r) => bareServer.once('listening', r));
const address = bareServer.address();
const barePort = typeof address === 'object' && address ? address.port : 0;

process.stdout.write(`${JSON.stringify({ api: api.url, bare: `http://127.0.0.1:${barePort}` })}\n`);

process.on('SIGTERM', () => {
  bareServer.close();
  void api.close().finally(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
