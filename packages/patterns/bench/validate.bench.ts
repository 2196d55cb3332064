/**
 * Design-rule validation (issue 3's targets) on generated documents of 2,000 / 10,000 / 50,000
 * nodes (1.5 edges a node): validate + cost of 2,000 nodes under 55 ms together, 10,000 under
 * 300 ms, 50,000 within 6x the 10,000 time (linear), and re-validating after a one-node edit under
 * 16 ms at 2,000 nodes. Prints JSON; each figure carries a ratio to building the graph index of the
 * same document (the least any whole-graph pass must do), measured alternately in the same process.
 *
 * Every run validates a new document object (a shallow copy), so the per-document caches of
 * `validate`, `graphOf` and the cost model are cold, as after an edit.
 */
import { estimateCost } from '../src/cost/index';
import type { ArchitectureDocument } from '../src/document/schema';
import { graphOf, validate } from '../src/index';
import { generateLargeDocument } from '../src/testing/large-document';
import { type Measurement, measure } from './harness';

/**
 * `measure`, plus the median CPU time of `fn` (user + system, all threads, so parallel GC counts)
 * measured in a second pass. On a machine shared with other jobs the wall-clock median includes
 * time spent waiting for a core; CPU time does not, so it shows what the code itself costs.
 */
function timed(
  name: string,
  fn: () => unknown,
  baseline: { name: string; fn: () => unknown },
  options: { runs?: number; warmup?: number; targetMs?: number } = {},
): Measurement & { cpuMedianMs: number } {
  const m = measure(name, fn, baseline, options);
  const cpu: number[] = [];
  for (let i = 0; i < (options.runs ?? 15); i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  return { ...m, cpuMedianMs: Math.round((cpu[Math.floor(cpu.length / 2)] as number) * 100) / 100 };
}

const fresh = (doc: ArchitectureDocument): ArchitectureDocument => ({ ...doc });
const baselineOf = (doc: ArchitectureDocument) => ({
  name: `graphOf (index build) of the same ${doc.nodes.length}-node document`,
  fn: () => graphOf(fresh(doc)),
});

/** The document after one edit: one service's task count changed (a new document object). */
function editOne(doc: ArchitectureDocument, n: number): ArchitectureDocument {
  const i = doc.nodes.findIndex((node) => node.kind === 'container-service');
  const nodes = doc.nodes.slice();
  const node = nodes[i] as ArchitectureDocument['nodes'][number];
  nodes[i] = { ...node, config: { ...node.config, tasks: 2 + (n % 5) } };
  return { ...doc, nodes };
}

const sizes = [2_000, 10_000, 50_000] as const;
const documents: { nodes: number; edges: number; findings: number }[] = [];
const results: (Measurement & { cpuMedianMs: number })[] = [];
// One size at a time, each document dropped before the next is made: a larger live heap makes
// every garbage collection slower, which would charge the 50,000-node run for documents it never
// touches.
for (const n of sizes) {
  const d = generateLargeDocument(n, Math.round(n * 1.5));
  documents.push({
    nodes: d.nodes.length,
    edges: d.edges.length,
    findings: validate(fresh(d)).findings.length,
  });
  results.push(
    timed(`validate ${n} nodes`, () => validate(fresh(d)), baselineOf(d), {
      runs: n >= 50_000 ? 9 : 15,
      ...(n === 10_000 ? { targetMs: 300 } : {}),
    }),
  );
}

const small = generateLargeDocument(2_000, 3_000);
// Cold: a document whose node objects were never seen (the cost model caches per node object).
const RUNS = 15;
const WARMUP = 3;
const coldCopies = Array.from({ length: 2 * (RUNS + WARMUP) }, () => ({
  ...small,
  nodes: small.nodes.map((n) => structuredClone(n)),
  edges: small.edges.map((e) => structuredClone(e)),
}));
let cold = 0;
results.push(
  timed(
    'validate + estimateCost 2000 nodes (cold: new node objects)',
    () => {
      const d = coldCopies[cold++ % coldCopies.length] as ArchitectureDocument;
      validate(d);
      estimateCost(d);
    },
    baselineOf(small),
    { runs: RUNS, warmup: WARMUP, targetMs: 55 },
  ),
);
results.push(
  timed(
    'estimateCost 2000 nodes (alone, new document object)',
    () => estimateCost(fresh(small)),
    baselineOf(small),
  ),
);

// With a budget, over-budget runs and validation includes one cost estimate.
const budgeted = { ...small, budget: 1_000 };
results.push(
  timed(
    'validate 2000 nodes with a budget (includes the cost estimate)',
    () => validate(fresh(budgeted)),
    baselineOf(small),
    {
      targetMs: 55,
    },
  ),
);

validate(small); // the design as it was before the edit, validated and priced
estimateCost(small);
let edit = 0;
results.push(
  timed(
    're-validate after a one-node edit, 2000 nodes',
    () => validate(editOne(small, edit++)),
    baselineOf(small),
    {
      targetMs: 16,
    },
  ),
);
results.push(
  timed(
    're-validate + re-price after a one-node edit, 2000 nodes',
    () => {
      const d = editOne(small, edit++);
      validate(d);
      estimateCost(d);
    },
    baselineOf(small),
  ),
);

const at = (name: string) => results.find((r) => r.name === name);
const linearity =
  (at('validate 50000 nodes')?.medianMs ?? Number.NaN) / (at('validate 10000 nodes')?.medianMs ?? Number.NaN);
const cpuLinearity =
  (at('validate 50000 nodes')?.cpuMedianMs ?? Number.NaN) /
  (at('validate 10000 nodes')?.cpuMedianMs ?? Number.NaN);

process.stdout.write(
  `${JSON.stringify(
    {
      bench: '@stackdraft/patterns validate',
      documents,
      node: process.version,
      results,
      linearity: {
        name: 'validate 50000 nodes / validate 10000 nodes (5x the design)',
        ratio: Math.round(linearity * 100) / 100,
        target: 6,
        withinTarget: linearity <= 6,
        cpuRatio: Math.round(cpuLinearity * 100) / 100,
      },
    },
    null,
    2,
  )}\n`,
);
