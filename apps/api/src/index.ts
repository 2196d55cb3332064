import { readConfig } from './config';
import { createLogger } from './http/logging';
import { handleSignals, startServer } from './lifecycle';

// Reads configuration and listens; everything else lives in createServer (server.ts) and
// startServer (lifecycle.ts), which tests drive directly.
try {
  const config = readConfig();
  const logger = createLogger({ level: config.logLevel });
  const running = await startServer(config, { logger });
  handleSignals(running, logger);
  process.stdout.write(`Stackdraft is running on http://localhost:${running.port}\n`);
} catch (err) {
  process.stderr.write(`Stackdraft could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
