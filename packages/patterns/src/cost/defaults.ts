/**
 * The documented defaults of the cost model that are not tied to one kind (each kind's own volume
 * defaults sit in its cost declaration). Every one of them that an estimate uses is listed in the
 * estimate's assumptions, with the reason given here, so a reviewer can challenge it.
 */

/** A documented default: the number and why it is that number. */
export interface Documented {
  readonly value: number;
  readonly why: string;
}

export const COST_DEFAULTS = {
  /** Share of a queue's messages that fail `maxReceiveCount` times and are redriven to its DLQ. */
  redriveShare: {
    value: 0.01,
    why: 'a healthy consumer fails about 1% of messages for good; set ratio on the redrive edge to change it',
  },
  /** Read share of requests on an edge whose access is `readwrite`. */
  readShare: {
    value: 0.8,
    why: 'most service traffic to a data store is reads; set access read or write on the edge to be exact',
  },
  /** Average payload of a request or message, for data transfer and payload-priced lines. */
  payloadKb: {
    value: 1,
    why: 'a small JSON request or message; set usage.payloadKb on the document or payloadKb on an edge',
  },
  /** Calls per month along an edge that crosses a zone or region boundary but carries no derived traffic. */
  edgeCallsPerMonth: {
    value: 1_000_000,
    why: 'no traffic reaches the edge; connect a client with requestsPerSecond or state the volume on its source',
  },
} as const satisfies Record<string, Documented>;

/** Multipliers of usage-driven volumes for the three scenarios (document `usage.scenarios` overrides). */
export const DEFAULT_SCENARIOS = { low: 0.5, typical: 1, peak: 3 } as const;
export type ScenarioName = keyof typeof DEFAULT_SCENARIOS;
export const SCENARIO_NAMES: readonly ScenarioName[] = ['low', 'typical', 'peak'];

/** Bytes in a GB as AWS bills data transfer (2^30). */
export const KB_PER_GB = 1024 * 1024;
