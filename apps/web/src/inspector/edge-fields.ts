import type { EdgeConfig, EdgeKind, KindDefinition } from '@stackdraft/patterns';

/** One editable edge setting: where it lives in `edge.config`, and when it applies. */
export interface EdgeFieldSpec {
  path: readonly [keyof EdgeConfig] | readonly [keyof EdgeConfig, string];
  label: string;
  type: 'integer' | 'number' | 'boolean' | 'string' | 'enum';
  unit?: string;
  help?: string;
  options?: readonly string[];
  section: 'Resilience' | 'Traffic' | 'Route' | 'Messaging';
  applies(kind: EdgeKind | undefined, source: KindDefinition, target: KindDefinition): boolean;
}

const sync = (k: EdgeKind | undefined) => k === 'sync';
const intoData = (_k: EdgeKind | undefined, _s: KindDefinition, t: KindDefinition) =>
  (t.traits as readonly string[]).includes('data');
const fromGateway = (_k: EdgeKind | undefined, s: KindDefinition) => s.id === 'api-gateway';
const messaging = (_k: EdgeKind | undefined, s: KindDefinition, t: KindDefinition) =>
  [s.id, t.id].some((id) => id === 'kafka' || id === 'topic' || id === 'stream');

/**
 * The edge settings of DESIGN.md: resilience on sync edges (timeout, retry with backoff and
 * jitter, circuit breaker), access mode into data stores, routes out of gateways, traffic ratios.
 */
export const EDGE_FIELDS: readonly EdgeFieldSpec[] = [
  {
    path: ['timeoutMs'],
    label: 'Timeout',
    type: 'integer',
    unit: 'ms',
    section: 'Resilience',
    applies: sync,
    help: "The caller's timeout for one call.",
  },
  {
    path: ['retry', 'maxAttempts'],
    label: 'Retry: max attempts',
    type: 'integer',
    section: 'Resilience',
    applies: sync,
    help: 'Attempts in total, including the first.',
  },
  {
    path: ['retry', 'baseDelayMs'],
    label: 'Retry: base delay',
    type: 'number',
    unit: 'ms',
    section: 'Resilience',
    applies: sync,
    help: 'First backoff; it doubles on each retry.',
  },
  {
    path: ['retry', 'maxDelayMs'],
    label: 'Retry: max delay',
    type: 'number',
    unit: 'ms',
    section: 'Resilience',
    applies: sync,
  },
  {
    path: ['retry', 'jitter'],
    label: 'Retry with jitter',
    type: 'boolean',
    section: 'Resilience',
    applies: sync,
    help: 'Randomise backoff so that callers do not retry in lockstep.',
  },
  {
    path: ['circuitBreaker', 'failureThreshold'],
    label: 'Circuit breaker: failures to open',
    type: 'integer',
    section: 'Resilience',
    applies: sync,
  },
  {
    path: ['circuitBreaker', 'resetTimeoutS'],
    label: 'Circuit breaker: reset after',
    type: 'number',
    unit: 's',
    section: 'Resilience',
    applies: sync,
  },
  {
    path: ['protocol'],
    label: 'Protocol',
    type: 'enum',
    options: ['http', 'grpc', 'tcp'],
    section: 'Resilience',
    applies: sync,
  },
  {
    path: ['access'],
    label: 'Access',
    type: 'enum',
    options: ['read', 'write', 'readwrite'],
    section: 'Traffic',
    applies: intoData,
    help: 'What the caller does with the data store (default readwrite).',
  },
  {
    path: ['route'],
    label: 'Route',
    type: 'string',
    section: 'Route',
    applies: fromGateway,
    help: 'e.g. /orders/*',
  },
  {
    path: ['rateLimitPerSecond'],
    label: 'Route rate limit',
    type: 'number',
    unit: 'requests/s',
    section: 'Route',
    applies: fromGateway,
  },
  { path: ['topic'], label: 'Topic', type: 'string', section: 'Messaging', applies: messaging },
  {
    path: ['consumerGroup'],
    label: 'Consumer group',
    type: 'string',
    section: 'Messaging',
    applies: messaging,
  },
  {
    path: ['batchSize'],
    label: 'Batch size',
    type: 'integer',
    section: 'Messaging',
    applies: (k) => k === 'trigger',
  },
  {
    path: ['ratio'],
    label: 'Calls per inbound request',
    type: 'number',
    section: 'Traffic',
    applies: () => true,
    help: 'Traffic propagation: calls or messages sent per request arriving at the source (default 1).',
  },
  {
    path: ['payloadKb'],
    label: 'Average payload',
    type: 'number',
    unit: 'KB',
    section: 'Traffic',
    applies: () => true,
  },
];

/** The value at a field's path in an edge config. */
export function readEdgeField(config: EdgeConfig | undefined, path: EdgeFieldSpec['path']): unknown {
  const top = config?.[path[0]];
  if (path.length === 1) return top;
  return top && typeof top === 'object' ? (top as Record<string, unknown>)[path[1]] : undefined;
}

/** A new edge config with the field set (undefined removes it; an emptied group is removed). */
export function writeEdgeField(
  config: EdgeConfig | undefined,
  path: EdgeFieldSpec['path'],
  value: unknown,
): EdgeConfig {
  const next: Record<string, unknown> = { ...(config ?? {}) };
  if (path.length === 1) {
    if (value === undefined) delete next[path[0]];
    else next[path[0]] = value;
    return next as EdgeConfig;
  }
  const inner: Record<string, unknown> = {
    ...((next[path[0]] as Record<string, unknown> | undefined) ?? {}),
  };
  if (value === undefined) delete inner[path[1]];
  else inner[path[1]] = value;
  if (Object.keys(inner).length === 0) delete next[path[0]];
  else next[path[0]] = inner;
  return next as EdgeConfig;
}
