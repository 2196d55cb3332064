import type { HclBody, HclValue, TfModule } from './parse';

/** A reference from one resource to another, found in an argument's expression text. */
export interface Ref {
  /** Address of the referenced resource (`aws_sqs_queue.dlq`, `data.aws_iam_policy_document.p`). */
  address: string;
  /** The attribute read (`arn`, `url`, ...), when there is one. */
  attr: string | undefined;
  /** Top-level argument of the referencing resource it appears in (`redrive_policy`). */
  arg: string;
}

// `aws_x.name.attr` or `data.aws_x.name.attr`; not preceded by a dot or word (so `var.x`,
// `aws.west` and `foo.aws_x` do not match), with an optional index after the name.
const REF =
  /(?<![\w.])((?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.([A-Za-z_]\w*))?/g;

/** Every reference inside `value` (expressions in strings, at any depth). */
export function refsIn(value: HclValue | undefined, arg: string, out: Ref[] = []): Ref[] {
  if (typeof value === 'string') {
    if (!value.includes('${')) return out;
    for (const m of value.matchAll(REF)) out.push({ address: m[1] as string, attr: m[2], arg });
  } else if (Array.isArray(value)) {
    for (const v of value) refsIn(v, arg, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) refsIn(v, arg, out);
  }
  return out;
}

/** Every reference in a resource body, argument by argument. */
export function refsOfBody(body: HclBody): Ref[] {
  const out: Ref[] = [];
  for (const [arg, v] of Object.entries(body))
    if (arg !== 'depends_on' && arg !== 'provider') refsIn(v, arg, out);
  return out;
}

/** Reads literal values out of a resource body, resolving `var.x` and `local.x` defaults. */
export class Reader {
  constructor(
    readonly body: HclBody,
    private readonly module: TfModule,
  ) {}

  /** The raw value at a path of arguments and blocks (`['broker_node_group_info', 'instance_type']`). */
  raw(...path: string[]): HclValue | undefined {
    let v: HclValue | undefined = this.body;
    for (const key of path) {
      if (Array.isArray(v)) v = v[0];
      if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
      v = (v as Record<string, HclValue>)[key];
    }
    return this.resolve(v);
  }

  private resolve(v: HclValue | undefined, depth = 0): HclValue | undefined {
    if (typeof v !== 'string' || depth > 5) return v;
    const m = /^\$\{((?:var|local)\.[A-Za-z_][\w-]*)\}$/.exec(v);
    if (!m) return v;
    return this.resolve(this.module.values.get(m[1] as string), depth + 1);
  }

  /** A literal string (not an expression), or undefined. */
  str(...path: string[]): string | undefined {
    const v = this.raw(...path);
    if (typeof v === 'string' && !v.includes('${')) return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return undefined;
  }

  /** A literal number (numbers given as strings, as ECS cpu "1024", included). */
  num(...path: string[]): number | undefined {
    const v = this.raw(...path);
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
    return undefined;
  }

  bool(...path: string[]): boolean | undefined {
    const v = this.raw(...path);
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    return undefined;
  }

  /** The blocks of a nested block type (`replica`, `rule`, `origin`). */
  blocks(name: string): HclBody[] {
    const v = this.body[name];
    if (Array.isArray(v))
      return v.filter((b): b is HclBody => !!b && typeof b === 'object' && !Array.isArray(b));
    if (v && typeof v === 'object') return [v as HclBody];
    return [];
  }

  /** `count` as a literal number (1 when absent, undefined when it is an expression). */
  count(): number | undefined {
    if (this.body.count === undefined) return 1;
    return this.num('count');
  }
}

/** A number written inside an expression's text: `maxReceiveCount = 5` in a `jsonencode(...)`. */
export function numberInText(text: HclValue | undefined, key: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = new RegExp(`["']?${key}["']?\\s*[=:]\\s*"?(\\d+)`).exec(text);
  return m ? Number(m[1]) : undefined;
}

/** A literal string written inside an expression's text: `Name = "orders"`. */
export function stringInText(text: HclValue | undefined, key: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  const m = new RegExp(`["']?${key}["']?\\s*[=:]\\s*"([^"$]*)"`).exec(text);
  return m ? m[1] : undefined;
}
