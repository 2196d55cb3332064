import { listing, setting } from './context';
import { costOf, usd } from './cost';
import { defineRule } from './define-rule';

/** A stated workload at or below this many requests a second (~52 million a month) is small. */
export const SMALL_WORKLOAD_RPS = 20;
/** This many services or more is a microservices architecture. */
export const MANY_SERVICES = 6;
/**
 * What a lean, single-region design (managed and serverless services) costs: a floor for the parts
 * that are always on, plus a price per million requests. A design costing more than
 * `EXCESS_FACTOR` times that is built for a much bigger workload than the one stated.
 */
export const LEAN_FLOOR_USD = 50;
export const LEAN_USD_PER_MILLION_REQUESTS = 20;
export const EXCESS_FACTOR = 10;
const SECONDS_PER_MONTH = 730 * 3600;

export const overEngineered = defineRule({
  id: 'over-engineered',
  title: 'Over-engineered for the stated workload',
  severity: 'warning',
  pillar: 'cost-optimization',
  alsoAffects: ['sustainability'],
  explanation:
    'Microservices, several regions and real-time cross-region replication solve problems of scale and ' +
    'availability that a small workload does not have yet, and each multiplies the bill, the idle capacity ' +
    'and the operational work. The seed’s third pitfall is exactly this: an architecture that costs ' +
    '$10,000 a month where the actual need is $500. The correct version starts simple (one region, few ' +
    'services, asynchronous processing where it decouples) and scales as the traffic grows. This rule ' +
    'compares what the design is built for with the workload its clients state (requestsPerSecond; else ' +
    'the document’s usage.requestsPerMonth): with ' +
    `${SMALL_WORKLOAD_RPS} requests/s or less, it flags services in several regions, ${MANY_SERVICES} or ` +
    'more always-on services (functions, which scale to zero, do not count), or always-on capacity (what is ' +
    'billed by the hour, not by use) costing more than ten times what a lean design for that traffic costs ' +
    `(about $${LEAN_FLOOR_USD} plus $${LEAN_USD_PER_MILLION_REQUESTS} per million requests). If the ` +
    'design really must survive a region failure at this size, suppress the finding and say why.',
  pattern: 'Common Pitfalls 3: Ignoring Cost in Architecture (start simple, scale as needed)',
  check(graph, ctx) {
    const clients = ctx.withTrait('entry').filter((c) => typeof c.config?.requestsPerSecond === 'number');
    const documentRequests = ctx.doc.usage?.requestsPerMonth;
    // The workload as stated: by the clients, else by the document's usage; a default is not stated.
    const rps =
      clients.length > 0
        ? clients.reduce((s, c) => s + setting<number>(c, 'requestsPerSecond'), 0)
        : documentRequests !== undefined
          ? documentRequests / SECONDS_PER_MONTH
          : undefined;
    if (rps === undefined || rps > SMALL_WORKLOAD_RPS) return [];

    const services = ctx.withTrait('compute');
    const regions = new Set(services.map((s) => graph.regionOf(s.id)));
    const { edgeKinds, edgeSource, edgeTarget } = graph.arrays;
    let crossRegion = false;
    for (let k = 0; k < graph.edgeCount && !crossRegion; k++) {
      crossRegion =
        edgeKinds[k] === 'replication' &&
        graph.regionAt(edgeSource[k] as number) !== graph.regionAt(edgeTarget[k] as number);
    }
    // Usage-based lines (requests, messages, GB) grow with the workload whatever the design; what
    // is built ahead of need shows in the capacity billed every hour.
    const alwaysOnCost = costOf(ctx.doc).items.reduce(
      (sum, item) => sum + item.components.reduce((s, c) => (c.usageBased ? s : s + c.monthly), 0),
      0,
    );
    const requestsPerMonth = rps * SECONDS_PER_MONTH;
    const lean = LEAN_FLOOR_USD + (LEAN_USD_PER_MILLION_REQUESTS * requestsPerMonth) / 1e6;

    const signals: string[] = [];
    if (regions.size >= 2)
      signals.push(
        `runs services in ${regions.size} regions${crossRegion ? ' with cross-region replication' : ''}`,
      );
    // Functions scale to zero and cost nothing idle (workflow steps, event handlers): count the
    // services that run, and bill, all the time.
    const alwaysOn = services.filter((s) => s.kind !== 'function').length;
    if (alwaysOn >= MANY_SERVICES) signals.push(`splits the work into ${alwaysOn} always-on services`);
    if (alwaysOnCost > EXCESS_FACTOR * lean) {
      signals.push(
        `pays ${usd(alwaysOnCost)} / month for always-on capacity, over ${EXCESS_FACTOR} times the ~${usd(lean)} a lean design for this traffic costs`,
      );
    }
    if (signals.length === 0) return [];

    const regionGroups = new Set<string>();
    if (regions.size >= 2) {
      for (const s of services) {
        const g = graph.enclosing(s.id, 'region');
        if (g) regionGroups.add(g.id);
      }
    }
    return [
      {
        nodeIds: [...clients.map((c) => c.id), ...regionGroups],
        discriminator: 'design',
        message:
          `For a stated workload of ${formatRps(rps)} (about ${millions(requestsPerMonth)} requests a month), ` +
          `the design ${listing(signals)}. Start simpler and scale as the traffic grows.`,
      },
    ];
  },
});

function formatRps(rps: number): string {
  const n = Number.isInteger(rps) ? String(rps) : rps < 0.1 ? rps.toPrecision(1) : rps.toFixed(1);
  return `${n} ${n === '1' ? 'request' : 'requests'}/s`;
}

function millions(n: number): string {
  const m = n / 1e6;
  return `${m >= 10 ? Math.round(m) : Math.round(m * 10) / 10} million`;
}
