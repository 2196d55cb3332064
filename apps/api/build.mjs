// Bundles the server and the workspace packages it uses (TypeScript source): dist/index.mjs, and
// dist/worker.mjs for the tool worker threads (the pool loads it from beside the bundle).
// npm dependencies stay external: PGlite loads its WebAssembly and data files from its own
// package folder, and pino/pg are ordinary CommonJS packages that node resolves at run time.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@stackdraft/'));

await build({
  entryPoints: { index: 'src/index.ts', worker: 'src/tools/worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
