import { resolveConfig } from '../catalog/registry';
import type { DocumentNode } from '../document/schema';
import type { Graph } from '../graph/graph';

/*
 * What the failure analysis and the flow walkthrough know about how kinds behave when something
 * fails. Kept as data in one place; it belongs in each kind's definition (a `resilience` entry of
 * `defineKind`) once the catalog grows one, so that a new kind brings its own.
 */

type Config = Record<string, unknown>;
const num = (c: Config, k: string) => (typeof c[k] === 'number' ? (c[k] as number) : 0);

interface ZoneBehaviour {
  /** How the node keeps serving when the zone it is placed in fails (a standby elsewhere), if it does. */
  standby?: (c: Config) => string | undefined;
  /** Outside any availability-zone group: does it still live in a single zone? */
  singleZone: (c: Config) => boolean;
}

/** Zonal kinds whose zone resilience depends on their settings. */
const ZONES: Readonly<Record<string, ZoneBehaviour>> = {
  'sql-database': {
    standby: (c) =>
      c.multiAz === true
        ? 'fails over to its Multi-AZ standby in another zone (1–2 minutes of errors)'
        : undefined,
    singleZone: (c) => c.multiAz !== true,
  },
  'document-database': {
    standby: (c) =>
      num(c, 'instances') >= 2
        ? 'promotes a replica instance in another zone (about 30 s of errors)'
        : undefined,
    singleZone: (c) => num(c, 'instances') < 2,
  },
  cache: {
    standby: (c) =>
      num(c, 'nodes') >= 2 && c.engine !== 'memcached'
        ? 'promotes a replica node in another zone (cold entries are refilled)'
        : undefined,
    singleZone: (c) => num(c, 'nodes') < 2,
  },
  'search-index': {
    standby: (c) =>
      num(c, 'instances') >= 2 ? 'keeps serving from its nodes in the other zones' : undefined,
    singleZone: (c) => num(c, 'instances') < 2,
  },
  kafka: {
    standby: (c) =>
      num(c, 'brokers') >= 2 ? 'moves partition leadership to brokers in the other zones' : undefined,
    singleZone: (c) => num(c, 'brokers') < 2,
  },
  'read-replica': { singleZone: () => true },
  'vm-group': { singleZone: (c) => num(c, 'instances') < 2 },
  'container-service': { singleZone: (c) => num(c, 'tasks') < 2 },
  'kubernetes-service': { singleZone: (c) => num(c, 'replicas') < 2 },
};

/** How a node placed in a failed zone keeps serving (its standby elsewhere), or undefined when it goes down. */
export function zoneStandby(node: DocumentNode): string | undefined {
  const z = ZONES[node.kind];
  return z?.standby?.(resolveConfig(node));
}

/** Is a node that is not placed in an availability-zone group still confined to one zone? */
export function confinedToOneZone(node: DocumentNode): boolean {
  const z = ZONES[node.kind];
  return z ? z.singleZone(resolveConfig(node)) : false;
}

/** Kinds that keep messages while their consumer is down (a queue buffers, a log retains). */
const BUFFERS: Readonly<Record<string, string>> = {
  queue: 'messages wait in the queue',
  'dead-letter-queue': 'messages wait in the queue',
  kafka: 'records stay in the topic',
  stream: 'records stay in the stream',
};

/** What happens to messages a node holds while their consumer is down, when it holds them at all. */
export function buffering(node: DocumentNode): string | undefined {
  return BUFFERS[node.kind];
}

/** How long a buffer keeps what it holds, as a phrase ("for 4 days"), when the config says. */
export function retention(node: DocumentNode): string | undefined {
  const c = resolveConfig(node);
  if (typeof c.messageRetentionS === 'number') return `for ${duration(c.messageRetentionS)}`;
  if (typeof c.retentionHours === 'number') return `for ${duration(c.retentionHours * 3600)}`;
  return undefined;
}

/** 345600 -> "4 days", 7200 -> "2 hours", 90 -> "90 s". */
export function duration(seconds: number): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (seconds >= 86_400 && seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
  if (seconds >= 3600 && seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  if (seconds >= 60 && seconds % 60 === 0) return plural(seconds / 60, 'minute');
  return `${seconds} s`;
}

/**
 * Nodes that observe requests rather than serve them: a path does not run through monitoring, so
 * neither the failure analysis nor the walkthrough follows edges into it.
 */
const OBSERVERS: ReadonlySet<string> = new Set(['monitoring']);
export function isObserver(node: DocumentNode): boolean {
  return OBSERVERS.has(node.kind);
}

/** Third parties: not deployed in the design's region, so a region failure does not take them down. */
const OUTSIDE: ReadonlySet<string> = new Set(['external-service']);

/** Can losing a region take this node down when it sits outside every region group? */
export function deployedInDefaultRegion(graph: Graph, node: DocumentNode): boolean {
  if (OUTSIDE.has(node.kind)) return false;
  return !graph.hasTrait(node.id, 'entry') && !graph.hasTrait(node.id, 'global');
}

/** How a DNS node routes around a failed endpoint, and whether that happens by itself. */
export function dnsFailover(node: DocumentNode): { automatic: boolean; how: string } {
  const c = resolveConfig(node);
  const routing = typeof c.routing === 'string' ? c.routing : 'simple';
  const checks = num(c, 'healthChecks') > 0;
  if ((routing === 'latency' || routing === 'failover' || routing === 'weighted') && checks)
    return {
      automatic: true,
      how: `${routing} routing with health checks, which answers with the healthy endpoints only`,
    };
  if (routing === 'simple' || routing === 'geo')
    return {
      automatic: false,
      how: `${routing} routing, which does not route around a failed endpoint: clients given its address fail until the records change`,
    };
  return {
    automatic: false,
    how: `${routing} routing without health checks, which keeps answering with the failed endpoint until the records change`,
  };
}
