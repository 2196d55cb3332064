/**
 * Terraform import benchmark: the Terraform export of a generated 2,000-node design, imported
 * back. Prints JSON; the figure carries a ratio to parsing the same files with hcl2json alone
 * (measured alternately in the same process), so it reads as "import work per unit of parsing".
 */
import { performance } from 'node:perf_hooks';
import { parse } from '@cdktf/hcl2json';
import { generateLargeDocument } from '@stackdraft/patterns/testing';
import { importTerraform } from '../src/import/index';
import { exportTerraform } from '../src/terraform/exporter';

const doc = generateLargeDocument(2000, 3000);
const files = exportTerraform(doc).files.filter((f) => f.path.endsWith('.tf'));
const resources = files.reduce((n, f) => n + (f.content.match(/^resource "/gm)?.length ?? 0), 0);

const parseOnly = async () => {
  for (const f of files) await parse(f.path, f.content);
};
const importAll = async () => importTerraform(files);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const round = (x: number) => Math.round(x * 100) / 100;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

for (let i = 0; i < 2; i++) {
  await importAll();
  await parseOnly();
}
const a: number[] = [];
const b: number[] = [];
for (let i = 0; i < 7; i++) {
  a.push(await time(importAll));
  b.push(await time(parseOnly));
}
const sample = await importAll();
process.stdout.write(
  `${JSON.stringify(
    {
      bench: '@stackdraft/exporters terraform import',
      node: process.version,
      input: { designNodes: doc.nodes.length, files: files.length, resources },
      timing: {
        name: `import of ${resources} resources`,
        medianMs: round(median(a)),
        minMs: round(Math.min(...a)),
        runs: a.length,
        baseline: 'hcl2json parse of the same files, nothing else',
        baselineMedianMs: round(median(b)),
        ratio: round(median(a) / median(b)),
      },
      output: {
        nodes: sample.document.nodes.length,
        edges: sample.document.edges.length,
        unmapped: sample.report.unmapped.length,
        warnings: sample.report.warnings.length,
      },
    },
    null,
    2,
  )}\n`,
);
