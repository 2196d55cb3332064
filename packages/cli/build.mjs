// Bundles the CLI and everything it uses (@stackdraft/patterns, yaml, zod, commander) into one
// file, so `stackdraft` starts without TypeScript tooling and without resolving workspace sources.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('src/bin.ts')],
  outfile: here('dist/stackdraft.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // commander is CommonJS and calls require('node:events') etc.; an ES module has no `require`.
  banner: {
    js: "import { createRequire as __stackdraftCreateRequire } from 'node:module';\nconst require = __stackdraftCreateRequire(import.meta.url);",
  },
  // HashiCorp's HCL parser (for `import`) loads its WASM from its own package directory at run time
  // (`__dirname/../main.wasm.gz`, `require('../wasm/...')`): bundling would break those paths, so it
  // stays a package that Node resolves from node_modules, loaded only when `import` runs.
  external: ['@cdktf/hcl2json'],
  legalComments: 'none',
  logLevel: 'warning',
});
