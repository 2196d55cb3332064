import { z } from 'zod';
import awsUsEast1 from './aws-us-east-1.json' with { type: 'json' };
import regionTable from './regions.json' with { type: 'json' };

/**
 * The price data, read from the JSON files beside this module: list prices for one region with a
 * source and an as-of date each, and a documented regional multiplier table. Prices live in data,
 * never in code; this module only checks their shape once and looks them up.
 */

const priceSchema = z
  .object({
    value: z.number().min(0),
    unit: z.string().min(1),
    description: z.string().min(1),
    source: z.url(),
    asOf: z.iso.date(),
    confirmed: z.boolean(),
    note: z.string().optional(),
  })
  .strict();

const freeAllowanceSchema = z
  .object({
    id: z.string().min(1),
    description: z.string().min(1),
    priceKeys: z.array(z.string().min(1)).min(1),
    quantity: z.number().positive(),
    source: z.url(),
    asOf: z.iso.date(),
  })
  .strict();

const priceFileSchema = z
  .object({
    $comment: z.string(),
    provider: z.literal('aws'),
    region: z.string(),
    currency: z.literal('USD'),
    asOf: z.iso.date(),
    hoursPerMonth: z.number().positive(),
    prices: z.record(z.string(), priceSchema),
    freeTier: z.array(freeAllowanceSchema),
  })
  .strict();

const regionFileSchema = z
  .object({
    $comment: z.string(),
    basis: z.string(),
    source: z.url(),
    asOf: z.iso.date(),
    confirmed: z.boolean(),
    baseRegion: z.string(),
    regions: z.record(
      z.string(),
      z.object({ name: z.string(), referenceHourly: z.number().positive() }).strict(),
    ),
  })
  .strict();

/** One list price: `value` USD per `unit`, read from `source` on `asOf`. */
export interface Price extends z.output<typeof priceSchema> {
  readonly key: string;
}

/** An always-free allowance (AWS Free Tier), applied only when the document asks (`usage.freeTier`). */
export type FreeAllowance = z.output<typeof freeAllowanceSchema>;

/** A provider's prices for its base region, looked up by key. */
export interface PriceBook {
  readonly provider: 'aws';
  readonly region: string;
  readonly currency: 'USD';
  /** The newest as-of date of the prices. */
  readonly asOf: string;
  readonly hoursPerMonth: number;
  /** A summary of where the prices come from, for the estimate's `pricing.source`. */
  readonly source: string;
  readonly keys: readonly string[];
  get(key: string): Price | undefined;
  readonly freeTier: readonly FreeAllowance[];
}

function buildPriceBook(raw: unknown): PriceBook {
  const file = priceFileSchema.parse(raw);
  const prices = new Map<string, Price>();
  for (const [key, p] of Object.entries(file.prices)) prices.set(key, { key, ...p });
  return {
    provider: file.provider,
    region: file.region,
    currency: file.currency,
    asOf: file.asOf,
    hoursPerMonth: file.hoursPerMonth,
    source: 'AWS public list prices (on-demand, Linux), each from its service pricing page on aws.amazon.com',
    keys: [...prices.keys()],
    get: (key) => prices.get(key),
    freeTier: file.freeTier,
  };
}

/** AWS list prices for us-east-1 (`aws-us-east-1.json`). */
export const AWS_PRICES: PriceBook = buildPriceBook(awsUsEast1);

const regions = regionFileSchema.parse(regionTable);
const baseEntry = regions.regions[regions.baseRegion];
if (!baseEntry) throw new Error(`regions.json has no entry for its base region ${regions.baseRegion}`);
const baseReference: number = baseEntry.referenceHourly;

/** How prices of `region` relate to the base region's: the factor, and whether the table knows the region. */
export interface RegionFactor {
  readonly region: string;
  readonly factor: number;
  readonly known: boolean;
  readonly name?: string;
}

/** The documented regional multiplier table (`regions.json`): its basis and source, for assumptions. */
export const REGION_TABLE = {
  basis: regions.basis,
  source: regions.source,
  asOf: regions.asOf,
  baseRegion: regions.baseRegion,
} as const;

const factorCache = new Map<string, RegionFactor>();

/**
 * The multiplier from base-region (us-east-1) prices to `region`'s: the ratio of the region's
 * reference instance price to the base region's, rounded to four decimals so that the figure in
 * the assumptions is the figure used. Unknown regions get 1 with `known: false`.
 */
export function regionFactor(region: string): RegionFactor {
  const cached = factorCache.get(region);
  if (cached) return cached;
  const entry = regions.regions[region];
  const r: RegionFactor = entry
    ? {
        region,
        factor: Math.round((entry.referenceHourly / baseReference) * 1e4) / 1e4,
        known: true,
        name: entry.name,
      }
    : { region, factor: 1, known: false };
  factorCache.set(region, r);
  return r;
}

/** Regions the multiplier table knows, in file order. */
export const PRICED_REGIONS: readonly string[] = Object.keys(regions.regions);
