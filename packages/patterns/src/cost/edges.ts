import type { KindDefinition } from '../catalog/types';
import type { ArchitectureDocument, DocumentEdge, DocumentNode } from '../document/schema';
import type { Graph } from '../graph/graph';
import { COST_DEFAULTS, KB_PER_GB } from './defaults';
import { formatCount, nodeName } from './format';
import type { ComponentSpec, ResolvedVolume } from './model';
import type { TrafficResult } from './traffic';
import type { Assumptions } from './usage';

/**
 * Costs carried by edges rather than nodes: data crossing an availability-zone or region boundary,
 * traffic from a private subnet through a NAT gateway, and data sent out to the internet. Each
 * line is attributed to the node that sends the data: the edge's source — except that responses to
 * a client are charged to the AWS node answering (the client is outside the account), and a queue
 * or stream polled from a private subnet puts the NAT charge on the consumer whose traffic it is.
 */

export interface EdgeComponent extends ComponentSpec {
  readonly edgeId: string;
}

/** Kinds whose traffic from a private subnet reaches them through gateway endpoints, not the NAT. */
const GATEWAY_ENDPOINT_KINDS = new Set(['object-storage', 'nosql-table']);

const PAYLOAD = COST_DEFAULTS.payloadKb;
const PAYLOAD_ASSUMPTION = `Average payload ${PAYLOAD.value} KB per request or message (${PAYLOAD.why})`;
const EDGE_CALLS = COST_DEFAULTS.edgeCallsPerMonth;
const EDGE_CALLS_ASSUMPTION = `Edges carrying data-transfer cost: ${formatCount(EDGE_CALLS.value)} calls a month assumed (${EDGE_CALLS.why})`;
const NAT_ASSUMPTION =
  'Traffic from private subnets to regional AWS services passes a NAT gateway (no interface VPC endpoints); S3 and DynamoDB use free gateway endpoints';
const CROSSING_ASSUMPTION =
  "Data crossing a zone or region boundary is billed once per call at the payload size, charged to the sending node at its region's rate";

/** Where a node sits, from one walk up its ancestors. */
interface Placement {
  region: string;
  az: string | undefined;
  vpc: string | undefined;
  /** Its traffic to the outside passes a NAT gateway of its VPC (private subnet, NAT configured). */
  nat: boolean;
}

function placementOf(g: Graph, index: number): Placement {
  let az: string | undefined;
  let vpc: DocumentNode | undefined;
  let subnet: DocumentNode | undefined;
  // Up the parent numbers, nearest first (as `g.ancestors` lists them, without making the list).
  const { nodes, parents } = g.arrays;
  let p = parents[index] as number;
  for (let steps = 0; p !== -1 && p !== index && steps < nodes.length; steps++) {
    const a = nodes[p] as DocumentNode;
    if (a.kind === 'availability-zone') az ??= a.id;
    else if (a.kind === 'vpc') vpc ??= a;
    else if (a.kind === 'subnet') subnet ??= a;
    p = parents[p] as number;
  }
  // natGateways defaults to 1 (catalog); only an explicit 0 means "no NAT".
  const nat = vpc !== undefined && vpc.config?.natGateways !== 0 && subnet?.config?.public !== true;
  return { region: g.regionAt(index), az, vpc: vpc?.id, nat };
}

function isOutside(kind: KindDefinition): boolean {
  return 'none' in kind.aws && !kind.group;
}

/** A node deployed in one region of the account (not a group, not global, not outside AWS). */
function isRegional(kind: KindDefinition): boolean {
  return !kind.group && !('none' in kind.aws) && !kind.traits.includes('global');
}

function internetEgress(kind: KindDefinition): boolean {
  return 'aws' in kind.cost && kind.cost.aws.internetEgress === true;
}

/**
 * Every edge-borne cost line of `doc`, grouped by the node it is charged to (by node number of
 * `g.arrays`: the walk reads the graph's arrays, not maps keyed by id).
 */
export function edgeComponents(
  doc: ArchitectureDocument,
  g: Graph,
  traffic: TrafficResult,
  assumptions: Assumptions,
): (EdgeComponent[] | undefined)[] {
  const { nodes, kinds, edgeSource, edgeTarget, edgeKinds, edgeDocs } = g.arrays;
  const out: (EdgeComponent[] | undefined)[] = new Array(kinds.length);
  const placements: (Placement | undefined)[] = new Array(kinds.length);
  const place = (i: number): Placement => {
    let p = placements[i];
    if (!p) {
      p = placementOf(g, i);
      placements[i] = p;
    }
    return p;
  };
  const push = (
    node: number,
    edgeId: string,
    name: string,
    quantity: number,
    priceKey: string,
    usage: ResolvedVolume,
  ) => {
    const c: EdgeComponent = { name, quantity, priceKey, usageBased: true, usage, edgeId };
    const list = out[node];
    if (list) list.push(c);
    else out[node] = [c];
  };
  const docPayload = doc.usage?.payloadKb;
  const docCalls = doc.usage?.requestsPerMonth;
  let defaultVolume: ResolvedVolume | undefined;

  /** GB a month along `e` (calls x payload), and where the figure comes from. */
  const data = (edge: DocumentEdge, k: number): ResolvedVolume => {
    const calls = traffic.edgeVolumeAt(k);
    const payloadKb = edge.config?.payloadKb ?? docPayload ?? PAYLOAD.value;
    if (edge.config?.payloadKb === undefined && docPayload === undefined) assumptions.add(PAYLOAD_ASSUMPTION);
    if (calls !== undefined) {
      const gb = (calls * payloadKb) / KB_PER_GB;
      const basis = `derived from traffic: ${formatCount(calls)} calls a month x ${payloadKb} KB`;
      return { field: 'payloadKb', value: gb, source: 'traffic', basis };
    }
    if (docCalls !== undefined) {
      const gb = (docCalls * payloadKb) / KB_PER_GB;
      const basis = `from the document's usage.requestsPerMonth (${formatCount(docCalls)}) x ${payloadKb} KB`;
      return { field: 'requestsPerMonth', value: gb, source: 'document', basis };
    }
    assumptions.add(EDGE_CALLS_ASSUMPTION, edge.id);
    if (payloadKb === PAYLOAD.value && defaultVolume) return defaultVolume;
    const gb = (EDGE_CALLS.value * payloadKb) / KB_PER_GB;
    const basis = `assumed ${formatCount(EDGE_CALLS.value)} calls a month x ${payloadKb} KB (${EDGE_CALLS.why})`;
    const v: ResolvedVolume = Object.freeze({
      field: 'requestsPerMonth',
      value: gb,
      source: 'default',
      basis,
    });
    if (payloadKb === PAYLOAD.value) defaultVolume = v;
    return v;
  };

  // Edges by number from the graph's arrays: most carry no cost line, and no edge object is made.
  for (let k = 0; k < g.edgeCount; k++) {
    const si = edgeSource[k] as number;
    const ti = edgeTarget[k] as number;
    const sk = kinds[si];
    const tk = kinds[ti];
    if (!sk || !tk || sk.group || tk.group) continue;
    const edge = edgeDocs[k] as DocumentEdge;
    const source = nodes[si] as DocumentNode;
    const target = nodes[ti] as DocumentNode;
    const id = edge.id;

    if (isRegional(sk) && isRegional(tk)) {
      const sp = place(si);
      const tp = place(ti);
      if (sp.region !== tp.region) {
        const d = data(edge, k);
        const name = `Data transfer to ${nodeName(target)} (${sp.region} to ${tp.region})`;
        push(si, id, name, d.value, 'data-transfer.inter-region', d);
        assumptions.add(CROSSING_ASSUMPTION);
        continue;
      }
      if (sp.az !== undefined && tp.az !== undefined && sp.az !== tp.az) {
        const d = data(edge, k);
        const name = `Data transfer to ${nodeName(target)} across availability zones (charged out and in)`;
        push(si, id, name, d.value * 2, 'data-transfer.inter-az', d);
        assumptions.add(CROSSING_ASSUMPTION);
        continue;
      }
    }

    // Responses to a client (or a partner calling in) leave AWS from the node that answers.
    const sOut = isOutside(sk);
    const tOut = isOutside(tk);
    if (sOut) {
      if (internetEgress(tk)) {
        const d = data(edge, k);
        const name = `Data transfer out to the internet (responses to ${nodeName(source)})`;
        push(ti, id, name, d.value, 'data-transfer.internet-out', d);
      }
      continue;
    }

    // Calls out of a private subnet pass the VPC's NAT gateway; so does a consumer polling a queue.
    const polled = edgeKinds[k] === 'trigger' && tk.id !== 'function';
    const inside = polled ? ti : si;
    const outside = polled ? source : target;
    const outsideAt = polled ? si : ti;
    const outsideKind = polled ? sk : tk;
    if (
      !outsideKind.traits.includes('global') &&
      !outsideKind.traits.includes('entry') &&
      !GATEWAY_ENDPOINT_KINDS.has(outsideKind.id) &&
      place(inside).nat &&
      place(outsideAt).vpc === undefined
    ) {
      const d = data(edge, k);
      const name = `NAT gateway data processing (${polled ? 'from' : 'to'} ${nodeName(outside)})`;
      push(inside, id, name, d.value, 'vpc.nat-gateway.data', d);
      assumptions.add(NAT_ASSUMPTION);
    }
    if (tOut) {
      const d = data(edge, k);
      const name = `Data transfer out to the internet (calls to ${nodeName(target)})`;
      push(si, id, name, d.value, 'data-transfer.internet-out', d);
    }
  }
  return out;
}
