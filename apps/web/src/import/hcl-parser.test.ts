// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createHclParser } from './hcl-parser';

// The browser loader, fed the very WASM file the page fetches (gzipped, as the package ships it).
const wasmPath = createRequire(import.meta.url).resolve('@cdktf/hcl2json/main.wasm.gz');

describe('the HCL parser for the browser', async () => {
  const parse = await createHclParser(async () => {
    const bytes = await readFile(wasmPath);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  });

  it('parses Terraform to the JSON form hcl2json gives in Node', async () => {
    const json = await parse(
      'main.tf',
      'resource "aws_sqs_queue" "q" {\n  name = "orders"\n  tags = { Name = "Q" }\n}\n',
    );
    expect(json).toEqual({ resource: { aws_sqs_queue: { q: [{ name: 'orders', tags: { Name: 'Q' } }] } } });
  });

  it('rejects malformed HCL with the file and line in the message', async () => {
    await expect(parse('bad.tf', 'resource "a" "b" {\n  x = \n}\n')).rejects.toThrow(
      /bad\.tf:2,7-3,1: Invalid expression/,
    );
  });
});
