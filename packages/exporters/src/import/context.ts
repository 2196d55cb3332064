import type { TfModule, TfResource } from './parse';
import type { ImportWarning } from './types';
import { Reader, type Ref, refsOfBody } from './values';

/** The parsed module with its reference index, shared by the mappers and the edge inference. */
export class ImportContext {
  readonly byAddress = new Map<string, TfResource>();
  /** Resource address -> the references its body makes. */
  readonly refs = new Map<string, Ref[]>();
  /** Resource address -> the resources whose bodies reference it (with the reference). */
  readonly referencedBy = new Map<string, { from: TfResource; ref: Ref }[]>();
  /** Queues used as a dead-letter target somewhere: they become `dead-letter-queue` nodes. */
  readonly deadLetterTargets = new Set<string>();
  readonly warnings: ImportWarning[] = [];

  constructor(readonly module: TfModule) {
    for (const r of [...module.resources, ...module.data.values()]) this.byAddress.set(r.address, r);
    for (const r of [...module.resources, ...module.data.values()]) {
      const refs = refsOfBody(r.body).filter(
        (ref) => this.byAddress.has(ref.address) && ref.address !== r.address,
      );
      this.refs.set(r.address, refs);
      for (const ref of refs) {
        const list = this.referencedBy.get(ref.address);
        if (list) list.push({ from: r, ref });
        else this.referencedBy.set(ref.address, [{ from: r, ref }]);
      }
    }
  }

  reader(res: TfResource): Reader {
    return new Reader(res.body, this.module);
  }

  ofType(...types: string[]): TfResource[] {
    return this.module.resources.filter((r) => types.includes(r.type));
  }

  /** Resources referenced from argument `arg` of `res` (any depth inside it). */
  refsAt(res: TfResource, arg?: string): TfResource[] {
    const out: TfResource[] = [];
    for (const ref of this.refs.get(res.address) ?? []) {
      if (arg !== undefined && ref.arg !== arg) continue;
      const r = this.byAddress.get(ref.address);
      if (r && !out.includes(r)) out.push(r);
    }
    return out;
  }

  /** The first resource of one of `types` referenced from `arg` of `res`. */
  refTo(res: TfResource, arg: string | undefined, ...types: string[]): TfResource | undefined {
    return this.refsAt(res, arg).find((r) => types.length === 0 || types.includes(r.type));
  }

  /** Resources of `types` that reference `res` (from any argument, or from `arg`). */
  users(res: TfResource, types: string[], arg?: string): TfResource[] {
    const out: TfResource[] = [];
    for (const { from, ref } of this.referencedBy.get(res.address) ?? [])
      if (types.includes(from.type) && (arg === undefined || ref.arg === arg) && !out.includes(from))
        out.push(from);
    return out;
  }

  warn(message: string, address?: string): void {
    if (this.warnings.some((w) => w.message === message && w.address === address)) return;
    this.warnings.push(address ? { message, address } : { message });
  }
}
