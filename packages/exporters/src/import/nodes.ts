import { getKind, ID_PATTERN, slugify, uniqueId } from '@stackdraft/patterns';
import type { ImportContext } from './context';
import { mapperForType } from './mappers/index';
import type { Candidate } from './mappers/types';
import type { TfResource } from './parse';

/** A node being built from one or more primary resources. */
export interface ImportNode {
  id: string;
  kind: string;
  label: string;
  config: Record<string, unknown>;
  /** The resources it was made from (the first is the main one). */
  resources: TfResource[];
  /** Region code, when the node is not in the default provider's region. */
  alias: string | undefined;
  /** An explicit region (a DynamoDB replica) that wins over the provider's. */
  region?: string;
  parent?: string;
}

/** The Terraform `Name` tag, or the `stackdraft:node` tag of exported designs. */
export function tagOf(res: TfResource, key: string): string | undefined {
  const tags = res.body.tags;
  if (!tags || typeof tags !== 'object' || Array.isArray(tags)) return undefined;
  const v = (tags as Record<string, unknown>)[key];
  return typeof v === 'string' && !v.includes('${') ? v : undefined;
}

const MERGED_LABELS: Record<string, string> = {
  'default-event-bus': 'Default event bus',
  monitoring: 'CloudWatch alarms',
};

/** A node id from a Terraform name: `orders_queue` -> `orders-queue`. */
export function idFromName(name: string): string {
  return slugify(name.replace(/_/g, '-'), 'node');
}

export class NodeTable {
  readonly nodes: ImportNode[] = [];
  readonly byAddress = new Map<string, ImportNode>();
  readonly byId = new Map<string, ImportNode>();
  private readonly taken = new Set<string>();
  private readonly merged = new Map<string, ImportNode>();

  constructor(private readonly ctx: ImportContext) {}

  /** Creates nodes for every resource a mapper maps, merging those with the same tag or merge key. */
  build(): void {
    // Exported designs tag each resource with its node id: those ids are kept, so claim them first.
    for (const res of this.ctx.module.resources) {
      const tag = tagOf(res, 'stackdraft:node');
      if (tag && ID_PATTERN.test(tag) && this.isPrimary(res)) this.taken.add(tag);
    }
    const tagged = new Set<string>();
    for (const res of this.ctx.module.resources) {
      if (!this.isPrimary(res)) continue;
      const mapper = mapperForType(res.type);
      if (!mapper) continue;
      const kind = mapper.kind(res, this.ctx);
      const tag = tagOf(res, 'stackdraft:node');
      const key = tag && ID_PATTERN.test(tag) ? `tag:${tag}:${kind}` : mapper.mergeKey?.(res, this.ctx);
      const existing = key ? this.merged.get(key) : undefined;
      if (existing) {
        existing.resources.push(res);
        this.byAddress.set(res.address, existing);
        continue;
      }
      let id: string;
      if (tag && ID_PATTERN.test(tag) && !tagged.has(tag)) {
        id = tag;
        tagged.add(tag);
      } else {
        const base = key && !key.startsWith('tag:') ? key : idFromName(res.name);
        // `app` the service and `app` the subnet: the second becomes `app-subnet`, not `app-2`.
        id = uniqueId(this.taken.has(base) ? `${base}-${kind}` : base, this.taken);
        this.taken.add(id);
      }
      const node: ImportNode = {
        id,
        kind,
        label: tagOf(res, 'Name') ?? MERGED_LABELS[key ?? ''] ?? res.name,
        config: {},
        resources: [res],
        alias: res.alias,
      };
      if (key) this.merged.set(key, node);
      this.add(node);
      this.byAddress.set(res.address, node);
    }
    for (const node of this.nodes) this.configure(node);
  }

  /** Adds a node made by the importer itself (a region group, a DynamoDB replica). */
  add(node: ImportNode): ImportNode {
    this.taken.add(node.id);
    this.nodes.push(node);
    this.byId.set(node.id, node);
    return node;
  }

  freshId(base: string): string {
    const id = uniqueId(slugify(base), this.taken);
    this.taken.add(id);
    return id;
  }

  isPrimary(res: TfResource): boolean {
    const mapper = mapperForType(res.type);
    return !!mapper && (mapper.applies?.(res, this.ctx) ?? true);
  }

  private configure(node: ImportNode): void {
    const main = node.resources[0] as TfResource;
    const mapper = mapperForType(main.type);
    if (!mapper) return;
    const candidate: Candidate = mapper.config(main, this.ctx);
    if (node.kind === 'monitoring') candidate.alarms = node.resources.length;
    if (node.kind === 'subnet' || node.kind === 'secrets-vault') {
      // Exported subnets come in pairs (one per zone) and secrets with `count`: add them up.
      if (node.kind === 'secrets-vault' && node.resources.length > 1)
        candidate.secrets = node.resources.reduce((n, r) => n + (this.ctx.reader(r).count() ?? 1), 0);
      if (node.kind === 'subnet' && node.resources.length > 1)
        candidate.cidr = coveringCidr(node.resources.map((r) => this.ctx.reader(r).str('cidr_block')));
    }
    node.config = this.validConfig(node.kind, candidate, main.address);
  }

  /** Keeps each value the kind's schema accepts; warns about the others (the default applies). */
  validConfig(kindId: string, candidate: Candidate, address: string): Record<string, unknown> {
    const kind = getKind(kindId);
    const shape = kind.config.shape as Record<
      string,
      { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }
    >;
    const config: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(candidate)) {
      const field = shape[key];
      if (!field) continue;
      const r = field.safeParse(value);
      if (r.success) config[key] = value;
      else
        this.ctx.warn(
          `${key} ${JSON.stringify(value)} is not accepted for a ${kind.label.toLowerCase()} (${r.error?.issues[0]?.message ?? 'invalid'}): the default is used`,
          address,
        );
    }
    return kind.config.safeParse(config).success ? config : {};
  }
}

/** The smallest IPv4 block holding every CIDR (an exported subnet's two zonal halves), if all are literal. */
export function coveringCidr(cidrs: (string | undefined)[]): string | undefined {
  const parsed = cidrs.map((c) => /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(c ?? ''));
  if (parsed.length === 0 || parsed.some((m) => !m)) return undefined;
  const nums = parsed.map((m) => {
    const [a, b, c, d, bits] = (m as RegExpExecArray).slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    return { ip: ((a << 24) >>> 0) + (b << 16) + (c << 8) + d, bits };
  });
  let bits = Math.min(...nums.map((n) => n.bits));
  const first = nums[0] as { ip: number };
  while (bits > 0 && nums.some((n) => n.ip >>> (32 - bits) !== first.ip >>> (32 - bits))) bits--;
  const base = bits === 0 ? 0 : ((first.ip >>> (32 - bits)) << (32 - bits)) >>> 0;
  return `${[base >>> 24, (base >>> 16) & 255, (base >>> 8) & 255, base & 255].join('.')}/${bits}`;
}
