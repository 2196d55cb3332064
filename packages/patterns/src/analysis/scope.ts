import type { DocumentNode } from '../document/schema';
import type { Graph } from '../graph/graph';
import { confinedToOneZone, deployedInDefaultRegion, zoneStandby } from './resilience';
import type { FailureSpec, NodeImpact } from './types';

/** Which nodes a failure takes down or into failover: the input of the path evaluation. */
export interface FailureScope {
  impacts: Map<string, NodeImpact>;
  unknown: string[];
  atRisk: { nodeId: string; reason: string }[];
  /** Phrases for the summary: `region us-east-1`, `zone us-east-1a`, `"Orders DB"`. */
  described: string[];
}

const nameOf = (n: DocumentNode) => (typeof n.config?.name === 'string' ? n.config.name : n.id);
const quoted = (n: DocumentNode) => `"${n.label.trim() || n.id}"`;

/** Marks `node` and, for a group, everything inside it. */
function fail(graph: Graph, scope: FailureScope, node: DocumentNode, reason: string): void {
  scope.impacts.set(node.id, { nodeId: node.id, state: 'failed', reason });
  const inside = `inside ${quoted(node)}, which is marked as failed`;
  const walk = (group: DocumentNode) => {
    for (const child of graph.children(group.id)) {
      if (!scope.impacts.has(child.id))
        scope.impacts.set(child.id, { nodeId: child.id, state: 'failed', reason: inside });
      walk(child);
    }
  };
  walk(node);
}

const ZONE_NAME = /^([a-z]{2}(-gov)?-[a-z]+-\d)[a-z]$/;

function failRegion(graph: Graph, scope: FailureScope, name: string, group: DocumentNode | undefined): void {
  const reason = `in the failed region ${name}`;
  for (const n of graph.doc.nodes) {
    const region = graph.enclosing(n.id, 'region');
    const inside = region
      ? region.id === group?.id || nameOf(region) === name
      : n.id === group?.id ||
        (n.kind !== 'region' && graph.doc.region === name && deployedInDefaultRegion(graph, n));
    if (inside && !scope.impacts.has(n.id))
      scope.impacts.set(n.id, { nodeId: n.id, state: 'failed', reason });
  }
}

function failZone(graph: Graph, scope: FailureScope, zones: readonly DocumentNode[], name: string): void {
  const zoneIds = new Set(zones.map((z) => z.id));
  for (const n of graph.doc.nodes) {
    if (scope.impacts.has(n.id)) continue;
    if (zoneIds.has(n.id)) {
      scope.impacts.set(n.id, { nodeId: n.id, state: 'failed', reason: `it is the failed zone ${name}` });
      continue;
    }
    const zone = graph.ancestors(n.id).find((a) => zoneIds.has(a.id));
    if (zone) {
      const standby = zoneStandby(n);
      scope.impacts.set(
        n.id,
        standby
          ? { nodeId: n.id, state: 'failover', reason: `${quoted(n)} ${standby}` }
          : { nodeId: n.id, state: 'failed', reason: `in the failed zone ${name}` },
      );
    }
  }
  // Single-zone nodes drawn in the same region without a zone: the design does not say which
  // zone they run in, so they may be in this one.
  const regions = new Set(zones.map((z) => graph.regionOf(z.id)));
  const region = ZONE_NAME.exec(name)?.[1];
  if (zones.length === 0 && region) regions.add(region);
  for (const n of graph.doc.nodes) {
    if (scope.impacts.has(n.id) || graph.enclosing(n.id, 'availability-zone')) continue;
    if (!regions.has(graph.regionOf(n.id)) || !confinedToOneZone(n)) continue;
    scope.atRisk.push({
      nodeId: n.id,
      reason: `${quoted(n)} runs in a single zone that the design does not name: it fails too if that zone is ${name}`,
    });
  }
}

/**
 * Resolves a failure to the nodes it takes down: a failed region takes every node inside its
 * region group (and, for the document's own region, the nodes outside any region group except
 * clients, global services and third parties); a failed zone takes the nodes inside that
 * availability-zone group, except data stores with a standby in another zone, which fail over; a
 * failed group takes everything inside it. Linear in nodes (times the group nesting depth).
 */
export function failureScope(graph: Graph, failure: FailureSpec): FailureScope {
  const scope: FailureScope = { impacts: new Map(), unknown: [], atRisk: [], described: [] };
  const groupsOf = (kind: string) => graph.doc.nodes.filter((n) => n.kind === kind);
  const regions = groupsOf('region');
  const zones = groupsOf('availability-zone');
  const regionNames = new Set<string>();
  const zoneNames = new Set<string>();
  const failedNodes: DocumentNode[] = [];

  for (const id of failure.nodes ?? []) {
    const node = graph.nodes.get(id);
    if (!node) scope.unknown.push(id);
    else if (node.kind === 'region') regionNames.add(nameOf(node));
    else if (node.kind === 'availability-zone') zoneNames.add(nameOf(node));
    else failedNodes.push(node);
  }
  for (const r of failure.regions ?? []) {
    const group = regions.find((n) => n.id === r);
    if (group) regionNames.add(nameOf(group));
    else if (regions.some((n) => nameOf(n) === r) || graph.doc.region === r) regionNames.add(r);
    else scope.unknown.push(r);
  }
  for (const z of failure.zones ?? []) {
    const group = zones.find((n) => n.id === z);
    if (group) zoneNames.add(nameOf(group));
    else if (zones.some((n) => nameOf(n) === z) || ZONE_NAME.test(z)) zoneNames.add(z);
    else scope.unknown.push(z);
  }

  // Nodes named one by one first: "marked as failed" says more than the region they are in.
  for (const node of failedNodes) fail(graph, scope, node, 'marked as failed');
  for (const name of regionNames) {
    scope.described.push(`region ${name}`);
    failRegion(
      graph,
      scope,
      name,
      regions.find((n) => nameOf(n) === name),
    );
  }
  for (const name of zoneNames) {
    scope.described.push(`zone ${name}`);
    failZone(
      graph,
      scope,
      zones.filter((n) => nameOf(n) === name),
      name,
    );
  }
  for (const node of failedNodes) scope.described.push(quoted(node));
  return scope;
}
