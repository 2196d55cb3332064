import type { KindDefinition } from '../catalog/types';
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import { type Graph, graphOf } from '../graph/graph';
import { AWS_PRICES, type PriceBook, REGION_TABLE, regionFactor } from '../pricing/prices';
import { COST_DEFAULTS, DEFAULT_SCENARIOS, type ScenarioName } from './defaults';
import { type EdgeComponent, edgeComponents } from './edges';
import { formatCount, nodeName } from './format';
import { CentsCache, FreeTier, Lines, priceLines } from './lines';
import { dollars } from './money';
import { summarize } from './summary';
import { propagateTraffic, type TrafficResult } from './traffic';
import type { CostComponent, CostEstimate, CostItem, UnknownPrice } from './types';
import { Assumptions, makeContext } from './usage';

export interface EstimateOptions {
  /** Prices to use instead of the built-in AWS price file (tests, price updates under review). */
  prices?: PriceBook;
}

const GLOBAL = { factor: 1, known: true } as const;

interface ItemDraft {
  node: DocumentNode;
  kind: KindDefinition | undefined;
  region: string;
  notes: string[] | undefined;
  free?: string;
  firstLine: number;
  lineCount: number;
}

function addNote(d: ItemDraft, note: string): void {
  if (d.notes) d.notes.push(note);
  else d.notes = [note];
}

/** Scenario multipliers of `doc` (document `usage.scenarios`, else the documented defaults). */
export function scenarioMultipliers(doc: ArchitectureDocument): Record<ScenarioName, number> {
  const s = doc.usage?.scenarios;
  return {
    low: s?.low ?? DEFAULT_SCENARIOS.low,
    typical: s?.typical ?? DEFAULT_SCENARIOS.typical,
    peak: s?.peak ?? DEFAULT_SCENARIOS.peak,
  };
}

/**
 * The monthly cost of a design: one item per node (zero-cost nodes included, with the reason), each
 * made of named components priced from the price file — the typical scenario, with low and peak
 * totals beside it — plus every assumption used, breakdowns by category and region, and the budget
 * comparison. Pure and deterministic; traffic propagation and the graph index are computed once per
 * document object, so re-estimating an unchanged document is cheap.
 */
export function estimateCost(doc: ArchitectureDocument, options: EstimateOptions = {}): CostEstimate {
  const book = options.prices ?? AWS_PRICES;
  const g = graphOf(doc);
  const traffic = propagateTraffic(doc, book.hoursPerMonth * 3600);
  const assumptions = new Assumptions();
  const multipliers = scenarioMultipliers(doc);
  const freeTier = doc.usage?.freeTier === true ? new FreeTier(book.freeTier) : undefined;

  assumptions.add(
    `${book.hoursPerMonth} hours a month; AWS list prices for ${book.region} (on-demand, Linux) as of ${book.asOf}`,
  );
  assumptions.add(
    freeTier
      ? 'AWS Free Tier applied once for the whole design (usage.freeTier), to lines in document order'
      : 'No free tier: set usage.freeTier to true to apply the AWS Free Tier',
  );
  const fmt = (m: number) => `x${m}`;
  assumptions.add(
    `Scenarios multiply usage-driven volumes: low ${fmt(multipliers.low)}, typical ${fmt(multipliers.typical)}, peak ${fmt(multipliers.peak)}` +
      (doc.usage?.scenarios ? ' (usage.scenarios)' : ' (defaults; set usage.scenarios to change them)'),
  );
  trafficAssumptions(doc, traffic, assumptions, g, book.hoursPerMonth * 3600);

  const edgeLines = edgeComponents(doc, g, traffic, assumptions);
  const lines = new Lines();
  const drafts: ItemDraft[] = [];
  const unknownPrices: UnknownPrice[] = [];
  const regionsUsed = new Map<string, { factor: number; known: boolean }>();
  const ctx = makeContext<Record<string, unknown>>({
    doc,
    graph: g,
    traffic,
    assumptions,
    hoursPerMonth: book.hoursPerMonth,
  });

  // Without repeated ids (a loaded document has none) a node's place is its number in the index.
  const positional = g.arrays.nodes.length === doc.nodes.length;
  for (let p = 0; p < doc.nodes.length; p++) {
    const node = doc.nodes[p] as DocumentNode;
    const index = positional ? p : g.indexOf(node.id);
    const kind = g.arrays.kinds[index];
    const global = kind?.traits.includes('global') === true;
    const region = global ? 'global' : g.regionAt(index);
    const rf = global ? GLOBAL : regionFactor(region);
    const draft: ItemDraft = { node, kind, region, notes: undefined, firstLine: lines.length, lineCount: 0 };
    drafts.push(draft);
    if (!kind) {
      draft.notes = [`Unknown kind "${node.kind}": not priced`];
      continue;
    }
    if ('free' in kind.cost) {
      draft.free = kind.cost.free;
      draft.notes = [kind.cost.free];
    } else {
      if (!global && !regionsUsed.has(region)) regionsUsed.set(region, rf);
      for (const spec of kind.cost.aws.components(ctx.bind(node, kind, region, index))) {
        lines.push(spec, book.get(spec.priceKey), rf.factor);
      }
    }
    const onEdges = edgeLines[index];
    if (onEdges) for (const spec of onEdges) lines.push(spec, book.get(spec.priceKey), rf.factor);
    draft.lineCount = lines.length - draft.firstLine;
  }

  const cache = new CentsCache();
  const typical = priceLines(lines, multipliers.typical, freeTier, cache);
  const itemCents: number[] = new Array(drafts.length);
  const defaultNotes = new Map<string, string>();
  const items: CostItem[] = drafts.map((d, index) => {
    const components: CostComponent[] = new Array(d.lineCount);
    let cents = 0;
    let dependsOnUsage = false;
    let defaulted: string | undefined;
    let defaultedFields: string[] | undefined;
    /** Does a line have a quantity and a unit price above zero (so a $0.00 item must say why)? */
    let priced = false;
    for (let k = 0; k < d.lineCount; k++) {
      const i = d.firstLine + k;
      const spec = lines.specs[i] as EdgeComponent;
      const price = lines.prices[i];
      const free = typical.freeQuantity[i] as number;
      const c = component(
        spec,
        typical.quantity[i] as number,
        price?.unit ?? 'unknown',
        price ? cache.unitPrice(price, lines.factors[i] as number) : 0,
        dollars(typical.cents[i] as number),
        free,
      );
      if (!price) {
        c.priceUnknown = true;
        const subject = spec.subject ?? spec.priceKey;
        unknownPrices.push({ nodeId: d.node.id, priceKey: spec.priceKey, subject });
        addNote(
          d,
          `Price unknown for ${subject}: it is not in the price file, so "${spec.name}" counts as $0`,
        );
      }
      if (c.usageBased) dependsOnUsage = true;
      const usage = spec.usage;
      if (usage?.source === 'default') {
        if (defaultedFields === undefined) {
          defaultedFields = [usage.field];
          defaulted = usage.field;
        } else if (!defaultedFields.includes(usage.field)) {
          defaultedFields.push(usage.field);
          defaulted = `${defaulted}, ${usage.field}`;
        }
      }
      cents += typical.cents[i] as number;
      if (price && c.quantity > 0 && c.unitPrice > 0) priced = true;
      components[k] = c;
    }
    if (cents === 0 && priced) {
      // Priced lines whose sum rounds to nothing: say so, rather than show a bare $0.00.
      const names = components.filter((c) => c.quantity > 0 && c.unitPrice > 0).map((c) => `"${c.name}"`);
      const what = names.length === 1 ? `${names[0]} costs` : `${listed(names)} cost`;
      addNote(d, `Rounds to $0.00 a month: ${what} less than half a cent at the volumes used`);
    }
    if (defaulted !== undefined) {
      let note = defaultNotes.get(defaulted);
      if (note === undefined) {
        note = `Depends on usage nobody stated: ${defaulted} assumed (see assumptions)`;
        defaultNotes.set(defaulted, note);
      }
      addNote(d, note);
    }
    itemCents[index] = cents;
    const item: CostItem = {
      nodeId: d.node.id,
      kind: d.node.kind,
      label: d.node.label,
      category: d.kind?.category ?? 'operations',
      region: d.region,
      monthly: dollars(cents),
      components,
      dependsOnUsage,
      usesDefaultUsage: defaulted !== undefined,
    };
    if (d.free !== undefined) item.free = d.free;
    if (d.notes !== undefined) item.note = d.notes.length === 1 ? (d.notes[0] as string) : d.notes.join('; ');
    return item;
  });

  for (const [region, rf] of regionsUsed) {
    if (region === REGION_TABLE.baseRegion) continue;
    assumptions.add(
      rf.known
        ? `Prices in ${region} are ${REGION_TABLE.baseRegion} prices x ${rf.factor} (regional multiplier from the ratio of ${REGION_TABLE.basis}; regions.json)`
        : `No regional multiplier for ${region}: ${REGION_TABLE.baseRegion} prices used as they are`,
    );
  }

  return summarize({
    doc,
    book,
    lines,
    typical,
    items,
    multipliers,
    freeTier,
    cents: cache,
    itemCents,
    assumptions: assumptions.list(),
    unknownPrices,
    regions: [...regionsUsed].map(([region, rf]) => ({ region, factor: rf.factor, known: rf.known })),
  });
}

/**
 * One component of an item, its keys always in the same order. The common shapes are written as
 * whole literals so that each object is made at its final size (tens of thousands of them on a
 * large design); the rare ones (free tier) get their keys added.
 */
function component(
  spec: EdgeComponent,
  quantity: number,
  unit: string,
  unitPrice: number,
  monthly: number,
  free: number,
): CostComponent {
  const { name, priceKey, usage, edgeId } = spec;
  const usageBased = spec.usageBased === true;
  if (free === 0) {
    if (usage && edgeId !== undefined)
      return { name, quantity, unit, unitPrice, monthly, priceKey, usageBased, usage, edgeId };
    if (usage) return { name, quantity, unit, unitPrice, monthly, priceKey, usageBased, usage };
    if (edgeId !== undefined)
      return { name, quantity, unit, unitPrice, monthly, priceKey, usageBased, edgeId };
    return { name, quantity, unit, unitPrice, monthly, priceKey, usageBased };
  }
  const c: CostComponent = { name, quantity, unit, unitPrice, monthly, priceKey, usageBased };
  if (usage) c.usage = usage;
  c.freeQuantity = free;
  if (edgeId !== undefined) c.edgeId = edgeId;
  return c;
}

/** "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function trafficAssumptions(
  doc: ArchitectureDocument,
  traffic: TrafficResult,
  assumptions: Assumptions,
  g: Graph,
  secondsPerMonth: number,
): void {
  const positional = g.arrays.nodes.length === doc.nodes.length;
  for (let p = 0; p < doc.nodes.length; p++) {
    const n = doc.nodes[p] as DocumentNode;
    if (n.kind !== 'client') continue;
    const st = traffic.stateAt(positional ? p : g.indexOf(n.id));
    if (!st?.root) continue;
    const rps = st.outflow / secondsPerMonth;
    assumptions.add(
      `Traffic starts at ${nodeName(n)}: ${formatCount(rps)} requests/s` +
        (st.rootDefault ? ' (the client kind default; state requestsPerSecond)' : '') +
        ` = ${formatCount(st.outflow)} requests a month, following each edge's ratio downstream`,
    );
  }
  for (const k of traffic.backEdgeIndices) {
    const id = (g.arrays.edgeDocs[k] as DocumentEdge).id;
    if (!(traffic.stateAt(g.arrays.edgeSource[k] as number)?.outflow ?? 0)) continue;
    assumptions.add(
      'Edges that close a cycle carry no derived traffic (it would count the same requests again)',
      id,
    );
  }
  for (const id of traffic.cappedEdges) {
    assumptions.add(
      'Callers cache what a secrets vault answers: calls along these edges are capped at one per hour per secret',
      id,
    );
  }
  for (const id of traffic.cappedNodes) {
    assumptions.add(
      'Derived traffic capped at 10^15 requests a month: the ratios along the edges multiply it without bound',
      id,
    );
  }
  for (const id of traffic.defaultedRatios) {
    const d = COST_DEFAULTS.redriveShare;
    assumptions.add(
      `Redrive edges: ${d.value * 100}% of messages assumed to reach the dead-letter queue (${d.why})`,
      id,
    );
  }
}
