import { CATEGORIES, type CategoryId } from '../catalog/types';
import type { ArchitectureDocument } from '../document/schema';
import type { PriceBook } from '../pricing/prices';
import { SCENARIO_NAMES, type ScenarioName } from './defaults';
import type { CentsCache, FreeTier, Lines, PricedLines } from './lines';
import { priceTotal } from './lines';
import { dollars } from './money';
import type { BreakdownLine, CostBudget, CostEstimate, CostItem, ScenarioTotal, UnknownPrice } from './types';

/**
 * The totals around the items: the three scenarios, breakdowns by category and by region, and the
 * comparison with the document's budget. Every total is a sum of integer cents.
 */

export interface SummaryInput {
  doc: ArchitectureDocument;
  book: PriceBook;
  lines: Lines;
  typical: PricedLines;
  items: CostItem[];
  /** Whole cents of each item, in item order. */
  itemCents: readonly number[];
  multipliers: Record<ScenarioName, number>;
  freeTier: FreeTier | undefined;
  cents: CentsCache;
  assumptions: string[];
  unknownPrices: UnknownPrice[];
  regions: { region: string; factor: number; known: boolean }[];
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

export function summarize(input: SummaryInput): CostEstimate {
  const { doc, book, lines, typical, items, multipliers, freeTier } = input;
  const itemCents = input.itemCents;
  const totalCents = itemCents.reduce((a, b) => a + b, 0);

  const scenarioCents = {} as Record<ScenarioName, number>;
  for (const name of SCENARIO_NAMES) {
    const m = multipliers[name];
    scenarioCents[name] =
      m === multipliers.typical ? typical.totalCents : priceTotal(lines, m, freeTier, input.cents, typical);
  }
  const scenarios = {} as Record<ScenarioName, ScenarioTotal>;
  for (const name of SCENARIO_NAMES) {
    scenarios[name] = { multiplier: multipliers[name], monthlyTotal: dollars(scenarioCents[name]) };
  }

  const byCategory = new Map<CategoryId, { cents: number; nodeIds: string[] }>();
  const byRegion = new Map<string, { cents: number; nodeIds: string[] }>();
  items.forEach((item, i) => {
    const c = itemCents[i] as number;
    add(byCategory, item.category, c, item.nodeId);
    add(byRegion, item.region, c, item.nodeId);
  });
  const line = (v: { cents: number; nodeIds: string[] }): BreakdownLine => ({
    monthly: dollars(v.cents),
    percent: percent(v.cents, totalCents),
    nodeIds: v.nodeIds,
  });
  const factors = new Map(input.regions.map((r) => [r.region, r.factor]));

  const estimate: CostEstimate = {
    currency: 'USD',
    monthlyTotal: dollars(totalCents),
    items,
    assumptions: input.assumptions,
    pricing: {
      provider: book.provider,
      region: book.region,
      source: book.source,
      asOf: book.asOf,
      regions: input.regions,
      freeTier: freeTier !== undefined,
    },
    scenarios,
    breakdown: {
      byCategory: CATEGORIES.filter((c) => byCategory.has(c.id)).map((c) => ({
        category: c.id,
        label: c.label,
        ...line(byCategory.get(c.id) as { cents: number; nodeIds: string[] }),
      })),
      byRegion: [...byRegion]
        .sort((a, b) => b[1].cents - a[1].cents || a[0].localeCompare(b[0]))
        .map(([region, v]) => ({ region, factor: factors.get(region) ?? 1, ...line(v) })),
    },
    unknownPrices: input.unknownPrices,
  };
  if (doc.budget !== undefined) estimate.budget = budgetOf(doc.budget, totalCents, scenarioCents);
  return estimate;
}

function budgetOf(
  amount: number,
  totalCents: number,
  scenarioCents: Record<ScenarioName, number>,
): CostBudget {
  const budgetCents = Math.round(amount * 100);
  return {
    amount,
    monthlyTotal: dollars(totalCents),
    remaining: dollars(budgetCents - totalCents),
    overBudget: totalCents > budgetCents,
    percentUsed: budgetCents === 0 ? null : percent(totalCents, budgetCents),
    scenariosOverBudget: SCENARIO_NAMES.filter((s) => scenarioCents[s] > budgetCents),
  };
}

function add<K>(
  map: Map<K, { cents: number; nodeIds: string[] }>,
  key: K,
  cents: number,
  nodeId: string,
): void {
  const v = map.get(key);
  if (v) {
    v.cents += cents;
    v.nodeIds.push(nodeId);
  } else map.set(key, { cents, nodeIds: [nodeId] });
}
