/**
 * Export benchmarks (issue 6 targets on this machine: Terraform export of a 2,000-node design
 * under 55 ms). Prints JSON; each figure carries a ratio to JSON.stringify of the same document,
 * measured alternately in the same process, which stays comparable across machines.
 */
import { generateLargeDocument } from '@stackdraft/patterns/testing';
import { measure } from '../../patterns/bench/harness';
import { exportTerraform } from '../src/terraform/exporter';
import { svgBenchmark } from './svg-measure';

export const TERRAFORM_TARGET_MS = 55;

const doc = generateLargeDocument(2000, 3000);
const sample = exportTerraform(doc);
const baseline = { name: 'JSON.stringify of the same document', fn: () => JSON.stringify(doc) };

const terraform = {
  timing: measure(
    `terraform export, ${doc.nodes.length} nodes / ${doc.edges.length} edges`,
    // A fresh document object each run: the graph index is cached per object, and an export
    // of a new design pays for building it.
    () => exportTerraform({ ...doc }),
    baseline,
    { runs: 25, warmup: 5, targetMs: TERRAFORM_TARGET_MS },
  ),
  output: {
    files: sample.files.length,
    bytes: sample.files.reduce((n, f) => n + Buffer.byteLength(f.content, 'utf8'), 0),
    resources: sample.files.reduce((n, f) => n + (f.content.match(/^resource "/gm)?.length ?? 0), 0),
    diagnostics: sample.diagnostics.length,
  },
};

// SVG (issue 6: a 2,000-node design under 80 ms and 1 MB), a block of its own: see svg-measure.ts.
const svg = svgBenchmark(measure);

process.stdout.write(
  `${JSON.stringify(
    {
      bench: '@stackdraft/exporters export',
      document: { nodes: doc.nodes.length, edges: doc.edges.length },
      node: process.version,
      terraform,
      svg,
    },
    null,
    2,
  )}\n`,
);
