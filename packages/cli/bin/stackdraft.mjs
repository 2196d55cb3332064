#!/usr/bin/env node
// The entry point npm links as `stackdraft`. The program itself is the bundle built into dist/.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/stackdraft.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('stackdraft is not built yet: run `npm run build` first\n');
  process.exit(2);
}
await import(bundle.href);
