import { z } from 'zod';
import { defineKind } from '../catalog/define-kind';
import { oneOf, volume } from '../catalog/fields';
import { MILLION, usageLine } from '../cost/helpers';
import { checkStates, MAX_STATE_NAME, stateSchema } from './state-machine-states';

function asStates(config: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(config.states)
    ? config.states.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null)
    : [];
}

export const stateMachine = defineKind({
  id: 'state-machine',
  label: 'State machine',
  category: 'messaging',
  icon: 'workflow',
  description:
    'A workflow that calls services step by step, with choices, retries and error handling (orchestration, saga). Standard workflows run up to a year; Express ones are cheaper for short, high-volume work.',
  traits: [],
  config: z
    .object({
      type: oneOf(['standard', 'express'], {
        default: 'standard',
        description:
          'Standard (exactly-once, up to a year, billed per transition) or Express (at-least-once, up to 5 minutes, billed per request and duration)',
      }),
      transitionsPerMonth: volume({
        unit: 'transitions/month',
        description: 'State transitions (Standard billing); derived from executions x states when absent',
      }),
      executionsPerMonth: volume({
        unit: 'executions/month',
        description: 'Executions started per month; derived from traffic when absent',
      }),
      startAt: z
        .string()
        .min(1)
        .max(MAX_STATE_NAME)
        .optional()
        .meta({ description: 'Name of the first state; defaults to the first state of the list' }),
      states: z.array(stateSchema).optional().meta({
        description:
          'The workflow as an ASL-like list of states (Task, Choice, Pass, Wait, Parallel, Map, Succeed, Fail)',
      }),
    })
    .strict()
    .superRefine(checkStates),
  accepts: [
    { from: ['api-gateway', '@compute', 'state-machine'], as: 'sync' },
    { from: ['event-bus'], as: 'trigger' },
  ],
  connectionHint:
    'A state machine is started by an API gateway, a service or another state machine (sync), or by an event bus rule (trigger).',
  nodeRefs: {
    list: (config) =>
      asStates(config).flatMap((state, i) =>
        typeof state.resource === 'string' ? [{ path: ['states', i, 'resource'], id: state.resource }] : [],
      ),
    rename: (config, rename) => {
      if (!Array.isArray(config.states)) return config;
      return {
        ...config,
        states: asStates(config).map((state) =>
          typeof state.resource === 'string' ? { ...state, resource: rename(state.resource) } : state,
        ),
      };
    },
  },
  cost: {
    aws: {
      traffic: { volumeField: 'executionsPerMonth' },
      components(ctx) {
        const executions = ctx.volume({
          field: 'executionsPerMonth',
          label: 'executions a month',
          traffic: 'requests',
          document: 'requestsPerMonth',
          default: 100_000,
          defaultWhy: 'a few thousand workflows a day',
        });
        if (ctx.config.type === 'express') {
          ctx.assume('Express workflows run 1 second on average at the 64 MB billing minimum');
          return [
            usageLine(
              'Express requests',
              executions,
              executions.value / MILLION,
              'stepfunctions.express.requests',
            ),
            usageLine(
              'Express duration (1 s x 64 MB)',
              executions,
              executions.value * 1 * (64 / 1024),
              'stepfunctions.express.duration',
            ),
          ];
        }
        if (ctx.stated('transitionsPerMonth')) {
          const t = ctx.config.transitionsPerMonth ?? 0;
          const stated = {
            field: 'transitionsPerMonth',
            value: t,
            source: 'config' as const,
            basis: 'stated on the node (transitionsPerMonth)',
          };
          return [usageLine('State transitions', stated, t / 1000, 'stepfunctions.transitions')];
        }
        const states = ctx.config.states?.length ?? 0;
        const perExecution = states > 0 ? states : 5;
        ctx.assume(
          states > 0
            ? 'Standard workflows pass every state of their definition once per execution (Choice branches skip some: an upper bound)'
            : 'A standard workflow without states is priced at 5 transitions per execution',
        );
        return [
          usageLine(
            `State transitions (${perExecution} per execution)`,
            executions,
            (executions.value * perExecution) / 1000,
            'stepfunctions.transitions',
          ),
        ];
      },
    },
  },
  aws: {
    service: 'AWS Step Functions',
    terraform: ['aws_sfn_state_machine', 'aws_iam_role'],
    cdk: ['aws_stepfunctions.StateMachine'],
    docs: 'https://aws.amazon.com/step-functions/pricing/',
  },
});
