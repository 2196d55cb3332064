import type { KindDefinition } from '../catalog/types';
import type { ArchitectureDocument, DocumentNode } from '../document/schema';
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

  for (const node of doc.nodes) {
    const kind = g.kindOf(node.id);
    const global = kind?.traits.includes('global') === true;
    const region = global ? 'global' : g.regionOf(node.id);
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
      for (const spec of kind.cost.aws.components(ctx.bind(node, kind, region))) {
        lines.push(spec, book.get(spec.priceKey), rf.factor);
      }
    }
    const onEdges = edgeLines.get(node.id);
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
    for (let k = 0; k < d.lineCount; k++) {
      const i = d.firstLine + k;
      const spec = lines.specs[i] as EdgeComponent;
      const price = lines.prices[i];
      const c: CostComponent = {
        name: spec.name,
        quantity: typical.quantity[i] as number,
        unit: price?.unit ?? 'unknown',
        unitPrice: price ? cache.unitPrice(price, lines.factors[i] as number) : 0,
        monthly: dollars(typical.cents[i] as number),
        priceKey: spec.priceKey,
        usageBased: spec.usageBased === true,
      };
      if (spec.usage) c.usage = spec.usage;
      const free = typical.freeQuantity[i] as number;
      if (free > 0) c.freeQuantity = free;
      if (spec.edgeId !== undefined) c.edgeId = spec.edgeId;
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
      components[k] = c;
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

function trafficAssumptions(
  doc: ArchitectureDocument,
  traffic: TrafficResult,
  assumptions: Assumptions,
  g: Graph,
  secondsPerMonth: number,
): void {
  for (const n of doc.nodes) {
    if (n.kind !== 'client') continue;
    const st = traffic.nodes.get(n.id);
    if (!st?.root) continue;
    const rps = st.outflow / secondsPerMonth;
    assumptions.add(
      `Traffic starts at ${nodeName(n)}: ${formatCount(rps)} requests/s` +
        (st.rootDefault ? ' (the client kind default; state requestsPerSecond)' : '') +
        ` = ${formatCount(st.outflow)} requests a month, following each edge's ratio downstream`,
    );
  }
  for (const id of traffic.backEdges) {
    const e = g.edgesById.get(id);
    if (!e || !(traffic.nodes.get(e.source.id)?.outflow ?? 0)) continue;
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
