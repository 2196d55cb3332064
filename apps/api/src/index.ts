import { fileURLToPath } from 'node:url';
import { createServer } from './server';

const port = Number(process.env.PORT ?? 8080);
const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

const server = createServer({ webDist }).listen(port, () => {
  process.stdout.write(`Stackdraft is running on http://localhost:${port}\n`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
