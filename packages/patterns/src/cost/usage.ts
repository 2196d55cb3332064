import type { KindDefinition } from '../catalog/types';
import type { ArchitectureDocument, DocumentNode } from '../document/schema';
import type { Graph, ResolvedEdge } from '../graph/graph';
import { costConfig } from './config';
import { COST_DEFAULTS } from './defaults';
import { formatCount, nodeName } from './format';
import type { CostContext, NodeTraffic, ResolvedVolume, VolumeSpec } from './model';
import type { TrafficResult, TrafficState } from './traffic';

/**
 * Usage resolution: each usage-driven volume comes from the node's config, else from the traffic
 * that reaches it, else from the document's `usage`, else from the kind's documented default — and
 * says which, so that a cost that depends on usage nobody stated shows as such, never as $0.
 */

/** How many subjects an assumption names before "and N more". */
const SHOWN_SUBJECTS = 5;

/** The subjects of one assumption: the first few by id, and how many there are in all. */
interface Subjects {
  shown: string[];
  last: string | undefined;
  count: number;
}

/** Collects assumption sentences once each, with the nodes (or edges) they apply to. */
export class Assumptions {
  /**
   * Only the first few subjects are kept, with a count: a default assumed by 10,000 nodes would
   * otherwise grow a list of 10,000 ids to print five of them.
   */
  private readonly lines = new Map<string, Subjects>();
  /** Sentences built once per estimate, by key (they repeat for every node of a kind). */
  readonly memo = new Map<string, Memo>();
  /** Volumes from the document or a default, by kind, field and value: shared, immutable. */
  readonly volumes = new Map<KindDefinition, Map<string, Map<number, Memo>>>();

  add(text: string, subjectId?: string): void {
    let s = this.lines.get(text);
    if (!s) {
      s = { shown: [], last: undefined, count: 0 };
      this.lines.set(text, s);
    }
    // A subject repeated right after itself counts once (a node adding the same sentence twice).
    if (subjectId === undefined || s.last === subjectId) return;
    s.last = subjectId;
    s.count++;
    if (s.shown.length < SHOWN_SUBJECTS) s.shown.push(subjectId);
  }

  /** One sentence per assumption; what it applies to named (the first few) at the end. */
  list(): string[] {
    const out: string[] = [];
    for (const [text, s] of this.lines) {
      if (s.count === 0) out.push(text);
      else {
        const more = s.count > SHOWN_SUBJECTS ? ` and ${s.count - SHOWN_SUBJECTS} more` : '';
        out.push(`${text} (${s.shown.join(', ')}${more})`);
      }
    }
    return out;
  }
}

interface Memo {
  text: string;
  basis: string;
  volume?: ResolvedVolume;
}

const PAYLOAD_ASSUMPTION = `Average payload ${COST_DEFAULTS.payloadKb.value} KB per request or message (${COST_DEFAULTS.payloadKb.why})`;

const MEASURE_WORDS = {
  requests: 'requests',
  reads: 'reads',
  writes: 'writes',
  replicatedWrites: 'replicated writes',
} as const;

function numberAt(config: Record<string, unknown> | undefined, key: string): number | undefined {
  const v = config?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** What every node's context shares within one estimate. */
export interface SharedContext {
  doc: ArchitectureDocument;
  graph: Graph;
  traffic: TrafficResult;
  assumptions: Assumptions;
  hoursPerMonth: number;
}

/** Where the traffic of a node comes from, in words: ` from "Users"`. */
function fromRoots(graph: Graph, roots: readonly string[]): string {
  if (roots.length === 0) return '';
  const names = roots.map((id) => {
    const n = graph.nodes.get(id);
    return n ? nodeName(n) : id;
  });
  return ` from ${names.join(', ')}`;
}

/**
 * What a kind's cost model sees of one node. One object per estimate, moved from node to node
 * (`bind`): a model reads it while it builds its lines and keeps nothing of it.
 */
class Context<C> implements CostContext<C> {
  node!: DocumentNode;
  config!: C;
  region = '';
  traffic: NodeTraffic | undefined;
  readonly doc: ArchitectureDocument;
  readonly graph: Graph;
  readonly hoursPerMonth: number;
  private st: TrafficState | undefined;
  private kind!: KindDefinition;
  private index = -1;
  private readonly assumptions: Assumptions;
  private readonly trafficResult: TrafficResult;
  private payload: ResolvedVolume | undefined;

  constructor(shared: SharedContext) {
    this.doc = shared.doc;
    this.graph = shared.graph;
    this.hoursPerMonth = shared.hoursPerMonth;
    this.assumptions = shared.assumptions;
    this.trafficResult = shared.traffic;
  }

  /** Moves the context to `node` (number `index` in the graph's arrays). */
  bind(node: DocumentNode, kind: KindDefinition, region: string, index: number): this {
    this.node = node;
    this.index = index;
    this.kind = kind;
    this.region = region;
    this.st = this.trafficResult.stateAt(index);
    this.traffic = this.st;
    this.config = costConfig<C>(node, kind);
    return this;
  }

  outgoing(): readonly ResolvedEdge[] {
    return this.graph.outgoingAt(this.index);
  }

  incoming(): readonly ResolvedEdge[] {
    return this.graph.incomingAt(this.index);
  }

  stated(key: string): boolean {
    return this.node.config !== undefined && this.node.config[key] !== undefined;
  }

  assume(text: string): void {
    this.assumptions.add(text, this.node.id);
  }

  volume(spec: VolumeSpec): ResolvedVolume {
    const { node, st, assumptions } = this;
    const stated = numberAt(node.config, spec.field);
    if (stated !== undefined) {
      return {
        field: spec.field,
        value: stated,
        source: 'config',
        basis: `stated on the node (${spec.field})`,
      };
    }
    if (st && spec.traffic) {
      const measure = spec.traffic;
      const reached = measure === 'replicatedWrites' ? st.replicatedWrites > 0 : st.carried || st.root;
      if (reached) return this.fromTraffic(spec, st);
    }
    const docValue = spec.document ? this.doc.usage?.[spec.document] : undefined;
    if (spec.document && docValue !== undefined) {
      const m = this.sharedVolume(`d:${spec.field}`, docValue, () => {
        const basis = `from the document's usage.${spec.document} (${formatCount(docValue)})`;
        return {
          text: `${this.kind.label}: ${formatCount(docValue)} ${spec.label}, from the document's usage.${spec.document}`,
          basis,
          volume: Object.freeze({ field: spec.field, value: docValue, source: 'document' as const, basis }),
        };
      });
      assumptions.add(m.text, node.id);
      return m.volume as ResolvedVolume;
    }
    // Volumes are immutable values: nodes assuming the same default share one object.
    const m = this.sharedVolume(spec.field, spec.default, () => {
      const settable = spec.field in this.kind.config.shape;
      const basis = `assumed: ${formatCount(spec.default)} ${spec.label} (${spec.defaultWhy})${settable ? `; state ${spec.field} to change it` : ''}`;
      return {
        text: `${this.kind.label}: ${formatCount(spec.default)} ${spec.label} assumed (${spec.defaultWhy})`,
        basis,
        volume: Object.freeze({ field: spec.field, value: spec.default, source: 'default' as const, basis }),
      };
    });
    assumptions.add(m.text, node.id);
    return m.volume as ResolvedVolume;
  }

  payloadKb(): ResolvedVolume {
    if (this.payload) {
      if (this.payload.source === 'default') this.assumptions.add(PAYLOAD_ASSUMPTION);
      return this.payload;
    }
    const docValue = this.doc.usage?.payloadKb;
    if (docValue !== undefined) {
      this.payload = Object.freeze({
        field: 'payloadKb',
        value: docValue,
        source: 'document' as const,
        basis: "from the document's usage.payloadKb",
      });
    } else {
      const d = COST_DEFAULTS.payloadKb;
      this.payload = Object.freeze({
        field: 'payloadKb',
        value: d.value,
        source: 'default' as const,
        basis: `assumed ${d.value} KB (${d.why})`,
      });
      this.assumptions.add(PAYLOAD_ASSUMPTION);
    }
    return this.payload;
  }

  private fromTraffic(spec: VolumeSpec, st: TrafficState): ResolvedVolume {
    const measure = spec.traffic as keyof typeof MEASURE_WORDS;
    const base = st[measure];
    if (measure === 'reads' || measure === 'writes') {
      const mixed = this.graph
        .incomingAt(this.index)
        .some((e) => (e.edge.config?.access ?? 'readwrite') === 'readwrite');
      if (mixed) {
        const r = COST_DEFAULTS.readShare;
        const m = this.memoized('readShare', () => ({
          text: `Edges with access readwrite carry ${r.value * 100}% reads and ${Math.round((1 - r.value) * 100)}% writes (${r.why})`,
          basis: '',
        }));
        this.assumptions.add(m.text);
      }
    }
    const conv = spec.trafficFactor;
    const value = conv ? base * conv.factor : base;
    let basis = `derived from traffic: ${formatCount(base)} ${MEASURE_WORDS[measure]} a month${fromRoots(this.graph, st.roots)}`;
    if (conv) {
      basis += `, giving ${formatCount(value)} ${spec.label} (${conv.why})`;
      const m = this.memoized(`t\0${this.kind.id}\0${spec.field}`, () => ({
        text: `${this.kind.label}: ${spec.label} derived from traffic, assuming ${conv.why}`,
        basis: '',
      }));
      this.assumptions.add(m.text, this.node.id);
    }
    return { field: spec.field, value, source: 'traffic', basis };
  }

  private sharedVolume(field: string, value: number, make: () => Memo): Memo {
    let byField = this.assumptions.volumes.get(this.kind);
    if (!byField) {
      byField = new Map();
      this.assumptions.volumes.set(this.kind, byField);
    }
    let byValue = byField.get(field);
    if (!byValue) {
      byValue = new Map();
      byField.set(field, byValue);
    }
    let m = byValue.get(value);
    if (!m) {
      m = make();
      byValue.set(value, m);
    }
    return m;
  }

  private memoized(key: string, make: () => Memo): Memo {
    let m = this.assumptions.memo.get(key);
    if (!m) {
      m = make();
      this.assumptions.memo.set(key, m);
    }
    return m;
  }
}

/** The context cost models see, to `bind` to each node in turn. */
export function makeContext<C>(shared: SharedContext): CostContext<C> & {
  bind(node: DocumentNode, kind: KindDefinition, region: string, index: number): CostContext<C>;
} {
  return new Context<C>(shared);
}
