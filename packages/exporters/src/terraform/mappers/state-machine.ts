import { buildStates, type TaskBinding } from '../../asl/build';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { jsonencode, tpl, type Value } from '../hcl';
import type { Res } from '../module';
import { output } from './common';

interface MachineConfig {
  type: 'standard' | 'express';
}

/**
 * The Task binding for an invoked node, with Terraform references as `Resource` and parameters,
 * granting the workflow's role what that needs.
 */
function taskTarget(
  ctx: ExportContext,
  self: NodeExport,
  t: NodeExport | undefined,
  stateName: string,
): TaskBinding | undefined {
  if (!t) return undefined;
  const role = self.principal;
  const integration = (action: string) => tpl`arn:${ctx.partition()}:states:::${action}`;
  const grant = (access: 'invoke' | 'write') => role?.allow(...(t.grant?.(access) ?? []));
  if (t.lambda) {
    grant('invoke');
    return { Resource: t.lambda.ref('arn') };
  }
  if (t.stateMachine) {
    grant('invoke');
    return {
      Resource: integration('states:startExecution'),
      Parameters: { StateMachineArn: t.stateMachine.res.ref('arn'), 'Input.$': '$' },
    };
  }
  if (t.queue) {
    grant('write');
    return {
      Resource: integration('sqs:sendMessage'),
      Parameters: {
        QueueUrl: t.queue.res.ref('url'),
        'MessageBody.$': '$',
        MessageGroupId: t.queue.fifo ? self.node.id : undefined,
      },
    };
  }
  if (t.topic) {
    grant('write');
    return {
      Resource: integration('sns:publish'),
      Parameters: { TopicArn: t.topic.res.ref('arn'), 'Message.$': '$' },
    };
  }
  if (t.bus) {
    grant('write');
    return {
      Resource: integration('events:putEvents'),
      Parameters: {
        Entries: [
          {
            EventBusName: t.bus.ref('name'),
            Source: `stackdraft.${self.node.id}`,
            DetailType: stateName,
            'Detail.$': '$',
          },
        ],
      },
    };
  }
  return undefined;
}

/**
 * `state-machine` -> `aws_sfn_state_machine` (Standard or Express) whose definition is the ASL of
 * its `states`, Task resources referencing the functions, workflows, queues, topics and buses they
 * invoke, and an IAM role allowed exactly those invocations.
 */
export const stateMachineMapper: KindMapper = {
  kinds: ['state-machine'],
  map(ctx, node) {
    const c = ctx.config<MachineConfig>(node);
    const principal = ctx.principal(node, 'states.amazonaws.com');
    const sm = ctx.res(node, 'aws_sfn_state_machine', node.id, {
      name: ctx.names.name('sfn', node.id),
      role_arn: principal.role.ref('arn'),
      type: c.type === 'express' ? 'EXPRESS' : 'STANDARD',
      definition: undefined,
      tags: ctx.tags(node.id, node.id),
    });
    output(ctx, node, 'arns', 'state machine ARN', sm.ref('arn'));
    const actions =
      c.type === 'express'
        ? ['states:StartExecution', 'states:StartSyncExecution']
        : ['states:StartExecution'];
    return {
      node,
      region: ctx.graph.regionOf(node.id),
      main: sm,
      arn: sm.ref('arn'),
      principal,
      stateMachine: { res: sm, express: c.type === 'express' },
      grant: () => [{ actions, resource: sm.ref('arn') }],
    };
  },
  wire(ctx, self) {
    const sm = (self.stateMachine as { res: Res }).res;
    const invoked = new Set<string>();
    const built = buildStates(ctx.graph, self.node, {
      bind: (target, stateName) => {
        const t = taskTarget(ctx, self, ctx.exports.get(target.id), stateName);
        if (t) invoked.add(target.id);
        return t;
      },
      unbound: (state) => ({
        Resource: tpl`arn:${ctx.partition()}:states:::lambda:invoke`,
        Parameters: { FunctionName: `fill-in-function-for-${state}`.slice(0, 140), 'Payload.$': '$' },
      }),
    });
    for (const d of built.diagnostics) {
      if (d.severity === 'info') ctx.info(d.message, self.node.id);
      else ctx.warn(d.message, self.node.id);
    }
    // The label stays in the tags: the definition carries only the workflow.
    const { Comment: _label, ...definition } = built.definition;
    // Plain JSON data whose Task bindings hold Terraform references: an HCL value as it is.
    sm.body.definition = jsonencode(definition as unknown as Value);
    // Edges to the nodes its Tasks invoke are expressed by the definition and the role.
    for (const e of ctx.edges(self.node.id, 'out', 'sync', 'async'))
      if (invoked.has(e.target.id)) ctx.handled(e);
  },
};
