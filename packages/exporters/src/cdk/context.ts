import type { ArchitectureDocument, DocumentNode, Graph } from '@stackdraft/patterns';
import { graphOf, isGroupKind } from '@stackdraft/patterns';
import { camelIdentifier, NameAllocator, pascalIdentifier } from '../shared/names';
import type { ExportDiagnostic, ExportedFile } from '../types';
import { MODULES } from './modules';
import { StackWriter } from './stack-writer';
import { RESERVED } from './ts';

/** What the CDK app holds for a node: where it is declared and under which variable. */
export interface Emitted {
  node: DocumentNode;
  stack: StackWriter;
  /** Variable of the node's main construct. */
  v: string;
  /** TypeScript type of the main construct (for stack props across regions). */
  type: string;
  /** Grant principal (IGrantable) expression, for nodes that run code. */
  principal?: string;
  /** IConnectable expression, for nodes inside a VPC. */
  connections?: string;
  /** The VPC variable the node is placed in. */
  vpc?: string;
  /** Port other resources reach the node on (security group rules); undefined: the construct's default port. */
  port?: number;
  /** Other variables a node kind needs to wire (listener, cluster, role, ...). */
  parts: Record<string, string>;
}

/** Key of the stack of global services in a multi-region design. */
export const GLOBAL = 'global';

const variableName = (id: string): string => {
  const c = camelIdentifier(id);
  return RESERVED.has(c) || c in MODULES ? `${c}Node` : c;
};

/** Shared state of one CDK export: the stacks by region, the emitted nodes, the diagnostics. */
export class CdkContext {
  readonly graph: Graph;
  readonly stacks = new Map<string, StackWriter>();
  readonly emitted = new Map<string, Emitted>();
  readonly diagnostics: ExportDiagnostic[] = [];
  /** Files besides the stacks (function code placeholders). */
  readonly files: ExportedFile[] = [];
  /** Variable names are unique across the whole app, so a cross-stack prop never clashes. */
  private readonly vars = new NameAllocator(variableName);
  private readonly stackVars = new NameAllocator((key) => `${camelIdentifier(key)}Stack`);

  /** Are nodes deployed in more than one region? */
  readonly multiRegion: boolean;

  constructor(readonly doc: ArchitectureDocument) {
    this.graph = graphOf(doc);
    const regions = new Set(
      doc.nodes
        .filter((n) => !isGroupKind(n.kind) && !this.graph.hasTrait(n.id, 'global'))
        .map((n) => this.graph.regionOf(n.id)),
    );
    this.multiRegion = regions.size > 1;
    // Node variables first, in document order, so that they keep their plain names.
    for (const n of doc.nodes) this.vars.name(n.id);
  }

  /** The variable of node `nodeId` (its main construct). */
  varOf(nodeId: string): string {
    return this.vars.name(nodeId);
  }

  /** A fresh variable for a part of a node, e.g. `ordersApiListener`. */
  partVar(nodeId: string, part: string): string {
    return this.vars.name(`${nodeId}#${part}`, `${nodeId}-${part}`);
  }

  /**
   * The stack a node belongs to: its region's. In a multi-region design, global services outside
   * any region (DNS, CDN, and a WAF in front of a CDN) get a `global` stack (deployed to us-east-1,
   * as CloudFront's WAF requires) that comes after every regional stack it points at.
   */
  stackOf(node: DocumentNode): StackWriter {
    return this.stack(this.stackKey(node));
  }

  private stackKey(node: DocumentNode): string {
    const region = this.graph.regionOf(node.id);
    if (!this.multiRegion || this.graph.enclosing(node.id, 'region')) return region;
    if (this.graph.hasTrait(node.id, 'global')) return GLOBAL;
    if (node.kind === 'waf' && this.graph.outgoing(node.id).some((e) => e.target.kind === 'cdn'))
      return GLOBAL;
    return region;
  }

  stack(key: string): StackWriter {
    let s = this.stacks.get(key);
    if (!s) {
      const envRegion = key === GLOBAL ? 'us-east-1' : key;
      s = new StackWriter(key, envRegion, `${pascalIdentifier(key)}Stack`, this.stackVars.name(key));
      this.stacks.set(key, s);
    }
    return s;
  }

  note(severity: ExportDiagnostic['severity'], message: string, nodeId?: string, edgeId?: string): void {
    const d: ExportDiagnostic = { severity, message };
    if (nodeId !== undefined) d.nodeId = nodeId;
    if (edgeId !== undefined) d.edgeId = edgeId;
    this.diagnostics.push(d);
  }

  register(e: Omit<Emitted, 'parts'> & { parts?: Record<string, string> }): Emitted {
    const full: Emitted = { ...e, parts: e.parts ?? {} };
    this.emitted.set(e.node.id, full);
    return full;
  }

  /** The node's constructs, when they are declared in `stack` (same region). */
  local(stack: StackWriter, nodeId: string): Emitted | undefined {
    const e = this.emitted.get(nodeId);
    return e && e.stack === stack ? e : undefined;
  }

  /**
   * An expression for node `nodeId`'s main construct, usable in `from`: its variable in the same
   * stack, or `props.x` when it lives in another region's stack (which then exposes it, and
   * deploys first). Undefined when the node has no construct, or when the reference would make
   * two stacks depend on each other.
   */
  ref(from: StackWriter, nodeId: string): string | undefined {
    const e = this.emitted.get(nodeId);
    if (!e) return undefined;
    if (e.stack === from) return e.v;
    if (this.dependsOn(e.stack, from)) return undefined;
    e.stack.expose(e.v, e.type);
    from.inputs.set(e.v, { type: e.type, producer: e.stack });
    from.dependsOn.add(e.stack.region);
    return `props.${e.v}`;
  }

  /** Must `stack` deploy after `other` (directly or through other stacks)? */
  dependsOn(stack: StackWriter, other: StackWriter): boolean {
    const seen = new Set<string>();
    const walk = (s: StackWriter): boolean => {
      if (s === other) return true;
      if (seen.has(s.region)) return false;
      seen.add(s.region);
      for (const r of s.dependsOn) {
        const next = this.stacks.get(r);
        if (next && walk(next)) return true;
      }
      return false;
    };
    return stack !== other && walk(stack);
  }

  /** Makes `stack` deploy after `other` unless that would be circular; says whether it could. */
  addDependency(stack: StackWriter, other: StackWriter): boolean {
    if (stack === other || this.dependsOn(other, stack)) return stack === other;
    stack.dependsOn.add(other.region);
    return true;
  }
}
