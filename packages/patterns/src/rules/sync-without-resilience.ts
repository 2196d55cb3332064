import type { EdgeConfig } from '../document/schema';
import { isServiceCallAt } from './call-graph';
import { listing, named } from './context';
import { defineRule } from './define-rule';
import { updateEdges } from './edit';
import type { Draft } from './types';

/** What the fix sets: the seed's resilience defaults (2 s timeout, 3 attempts with jittered backoff). */
export const RESILIENCE_DEFAULTS = {
  timeoutMs: 2000,
  retry: { maxAttempts: 3, baseDelayMs: 100, jitter: true },
  circuitBreaker: { failureThreshold: 5, resetTimeoutS: 60 },
} as const satisfies EdgeConfig;

const PARTS = [
  { key: 'timeoutMs', name: 'a timeout' },
  { key: 'retry', name: 'retries with backoff' },
  { key: 'circuitBreaker', name: 'a circuit breaker' },
] as const;

function missingParts(config: EdgeConfig | undefined) {
  return PARTS.filter((p) => config?.[p.key] === undefined);
}

/** `missingParts(config).length > 0` without making the list (every service call is checked). */
function missesAny(config: EdgeConfig | undefined): boolean {
  return config?.timeoutMs === undefined || config.retry === undefined || config.circuitBreaker === undefined;
}

export const syncWithoutResilience = defineRule({
  id: 'sync-without-resilience',
  title: 'Synchronous call without timeout, retry or circuit breaker',
  severity: 'warning',
  pillar: 'reliability',
  explanation:
    'A synchronous call to another service fails in slow ways: without a timeout the caller waits as long ' +
    'as the callee hangs, holding a thread and a connection; without retries a single dropped packet becomes ' +
    'a user-facing error; and without a circuit breaker a struggling callee keeps receiving full traffic ' +
    'and cannot recover, while its callers pile up behind it. The seed’s resilience patterns go together on ' +
    'every service-to-service call: a timeout shorter than the caller’s own, retry with exponential backoff ' +
    'and jitter (so retries from many callers do not arrive in waves), and a circuit breaker that fails fast ' +
    'once the callee is clearly down (e.g. after 5 failures, retried after 60 s).',
  pattern: 'Resilience Patterns: Circuit Breaker, Retry with Exponential Backoff',
  check(graph) {
    const drafts: Draft[] = [];
    for (let k = 0; k < graph.edgeCount; k++) {
      // Arrays first: only the calls reported are made into edge objects.
      if (!isServiceCallAt(graph.arrays, k) || !missesAny(graph.arrays.edgeDocs[k]?.config)) continue;
      const r = graph.edgeAt(k);
      const missing = missingParts(r.edge.config).map((p) => p.name);
      drafts.push({
        nodeIds: [r.source.id, r.target.id],
        edgeIds: [r.edge.id],
        discriminator: r.edge.id,
        message: `${named(r.source)} calls ${named(r.target)} synchronously without ${listing(missing, 'or')}.`,
        fixLabel: `Add ${listing(missing)} to this call`,
      });
    }
    return drafts;
  },
  fix: {
    id: 'add-resilience',
    label: 'Add timeout, retries and circuit breaker',
    apply(doc, finding) {
      return updateEdges(doc, new Set(finding.edgeIds), (edge) => {
        const config: EdgeConfig = { ...edge.config };
        config.timeoutMs ??= RESILIENCE_DEFAULTS.timeoutMs;
        config.retry ??= { ...RESILIENCE_DEFAULTS.retry };
        config.circuitBreaker ??= { ...RESILIENCE_DEFAULTS.circuitBreaker };
        return { ...edge, config };
      });
    },
  },
});
