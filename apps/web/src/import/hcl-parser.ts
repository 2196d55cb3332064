/**
 * HashiCorp's HCL parser in the browser. `@cdktf/hcl2json` itself is Node-only (it reads its WASM
 * with `fs`), but the WASM and Go's `wasm_exec.js` it ships run anywhere: this loads them the
 * browser's way, once, on the first import. Nothing here is in the initial bundle.
 */
import type { HclParser } from '@stackdraft/exporters';

/** What the Go program registers: `parse(filename, content, callback)`. */
type GoRoot = {
  parse?: (filename: string, content: string, cb: (err: unknown, json?: string) => void) => void;
};
type GoRuntime = { importObject: WebAssembly.Imports; run(instance: WebAssembly.Instance): Promise<void> };

declare global {
  // Set by Go's wasm_exec.js; the HCL program registers its functions on the second.
  var Go: (new () => GoRuntime) | undefined;
  var __parse_terraform_config_wasm__: GoRoot | undefined;
}

const GZIP = [0x1f, 0x8b];

/** The WASM bytes; the package ships them gzipped (a server may already have decoded them). */
async function wasmBytes(data: ArrayBuffer): Promise<ArrayBuffer> {
  const head = new Uint8Array(data, 0, 2);
  if (head[0] !== GZIP[0] || head[1] !== GZIP[1]) return data;
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

/**
 * Starts the HCL program from the (gzipped) WASM that `load` returns and gives its `parse`,
 * with the same contract as `@cdktf/hcl2json`'s: it resolves to the JSON form of the file or
 * rejects with `parse config: [file:line,col-...: message]`.
 */
export async function createHclParser(load: () => Promise<ArrayBuffer>): Promise<HclParser> {
  await import('@cdktf/hcl2json/wasm/wasm_exec.js');
  const GoClass = globalThis.Go;
  if (!GoClass) throw new Error('the Go WebAssembly runtime did not load');
  const go = new GoClass();
  const { instance } = await WebAssembly.instantiate(await wasmBytes(await load()), go.importObject);
  const root: GoRoot = {};
  // The Go program looks its registry up as `global.__parse_terraform_config_wasm__`: Node's
  // name for the global object, which browsers do not have (without it, the program panics).
  const g = globalThis as { global?: unknown };
  g.global ??= globalThis;
  globalThis.__parse_terraform_config_wasm__ = root;
  // Registers `parse` on `root` before it blocks waiting for calls.
  void go.run(instance);
  const parse = root.parse;
  if (!parse) throw new Error('the HCL parser did not start');
  return (filename, content) =>
    new Promise((resolve, reject) => {
      parse(filename, content, (err, json) => {
        if (err) reject(new Error(String(err)));
        else resolve(JSON.parse(json ?? '{}') as unknown);
      });
    });
}

let shared: Promise<HclParser> | undefined;

/** The parser for this page, loading the WASM (about 1.7 MB gzipped) on first use. */
export function browserHclParser(): Promise<HclParser> {
  shared ??= (async () => {
    const { default: url } = await import('@cdktf/hcl2json/main.wasm.gz?url');
    return createHclParser(async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`could not load the HCL parser (HTTP ${res.status})`);
      return res.arrayBuffer();
    });
  })();
  // A failed load (offline, say) may be retried by the next import.
  shared.catch(() => {
    shared = undefined;
  });
  return shared;
}
