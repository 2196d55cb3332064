import type { ImportContext } from '../context';
import type { TfResource } from '../parse';

/** Candidate config values; each is checked against the kind's schema before it is kept. */
export type Candidate = Record<string, unknown>;

/**
 * Maps one family of Terraform resource types to a catalog kind. `config` reads what the kind's
 * config can hold; values that the kind's schema refuses are dropped with a warning.
 */
export interface ResourceMapper {
  readonly types: readonly string[];
  /** When present, only resources it accepts are mapped (others are supporting resources). */
  applies?(res: TfResource, ctx: ImportContext): boolean;
  /** Resources with the same merge key become one node (e.g. every alarm of a module). */
  mergeKey?(res: TfResource, ctx: ImportContext): string | undefined;
  kind(res: TfResource, ctx: ImportContext): string;
  config(res: TfResource, ctx: ImportContext): Candidate;
}

/** Drops undefined values, so a key the Terraform does not set keeps the kind's default. */
export function defined(values: Candidate): Candidate {
  const out: Candidate = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && !Number.isNaN(v)) out[k] = v;
  return out;
}

/** Lower-cases a Terraform enum value (`PAY_PER_REQUEST`) for lookups. */
export const lower = (s: string | undefined) => s?.toLowerCase();
