// Starts the real Stackdraft server (apps/api's bundle, which also serves the built web app) for
// the journeys, on an empty embedded database: e2e/.data is wiped first, so every run starts from
// nothing and no run sees another's designs. Playwright starts and stops it (playwright.config.ts).
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../apps/api/dist/index.mjs', import.meta.url));
const webIndex = fileURLToPath(new URL('../apps/web/dist/index.html', import.meta.url));
for (const [file, what, build] of [
  [bundle, 'The API is not built', '@stackdraft/api'],
  [webIndex, 'The web app is not built', '@stackdraft/web'],
]) {
  if (!existsSync(file)) {
    process.stderr.write(`${what}: run \`npm run build -w ${build}\` first.\n`);
    process.exit(1);
  }
}
const dataDir = process.env.STACKDRAFT_DATA_DIR;
if (!dataDir) {
  process.stderr.write('STACKDRAFT_DATA_DIR must be set (playwright.config.ts sets it).\n');
  process.exit(1);
}
rmSync(dataDir, { recursive: true, force: true });
await import(bundle);
