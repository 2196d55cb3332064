import type { DocumentNode } from '@stackdraft/patterns';
import type { ExportContext } from './context';
import type { Body, Value } from './hcl';
import type { Access, Principal, ResourcePolicy, Statement } from './iam';
import type { Res } from './module';
import type { Network } from './network';

/**
 * What one exported node offers to the wiring of its edges. Every field is optional: a mapper
 * fills in what its kind has (a queue has `queue`, a function `lambda` and `principal`, ...).
 *
 * Mappers write it as one object literal, never `{ ...base, more }`: in V8 (Node 20) an object
 * spread followed by more properties gives each object a hidden class of its own, which makes
 * every later read of it slow. On the 2,000-node benchmark that alone cost about 15 ms. The same
 * goes for bodies: merge with `Object.assign`, not a spread in the literal.
 */
export interface NodeExport {
  readonly node: DocumentNode;
  /** Region code the node is deployed in. */
  readonly region: string;
  /** Its main resource (tagged with the node id). */
  main?: Res;
  /** ARN of the main resource. */
  arn?: Value;
  /** IAM statements a principal needs to use this node the given way. */
  grant?: (access: Access) => Statement[];
  /** The IAM role acting for this node (compute, state machines). */
  principal?: Principal;
  /** Security group, when the node lives in a VPC; `port` is where callers connect. */
  sg?: SecurityGroup;
  port?: number;
  lambda?: Res;
  queue?: {
    res: Res;
    policy: ResourcePolicy;
    fifo: boolean;
    redriveDone: boolean;
    /** Queues that redrive into this one (a dead-letter queue), for its redrive allow policy. */
    sources: Res[];
  };
  topic?: { res: Res; policy: ResourcePolicy; fifo: boolean };
  bus?: Res;
  stream?: Res;
  kafka?: Res;
  stateMachine?: { res: Res; express: boolean };
  table?: { res: Res; enableStream: () => void; streamArn?: Value; isPrimary: boolean };
  db?: { res: Res; engine: string; secretArn: Value };
  bucket?: { res: Res; policy: ResourcePolicy; versioning: Res | undefined };
  lb?: { res: Res; listener: Res; type: 'application' | 'network'; internal: boolean };
  ecs?: {
    service: Res;
    clusterName: Value;
    containerName: string;
    port: number;
    loadBalancers: Body[];
    registry: () => Res;
  };
  asg?: { res: Res; targetGroups: Value[] };
  api?: { res: Res; stage: Res };
  cdn?: Res;
  waf?: Res;
  userPool?: { pool: Res; client: Res };
  externalUrl?: URL;
}

/**
 * Maps one family of kinds. `map` creates a node's own resources (no other node's handles yet);
 * `wire` then connects it to the nodes its edges reach, and `finalize` writes what the wiring
 * collected. Mappers with a lower `order` run first, in each phase.
 */
export interface KindMapper {
  readonly kinds: readonly string[];
  readonly order?: number;
  /** Resource types it may emit that its kinds do not declare (e.g. memcached clusters). */
  readonly alsoEmits?: readonly string[];
  map(ctx: ExportContext, node: DocumentNode): NodeExport | undefined;
  wire?(ctx: ExportContext, self: NodeExport): void;
  /** Last, once every edge is wired: write what the edges collected (policies, attachments). */
  finalize?(ctx: ExportContext, self: NodeExport): void;
}

/** A security group of a node, with the rules the edges add. */
export class SecurityGroup {
  readonly rules = new Set<string>();
  constructor(
    readonly res: Res,
    readonly network: Network,
    readonly nodeId: string,
    /** Compute may reach anything (registries, AWS APIs); other groups only their edges' targets. */
    readonly egressAll: boolean,
  ) {}
}
