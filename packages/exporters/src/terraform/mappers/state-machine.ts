import { aslDefinition, type StateConfig, type TaskTarget } from '../asl';
import type { ExportContext, KindMapper, NodeExport } from '../context';
import { jsonencode, tpl } from '../hcl';
import type { Res } from '../module';
import { baseExport, output } from './common';

interface MachineConfig {
  type: 'standard' | 'express';
  startAt?: string;
  states?: StateConfig[];
}

/** The Task target for an invoked node, granting the workflow's role what that needs. */
function taskTarget(
  ctx: ExportContext,
  self: NodeExport,
  t: NodeExport | undefined,
  stateName: string,
): TaskTarget | undefined {
  if (!t) return undefined;
  const role = self.principal;
  const integration = (action: string) => tpl`arn:${ctx.partition()}:states:::${action}`;
  const grant = (access: 'invoke' | 'write') => role?.allow(...(t.grant?.(access) ?? []));
  if (t.lambda) {
    grant('invoke');
    return { resource: t.lambda.ref('arn') };
  }
  if (t.stateMachine) {
    grant('invoke');
    return {
      resource: integration('states:startExecution'),
      parameters: { StateMachineArn: t.stateMachine.res.ref('arn'), 'Input.$': '$' },
    };
  }
  if (t.queue) {
    grant('write');
    return {
      resource: integration('sqs:sendMessage'),
      parameters: {
        QueueUrl: t.queue.res.ref('url'),
        'MessageBody.$': '$',
        MessageGroupId: t.queue.fifo ? self.node.id : undefined,
      },
    };
  }
  if (t.topic) {
    grant('write');
    return {
      resource: integration('sns:publish'),
      parameters: { TopicArn: t.topic.res.ref('arn'), 'Message.$': '$' },
    };
  }
  if (t.bus) {
    grant('write');
    return {
      resource: integration('events:putEvents'),
      parameters: {
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
      ...baseExport(ctx, node),
      main: sm,
      arn: sm.ref('arn'),
      principal,
      stateMachine: { res: sm, express: c.type === 'express' },
      grant: () => [{ actions, resource: sm.ref('arn') }],
    };
  },
  wire(ctx, self) {
    const c = ctx.config<MachineConfig>(self.node);
    const sm = (self.stateMachine as { res: Res }).res;
    const invoked = new Set<string>();
    const asl = aslDefinition({
      startAt: c.startAt,
      states: c.states,
      task: (id) => {
        const name = c.states?.find((s) => s.resource === id)?.name ?? id;
        const t = taskTarget(ctx, self, ctx.exports.get(id), name);
        if (t) invoked.add(id);
        return t;
      },
      placeholder: (state) => ({
        resource: tpl`arn:${ctx.partition()}:states:::lambda:invoke`,
        parameters: { FunctionName: `fill-in-function-for-${state}`.slice(0, 140), 'Payload.$': '$' },
      }),
      note: (m) => ctx.warn(m, self.node.id),
    });
    sm.body.definition = jsonencode(asl);
    // Edges to the nodes its Tasks invoke are expressed by the definition and the role.
    for (const e of ctx.edges(self.node.id, 'out', 'sync', 'async'))
      if (invoked.has(e.target.id)) ctx.handled(e);
  },
};
