import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a first visit downloads before the page can run: the entry module of `html` and
 * every module it imports statically (lazy chunks and workers excluded), gzip-compressed.
 */
export function initialJs(
  dir: string,
  html: string,
): { files: { file: string; gzipBytes: number }[]; gzipBytes: number } {
  const page = readFileSync(join(dir, html), 'utf8');
  const entry = /<script[^>]+src="\/?([^"]+\.js)"/.exec(page)?.[1];
  if (!entry) throw new Error(`${html} has no module script`);
  const seen = new Set<string>();
  const stack = [
    entry,
    ...[...page.matchAll(/rel="modulepreload"[^>]*href="\/?([^"]+\.js)"/g)].map((m) => m[1] as string),
  ];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    // Static imports only: `import ... from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
    for (const m of code.matchAll(
      /(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g,
    )) {
      stack.push(folder + m[1]);
    }
  }
  const files = [...seen].map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(join(dir, file))).length,
  }));
  return { files, gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}
