import type { DocumentNode } from '@stackdraft/patterns';
import type { CdkContext } from './context';
import type { NetworkPlan } from './network';
import { code, str } from './ts';

/** What every emitter receives. */
export interface Env {
  ctx: CdkContext;
  net: NetworkPlan;
}

/** An emitter writes the constructs of one node into its region's stack and registers them. */
export type Emitter = (env: Env, node: DocumentNode) => void;

/** `vpc` and `vpcSubnets` props for a node the network plan placed, else nothing. */
export function placementProps(env: Env, node: DocumentNode): Record<string, unknown> {
  const p = env.net.placementOf(node.id);
  if (!p) return {};
  return { vpc: code(p.vpc.v), vpcSubnets: env.net.selection(p) };
}

/** `db.r6g.large` -> `new ec2.InstanceType('r6g.large')` (RDS and DocumentDB add the `db.` prefix back). */
export function instanceType(instanceClass: string): ReturnType<typeof code> {
  return code(`new ec2.InstanceType(${str(instanceClass.replace(/^db\./, ''))})`);
}

/** A name for a resource AWS needs named (global tables, MSK clusters): design slug + node id, within `max`. */
export function physicalName(slug: string, id: string, max: number, allowed = /[^A-Za-z0-9-]/g): string {
  const name = `${slug}-${id}`.replace(allowed, '-');
  return name.length <= max ? name : name.slice(name.length - max).replace(/^[^A-Za-z0-9]+/, '');
}
