import { type AccessMode, getKind } from '@stackdraft/patterns';
import type { ImportContext } from '../context';
import type { ImportNode } from '../nodes';
import type { HclValue, TfResource } from '../parse';
import { refsIn } from '../values';
import type { EdgeSet } from './edge-set';

/**
 * Arguments of a node's own resource that name another node it calls or uses (an environment
 * variable with a queue URL, a state machine definition naming functions, a CDN origin). Network
 * placement, roles and the wiring handled elsewhere are left out.
 */
const IGNORED_ARGS = new Set([
  'subnet_ids',
  'subnets',
  'subnet_id',
  'vpc_id',
  'vpc_config',
  'network_configuration',
  'security_groups',
  'security_group_ids',
  'vpc_security_group_ids',
  'db_subnet_group_name',
  'subnet_group_name',
  'role',
  'role_arn',
  'execution_role_arn',
  'task_role_arn',
  'task_definition',
  'cluster',
  'load_balancer',
  'service_registries',
  'kms_key_id',
  'kms_master_key_id',
  'replicate_source_db',
  'redrive_policy',
  'dead_letter_config',
  'web_acl_id',
  'depends_on',
  'provider',
  'logging_config',
  'tags',
  'policy',
  'access_policy',
  'broker_node_group_info',
  'vpc_options',
  'launch_template',
  'target_group_arns',
  'global_table_arn',
]);

/** Supporting resources whose references say what their node uses. */
const USAGE_TYPES: Record<string, readonly string[] | undefined> = {
  aws_ecs_task_definition: ['container_definitions'],
  aws_route53_record: ['alias', 'records'],
  aws_apigatewayv2_authorizer: ['jwt_configuration'],
};

/** node -> what its own resources reference (environment, definitions, origins, DNS records). */
export function referenceEdges(ctx: ImportContext, set: EdgeSet): void {
  for (const r of ctx.module.resources) {
    const node = set.nodeOf(r.address);
    if (!node) continue;
    const primary = set.table.byAddress.get(r.address) === node;
    const usage = USAGE_TYPES[r.type];
    if (!primary && !usage) continue;
    for (const ref of ctx.refs.get(r.address) ?? []) {
      if (primary ? IGNORED_ARGS.has(ref.arg) : !usage?.includes(ref.arg)) continue;
      const target = set.nodeOf(ref.address);
      if (target && !getKind(target.kind).group) set.inferred(node, target);
    }
  }
}

/** One IAM statement: its actions and the resources it names. */
interface Grant {
  actions: string[];
  resources: TfResource[];
}

/** Actions by which a principal consumes from a source, rather than calling it. */
const CONSUME =
  /^(sqs:ReceiveMessage|kafka-cluster:ReadData|kinesis:GetRecords|kinesis:SubscribeToShard|dynamodb:GetRecords)$/i;
const READ = /:(Get|List|Describe|Query|Scan|Select|BatchGet|Read|Receive|Search|ESHttpGet|ESHttpHead)/;
const WRITE =
  /:(Put|Delete|Update|BatchWrite|Write|Create|Send|Publish|Start|Invoke|ESHttpPost|ESHttpPut|ESHttpDelete|\*)/;

function grantsIn(ctx: ImportContext, policy: HclValue | undefined, from: TfResource): Grant[] {
  if (typeof policy !== 'string') return [];
  const grants: Grant[] = [];
  // A policy document data source: its statement blocks are structured.
  for (const ref of refsIn(policy, 'policy')) {
    const doc = ctx.module.data.get(ref.address);
    if (doc?.type !== 'aws_iam_policy_document') continue;
    const statements = Array.isArray(doc.body.statement) ? doc.body.statement : [];
    for (const s of statements) {
      if (!s || typeof s !== 'object' || Array.isArray(s)) continue;
      const actions = (Array.isArray(s.actions) ? s.actions : []).filter(
        (a): a is string => typeof a === 'string',
      );
      grants.push({ actions, resources: resourcesIn(ctx, s.resources) });
    }
  }
  // An inline `jsonencode({ Statement = [ {...}, {...} ] })`: one chunk per statement object.
  for (const chunk of policy.split(/\}\s*,?\s*\{/)) {
    const actions = [...chunk.matchAll(/"([a-z0-9-]+:[A-Za-z*]+)"/g)].map((m) => m[1] as string);
    const resources = resourcesIn(ctx, `\${${chunk}}`).filter((r) => r !== from);
    if (actions.length > 0 && resources.length > 0) grants.push({ actions, resources });
  }
  return grants;
}

function resourcesIn(ctx: ImportContext, value: HclValue | undefined): TfResource[] {
  const out: TfResource[] = [];
  for (const ref of refsIn(value, 'policy')) {
    const r = ctx.byAddress.get(ref.address);
    if (r && !r.address.startsWith('data.') && !out.includes(r)) out.push(r);
  }
  return out;
}

function accessOf(actions: readonly string[]): AccessMode | undefined {
  const reads = actions.some((a) => READ.test(a));
  const writes = actions.some((a) => WRITE.test(a));
  return reads && writes ? 'readwrite' : reads ? 'read' : writes ? 'write' : undefined;
}

/**
 * principal -> what its IAM policies grant it (a task role allowed to publish to a topic), or
 * source -> principal for consuming actions (receiving from a queue, reading a Kafka topic).
 */
export function iamEdges(ctx: ImportContext, set: EdgeSet): void {
  const policies = ctx.ofType('aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_role');
  type Use = { principal: ImportNode; target: ImportNode; actions: string[] };
  const consumes: Use[] = [];
  const uses: Use[] = [];
  for (const p of policies) {
    const principals: (ImportNode | undefined)[] = [];
    if (p.type === 'aws_iam_policy') {
      for (const a of ctx.users(p, ['aws_iam_role_policy_attachment'], 'policy_arn'))
        principals.push(set.nodeOf(ctx.refTo(a, 'role')?.address));
    } else principals.push(set.nodeOf((p.type === 'aws_iam_role' ? p : ctx.refTo(p, 'role'))?.address));
    const policy = p.type === 'aws_iam_role' ? inlinePolicies(p) : p.body.policy;
    const grants = grantsIn(ctx, policy, p);
    for (const principal of principals) {
      if (!principal) continue;
      for (const g of grants)
        for (const r of g.resources) {
          const target = set.nodeOf(r.address);
          if (!target || getKind(target.kind).group) continue;
          // Reading a database's managed master secret is not a call to the database itself.
          if (target.kind !== 'secrets-vault' && g.actions.every((a) => /^(secretsmanager|kms):/.test(a)))
            continue;
          const consume =
            g.actions.some((a) => CONSUME.test(a)) && getKind(target.kind).traits.includes('messaging');
          (consume ? consumes : uses).push({ principal, target, actions: g.actions });
        }
    }
  }
  // Consuming first: a consumer's role may also hold a plain grant on the same source (connect).
  for (const c of consumes) set.inferred(c.target, c.principal, 'trigger');
  for (const u of uses) {
    const access = accessOf(u.actions);
    const data = getKind(u.target.kind).traits.includes('data');
    set.inferred(u.principal, u.target, undefined, data && access ? { access } : {});
  }
}

function inlinePolicies(role: TfResource): HclValue | undefined {
  const blocks = role.body.inline_policy;
  if (!Array.isArray(blocks)) return undefined;
  return blocks
    .map((b) => (b && typeof b === 'object' && !Array.isArray(b) ? (b.policy ?? '') : ''))
    .join('\n');
}

/** The nodes that put a security group on their resources. */
function members(ctx: ImportContext, set: EdgeSet, sg: TfResource): ImportNode[] {
  const out: ImportNode[] = [];
  for (const { from, ref } of ctx.referencedBy.get(sg.address) ?? []) {
    if (
      !/security_group|^vpc_config$|^network_configuration$|^vpc_options$|^broker_node_group_info$/.test(
        ref.arg,
      )
    )
      continue;
    if (/_rule$/.test(from.type) || from.type === 'aws_security_group') continue;
    const n = set.nodeOf(from.address);
    if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

/** caller -> callee from security group rules that let one node's group into another's. */
export function securityGroupEdges(ctx: ImportContext, set: EdgeSet): void {
  const pairs: [TfResource | undefined, TfResource | undefined][] = [];
  for (const r of ctx.ofType('aws_vpc_security_group_ingress_rule'))
    pairs.push([ctx.refTo(r, 'referenced_security_group_id'), ctx.refTo(r, 'security_group_id')]);
  for (const r of ctx.ofType('aws_security_group_rule'))
    if (ctx.reader(r).str('type') === 'ingress')
      pairs.push([ctx.refTo(r, 'source_security_group_id'), ctx.refTo(r, 'security_group_id')]);
  for (const sg of ctx.ofType('aws_security_group'))
    for (const ingress of ctx.reader(sg).blocks('ingress'))
      for (const ref of refsIn(ingress.security_groups, 'ingress'))
        pairs.push([ctx.byAddress.get(ref.address), sg]);
  for (const [from, to] of pairs) {
    if (!from || !to) continue;
    for (const caller of members(ctx, set, from))
      for (const callee of members(ctx, set, to)) set.inferred(caller, callee);
  }
}
