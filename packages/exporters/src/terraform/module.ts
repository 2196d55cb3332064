import { snakeIdentifier } from '../shared/names';
import { type Body, Raw, type Value } from './hcl';
import { printResourceBlock } from './hcl-print';

/** The `.tf` files resources are spread over: one per tier of the catalog, in this order. */
export const TIER_FILES = ['network', 'edge', 'compute', 'messaging', 'data', 'operations'] as const;
export type TierFile = (typeof TIER_FILES)[number];

export interface ResourceOptions {
  file: TierFile;
  /** Sort key of the owner (its index in the document), so output follows the design's order. */
  order: number;
  /** Provider alias (`us_west_2`); absent means the default provider. */
  provider?: string | undefined;
  count?: Value;
}

/** One `resource` block; mappers keep the handle to reference it and to add arguments later. */
export class Res {
  /** Explicit dependencies (`depends_on`), for orderings references do not imply. */
  dependsOn: Res[] | undefined;
  /** The printed block, once the resource is sealed (complete: nothing will change it). */
  text: string | undefined;
  constructor(
    readonly type: string,
    readonly name: string,
    public body: Body,
    readonly options: ResourceOptions,
    readonly seq: number,
  ) {}

  /**
   * `type.name`. Made when asked rather than kept: a string per resource held to the end of the
   * export costs the garbage collector more than building it again for each reference.
   */
  get address(): string {
    return `${this.type}.${this.name}`;
  }

  depend(...others: Res[]): void {
    if (others.length === 0) return;
    if (this.text !== undefined) throw new Error(`${this.address} was sealed; it cannot take dependencies`);
    if (this.dependsOn) this.dependsOn.push(...others);
    else this.dependsOn = others;
  }

  /**
   * Prints the resource now and lets its body go. Most resources are complete when created;
   * printing them at once lets their values die young instead of being carried by the garbage
   * collector until the end of the export (measured: the biggest single cost on large designs).
   * Any later change to a sealed resource throws.
   */
  seal(): this {
    this.text = printResource(this);
    this.body = SEALED;
    this.dependsOn = undefined;
    return this;
  }

  /** `type.name.attr` as an expression. */
  ref(attr: string): Raw {
    return new ResourceRef(this, attr);
  }
}

/**
 * A reference to an attribute of a resource. Its text is built when printed rather than stored:
 * exports make tens of thousands of references, and keeping their text alive until the end
 * doubled the work of the garbage collector.
 */
class ResourceRef extends Raw {
  constructor(
    private readonly res: Res,
    private readonly attr: string,
  ) {
    super('');
  }

  override get text(): string {
    return `${this.res.type}.${this.res.name}.${this.attr}`;
  }
}

export interface VariableSpec {
  type: string;
  description: string;
  /** Set when the default is a placeholder a person must replace before apply. */
  fillIn?: boolean;
  default?: Value;
  validation?: { condition: string; message: string };
  sensitive?: boolean;
}

/** One output per kind and attribute: a map from node id to the value (`queue_urls["orders"]`). */
export interface OutputSpec {
  name: string;
  description: string;
  values: Record<string, Value>;
}

/** The root module being built: resources, variables and outputs, with unique names. */
export class TfModule {
  readonly resources: Res[] = [];
  readonly variables = new Map<string, VariableSpec>();
  readonly locals = new Map<string, Value>();
  readonly outputs = new Map<string, OutputSpec>();
  /** Names taken per resource type (addresses must be unique within a type). */
  private readonly taken = new Map<string, Set<string>>();
  private seq = 0;

  /**
   * Adds a resource named after `hint` (made a unique Terraform identifier within its type);
   * `stem` is the identifier of `hint` when the caller already has it.
   */
  resource(type: string, hint: string, body: Body, options: ResourceOptions, stem?: string): Res {
    let set = this.taken.get(type);
    if (!set) {
      set = new Set();
      this.taken.set(type, set);
    }
    stem ??= identifierOf(hint);
    let name = stem;
    for (let n = 2; set.has(name); n++) name = `${stem}_${n}`;
    set.add(name);
    const r = new Res(type, name, body, options, this.seq++);
    this.resources.push(r);
    return r;
  }

  /** Declares `local.<name>` once and returns it. */
  local(name: string, value: () => Value): Raw {
    if (!this.locals.has(name)) this.locals.set(name, value());
    return new Raw(`local.${name}`);
  }

  /** Declares `var.<name>` once (later declarations of the same name are ignored) and returns it. */
  variable(name: string, spec: VariableSpec): Raw {
    if (!this.variables.has(name)) this.variables.set(name, spec);
    return new Raw(`var.${name}`);
  }

  /** Adds `value` under `key` (a node id) to the output `name`, declared on first use. */
  output(name: string, description: string, key: string, value: Value): void {
    let o = this.outputs.get(name);
    if (!o) {
      o = { name, description, values: Object.create(null) as Record<string, Value> };
      this.outputs.set(name, o);
    }
    o.values[key] = value;
  }
}

/** `hint` as a Terraform identifier (`orders-db` -> `orders_db`). */
export function identifierOf(hint: string): string {
  return isIdentifier(hint) ? hint : snakeIdentifier(hint);
}

/** Whether `s` is a Terraform identifier as it is (`[A-Za-z_][A-Za-z0-9_]*`). */
function isIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
    if (!letter && (i === 0 || c < 48 || c > 57)) return false;
  }
  return true;
}

const SEALED: Body = Object.freeze({}) as Body;

/** One resource block as text (no trailing newline). */
export function printResource(r: Res): string {
  if (r.text !== undefined) return r.text;
  let deps: string[] | undefined;
  if (r.dependsOn) deps = [...new Set(r.dependsOn.map((d) => d.address))];
  return printResourceBlock(r.type, r.name, r.options.count, r.options.provider || undefined, r.body, deps);
}
