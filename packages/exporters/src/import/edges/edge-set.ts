import {
  allowedEdgeKinds,
  type DocumentEdge,
  type EdgeConfig,
  type EdgeKind,
  getKind,
} from '@stackdraft/patterns';
import type { ImportContext } from '../context';
import type { ImportNode, NodeTable } from '../nodes';

/** The edges found so far, with the checks every edge goes through. */
export class EdgeSet {
  readonly edges: Omit<DocumentEdge, 'id'>[] = [];
  private readonly keys = new Set<string>();
  private readonly pairs = new Set<string>();
  private readonly kinds = new Map<string, EdgeKind>();
  /** Lets a guessed edge go to a better node (a global table's replica in the caller's region). */
  retarget: (source: ImportNode, target: ImportNode) => ImportNode = (_s, t) => t;

  constructor(
    private readonly ctx: ImportContext,
    readonly table: NodeTable,
    /** Resource address -> id of the node it belongs to (primary or supporting). */
    readonly owner: Map<string, string>,
  ) {}

  /** The node a resource belongs to. */
  nodeOf(address: string | undefined): ImportNode | undefined {
    if (!address) return undefined;
    const id = this.owner.get(address);
    return id ? this.table.byId.get(id) : undefined;
  }

  /**
   * Adds an edge the Terraform states (a mapping, a subscription, a redrive policy). `kind` is
   * checked against the catalog (inferred when absent); one the catalog refuses is reported.
   */
  explicit(
    source: ImportNode | undefined,
    target: ImportNode | undefined,
    via: string,
    kind?: EdgeKind,
    config?: EdgeConfig,
  ): void {
    if (!source || !target || source.id === target.id) return;
    const allowed = allowedEdgeKinds(getKind(source.kind), getKind(target.kind));
    const chosen = kind && allowed.includes(kind) ? kind : kind ? undefined : allowed[0];
    if (!chosen) {
      this.ctx.warn(
        `${via} connects ${source.id} (${source.kind}) to ${target.id} (${target.kind}), a connection the catalog does not have${kind ? ` as ${kind}` : ''}: left out`,
        via,
      );
      return;
    }
    this.push(source.id, target.id, chosen, config);
  }

  /**
   * Adds an edge guessed from a reference (an IAM grant, a security group rule, an environment
   * variable): only when the catalog allows it and the two nodes are not connected yet.
   */
  inferred(
    source: ImportNode | undefined,
    to: ImportNode | undefined,
    kind?: EdgeKind,
    config?: EdgeConfig,
  ): void {
    const target = source && to ? this.retarget(source, to) : to;
    if (!source || !target || source.id === target.id || this.pairs.has(`${source.id}\0${target.id}`)) return;
    // The other way round: a call (sync/async) or any link to messaging already says it; a
    // trigger or replication does not (a function reads the bucket that triggers it).
    const reverse = this.kinds.get(`${target.id}\0${source.id}`);
    if (
      reverse &&
      (reverse === 'sync' || reverse === 'async' || getKind(target.kind).traits.includes('messaging'))
    )
      return;
    const allowed = allowedEdgeKinds(getKind(source.kind), getKind(target.kind));
    const chosen = kind && allowed.includes(kind) ? kind : kind ? undefined : allowed[0];
    if (chosen) this.push(source.id, target.id, chosen, config);
  }

  private push(source: string, target: string, kind: EdgeKind, config?: EdgeConfig): void {
    const key = `${source}\0${target}\0${kind}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.pairs.add(`${source}\0${target}`);
    if (!this.kinds.has(`${source}\0${target}`)) this.kinds.set(`${source}\0${target}`, kind);
    // A replica only serves reads: a call into one is a read (writes would be a design error).
    if (kind === 'sync' && this.table.byId.get(target)?.kind === 'read-replica' && !config?.access)
      config = { ...config, access: 'read' };
    const edge: Omit<DocumentEdge, 'id'> = { source, target, kind };
    if (config && Object.keys(config).length > 0) edge.config = config;
    this.edges.push(edge);
  }
}
