/**
 * The cost model on a generated 10,000-node / 15,000-edge document (issue 4's target: estimateCost
 * with traffic propagation under 50 ms). Prints JSON; each figure carries a ratio to JSON.parse of
 * the same document, measured alternately in the same process, which is stable across machines.
 *
 * "cold" prices a document never seen before (fresh node objects: graph index, traffic and configs
 * all computed); "after an edit" prices a new document object that shares its unchanged node
 * objects with the previous version, as the web app does on every change.
 */
import { estimateCost, propagateTraffic, serializeDocument } from '../src/index';
import { generateLargeDocument } from '../src/testing/large-document';
import { measure } from './harness';

const RUNS = 15;
const WARMUP = 3;

const doc = generateLargeDocument(10_000, 15_000);

// Traffic enters through clients, so the propagation does real work on the generated design; a
// service calls each of the services it is connected to for one request in five.
const withTraffic = {
  ...doc,
  nodes: [
    ...doc.nodes,
    ...Array.from({ length: 50 }, (_, i) => ({
      id: `client-${i}`,
      kind: 'client',
      label: `Client ${i}`,
      config: { requestsPerSecond: 20 + i },
    })),
  ],
  edges: [
    ...doc.edges.map((e) =>
      e.source.startsWith('container-service-') && e.target.startsWith('container-service-')
        ? { ...e, config: { ...e.config, ratio: 0.2 } }
        : e,
    ),
    ...Array.from({ length: 50 }, (_, i) => ({
      id: `traffic-${i}`,
      source: `client-${i}`,
      target: `container-service-${i * 40}`,
      kind: 'sync' as const,
    })),
  ],
};

/**
 * A document never seen before: new document and node objects (so no cache applies), made inside
 * the timed run because many full copies kept alive would slow the garbage collector instead.
 * Copying 10,000 node objects costs about a millisecond.
 */
const fresh = () => ({ ...withTraffic, nodes: withTraffic.nodes.map((n) => ({ ...n })) });
const jsonText = serializeDocument(withTraffic, 'json');
const baseline = { name: 'JSON.parse of the same document', fn: () => JSON.parse(jsonText) };

const check = estimateCost(structuredClone(withTraffic));
if (check.unknownPrices.length > 0) {
  process.stderr.write(
    `bench document has unknown prices: ${JSON.stringify(check.unknownPrices.slice(0, 3))}\n`,
  );
  process.exit(1);
}

const results = [
  measure(
    'estimateCost, cold (graph index, traffic propagation, configs, pricing)',
    () => estimateCost(fresh()),
    baseline,
    {
      runs: RUNS,
      warmup: WARMUP,
      targetMs: 50,
    },
  ),
  measure(
    'estimateCost after an edit (new document object, unchanged nodes shared)',
    () => estimateCost({ ...withTraffic }),
    baseline,
    {
      runs: RUNS,
      warmup: WARMUP,
      targetMs: 50,
    },
  ),
  measure('propagateTraffic, cold (graph index included)', () => propagateTraffic(fresh()), baseline, {
    runs: RUNS,
    warmup: WARMUP,
  }),
];

process.stdout.write(
  `${JSON.stringify(
    {
      bench: '@stackdraft/patterns cost',
      document: {
        nodes: withTraffic.nodes.length,
        edges: withTraffic.edges.length,
        clients: 50,
        items: check.items.length,
        monthlyTotal: check.monthlyTotal,
      },
      node: process.version,
      results,
    },
    null,
    2,
  )}\n`,
);
