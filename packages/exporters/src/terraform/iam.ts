import { jsonencode, Raw, Template, type Value, type ValueMap } from './hcl';
import type { Res } from './module';

/** How a principal uses a node: the edge's `access`, a consumer's reads, or an invocation. */
export type Access = 'read' | 'write' | 'readwrite' | 'consume' | 'invoke';

/** One IAM policy statement (always Allow). `resource` may be a list-valued expression. */
export interface Statement {
  readonly actions: readonly string[];
  readonly resource: Value;
  readonly condition?: ValueMap;
  /** Resource policies only: the AWS service allowed, e.g. `sns.amazonaws.com`. */
  readonly service?: string;
}

/** A cheap identity for a value, to find duplicate statements. */
function keyOf(v: Value): string {
  if (typeof v === 'string') return v;
  if (v instanceof Raw) return `#${v.text}`;
  if (v instanceof Template) return v.parts.map((p) => (typeof p === 'string' ? p : `#${keyOf(p)}`)).join('');
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof Raw ? `#${x.text}` : x));
}

/**
 * Statements without duplicates, in the order they were first added. Duplicates are dropped when
 * the statements are read (once, when the policy is written): keeping a key per statement for the
 * whole export made every principal carry strings the garbage collector copied again and again.
 */
export class StatementSet {
  private items: Statement[] | undefined;
  private unique = true;

  add(...statements: readonly Statement[]): void {
    if (statements.length === 0) return;
    if (this.items) {
      this.items.push(...statements);
      this.unique = false;
    } else {
      this.items = [...statements];
      this.unique = statements.length === 1;
    }
  }

  /** The statements, each once, in the order they were first added. */
  get statements(): readonly Statement[] {
    if (!this.items) return [];
    if (!this.unique) {
      const keys = new Set<string>();
      this.items = this.items.filter((s) => {
        const k = `${s.actions.join(',')}|${keyOf(s.resource)}|${s.condition ? keyOf(s.condition) : ''}|${s.service ?? ''}`;
        if (keys.has(k)) return false;
        keys.add(k);
        return true;
      });
      this.unique = true;
    }
    return this.items;
  }
}

/** A policy document (`jsonencode({...})`) for identity or resource policies. */
export function policyDocument(statements: readonly Statement[]): Value {
  return jsonencode({
    Version: '2012-10-17',
    Statement: statements.map((s) => ({
      Effect: 'Allow',
      Principal: s.service ? { Service: s.service } : undefined,
      Action: s.actions.length === 1 ? s.actions[0] : s.actions,
      Resource: s.resource,
      Condition: s.condition,
    })),
  });
}

/** Trust policy letting an AWS service assume a role. */
export function assumeRolePolicy(service: string): Value {
  return jsonencode({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });
}

/**
 * An IAM role acting for one node (a function, a task, a state machine...). Edges add the
 * statements they need; the exporter writes one inline policy with exactly those (least
 * privilege), plus any AWS managed policies a service requires.
 */
export class Principal {
  readonly policy = new StatementSet();
  /** Attachments of AWS managed policies, by policy name (most roles have none). */
  private managed: Map<string, Res> | undefined;
  /** The inline policy resource, created with the first statement; its document is written last. */
  policyRes: Res | undefined;
  constructor(
    readonly role: Res,
    readonly nodeId: string,
    private readonly factory: { policy: () => Res; attachment: (managedPolicy: string) => Res },
  ) {}

  allow(...statements: readonly Statement[]): void {
    if (statements.length === 0) return;
    this.policy.add(...statements);
    this.policyRes ??= this.factory.policy();
  }

  /** Attaches an AWS managed policy by name, e.g. `service-role/AWSLambdaVPCAccessExecutionRole`. */
  attach(managedPolicy: string): Res {
    this.managed ??= new Map();
    let r = this.managed.get(managedPolicy);
    if (!r) {
      r = this.factory.attachment(managedPolicy);
      this.managed.set(managedPolicy, r);
    }
    return r;
  }
}

/**
 * A resource policy (queue, topic, bucket) collected from edges: the resource is created on first
 * use, so that other resources can depend on it, and its document is written at the end.
 */
export class ResourcePolicy {
  readonly policy = new StatementSet();
  res: Res | undefined;
  constructor(readonly create: () => Res) {}

  allow(statement: Statement): Res {
    this.policy.add(statement);
    this.res ??= this.create();
    return this.res;
  }
}

/** The `aws:SourceArn` condition that limits a service principal to one source resource. */
export function sourceArn(arn: Value): ValueMap {
  return { ArnEquals: { 'aws:SourceArn': arn } };
}
