/**
 * The review analyses on a generated 10,000-node / 15,000-edge document with 50 clients: the
 * version diff (after a one-node edit, and of two separately loaded copies), the what-if failure
 * analysis of a region and the flow walkthrough from a client. Prints JSON; each figure carries a
 * ratio to JSON.parse of the same document, measured alternately in the same process.
 */
import { analyzeFailure, diffDocuments, MAX_ROUTES, serializeDocument, walkFlow } from '../src/index';
import { generateLargeDocument } from '../src/testing/large-document';
import { measure } from './harness';

const RUNS = 15;
const WARMUP = 3;

const base = generateLargeDocument(10_000, 15_000);
const doc = {
  ...base,
  nodes: [
    ...base.nodes,
    ...Array.from({ length: 50 }, (_, i) => ({
      id: `client-${i}`,
      kind: 'client',
      label: `Client ${i}`,
      config: { requestsPerSecond: 20 },
    })),
  ],
  edges: [
    ...base.edges,
    ...Array.from({ length: 50 }, (_, i) => ({
      id: `traffic-${i}`,
      source: `client-${i}`,
      target: `container-service-${i * 40}`,
      kind: 'sync' as const,
    })),
  ],
};
// The editor's next version: one node's config changed, every other node object shared.
const edited = {
  ...doc,
  nodes: doc.nodes.map((n) =>
    n.id === 'sql-database-7' ? { ...n, config: { ...n.config, multiAz: true } } : n,
  ),
};
// The same design loaded twice (e.g. two files in a pull request): nothing shared, all compared.
const copy = structuredClone(doc);
// Fresh document objects per run, so the cached graph index of earlier runs does not help.
const freshDoc = () => ({ ...doc, nodes: [...doc.nodes] });

const jsonText = serializeDocument(doc, 'json');
const baseline = { name: 'JSON.parse of the same document', fn: () => JSON.parse(jsonText) };
const failure = analyzeFailure(freshDoc(), { regions: ['us-east-1'] });

const options = { runs: RUNS, warmup: WARMUP };
const results = [
  measure(
    'diffDocuments after a one-node edit (unchanged nodes shared)',
    () => diffDocuments(doc, edited),
    baseline,
    options,
  ),
  measure(
    'diffDocuments of two separately loaded copies (every node compared)',
    () => diffDocuments(doc, copy),
    baseline,
    options,
  ),
  measure(
    'analyzeFailure of a region, cold (graph index, routes, evaluation)',
    () => analyzeFailure(freshDoc(), { regions: ['us-east-1'] }),
    baseline,
    options,
  ),
  measure(
    'walkFlow from a client, cold (graph index included)',
    () => walkFlow(freshDoc(), 'client-0'),
    baseline,
    options,
  ),
];

process.stdout.write(
  `${JSON.stringify(
    {
      bench: '@stackdraft/patterns review analyses',
      document: {
        nodes: doc.nodes.length,
        edges: doc.edges.length,
        clients: 50,
        failureRoutes: failure.paths.reduce((n, p) => n + p.routes.length, 0),
        maxRoutes: MAX_ROUTES,
        truncated: failure.truncated,
      },
      node: process.version,
      results,
    },
    null,
    2,
  )}\n`,
);
