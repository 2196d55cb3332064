import { z } from 'zod';
import { idSchema } from '../document/schema';
import { didYouMean } from '../util/suggest';

/**
 * The ASL-like states of a `state-machine` node: schemas for one state, and the structural checks
 * a schema cannot express (names that must exist, fields that only some state types may have),
 * which the Step Functions API would otherwise reject at deploy time.
 */

export const STATE_TYPES = ['Task', 'Choice', 'Pass', 'Wait', 'Parallel', 'Map', 'Succeed', 'Fail'] as const;
export type StateType = (typeof STATE_TYPES)[number];

export const CHOICE_OPERATORS = [
  'BooleanEquals',
  'StringEquals',
  'NumericEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'IsPresent',
  'IsNull',
] as const;
export type ChoiceOperator = (typeof CHOICE_OPERATORS)[number];

/** ASL limits state names to 80 characters. */
export const MAX_STATE_NAME = 80;
/** Standard workflows run for at most a year, so no Wait can be longer. */
const MAX_WAIT_SECONDS = 31_536_000;

const stateName = z.string().min(1).max(MAX_STATE_NAME);

export const choiceRuleSchema = z
  .object({
    variable: z
      .string()
      .min(1)
      .max(256)
      .regex(/^\$/, 'must be a JSONPath starting with "$", such as $.inventory_available')
      .meta({ description: 'JSONPath of the input value to test, e.g. $.inventory_available' }),
    operator: z.enum(CHOICE_OPERATORS).meta({ description: 'Comparison to apply' }),
    value: z
      .union([z.string(), z.number(), z.boolean()])
      .meta({ description: 'Value to compare with (true/false for BooleanEquals, IsPresent and IsNull)' }),
    next: stateName.meta({ description: 'State to go to when the rule matches' }),
  })
  .strict();
export type ChoiceRule = z.output<typeof choiceRuleSchema>;

export const retrySchema = z
  .object({
    maxAttempts: z.number().int().min(0).max(99).default(3).meta({ description: 'Retries before giving up' }),
    intervalSeconds: z
      .number()
      .int()
      .min(1)
      .max(99_999_999)
      .default(1)
      .meta({ description: 'Seconds before the first retry' }),
    backoffRate: z
      .number()
      .min(1)
      .default(2)
      .meta({ description: 'Multiplier of the interval after each retry' }),
  })
  .strict();

export const catchSchema = z
  .object({
    errors: z
      .array(z.string().min(1))
      .min(1)
      .default(['States.ALL'])
      .meta({ description: 'Error names to catch; States.ALL catches every error' }),
    next: stateName.meta({ description: 'State to go to when one of these errors is caught' }),
  })
  .strict();

export const stateSchema = z
  .object({
    name: stateName.meta({ description: 'Unique name of the state (at most 80 characters)' }),
    type: z.enum(STATE_TYPES).meta({ description: 'State type' }),
    resource: idSchema
      .optional()
      .meta({ description: 'Id of the node a Task (or each Map iteration) invokes, e.g. a function' }),
    next: stateName.optional().meta({ description: 'Name of the state that follows' }),
    end: z.boolean().optional().meta({ description: 'true when the execution ends after this state' }),
    choices: z.array(choiceRuleSchema).optional().meta({ description: 'Choice only: rules tried in order' }),
    default: stateName.optional().meta({ description: 'Choice only: state to go to when no rule matches' }),
    seconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_WAIT_SECONDS)
      .optional()
      .meta({ description: 'Wait only: how long to wait, in seconds' }),
    retry: retrySchema.optional().meta({ description: 'Task, Parallel and Map: retry on failure' }),
    catch: z
      .array(catchSchema)
      .optional()
      .meta({ description: 'Task, Parallel and Map: where to go when errors remain after retries' }),
    comment: z.string().max(1000).optional().meta({ description: 'Free text' }),
  })
  .strict();
export type StateDefinition = z.output<typeof stateSchema>;

/** Types that move on with `next` or stop with `end`. */
const FLOW_TYPES: readonly StateType[] = ['Task', 'Pass', 'Wait', 'Parallel', 'Map'];
/** Types that may retry and catch errors. */
const ERROR_HANDLING_TYPES: readonly StateType[] = ['Task', 'Parallel', 'Map'];
/** Types that may name a node to invoke. */
const INVOKING_TYPES: readonly StateType[] = ['Task', 'Map'];

const VALUE_TYPE: Record<ChoiceOperator, 'boolean' | 'string' | 'number'> = {
  BooleanEquals: 'boolean',
  StringEquals: 'string',
  NumericEquals: 'number',
  NumericLessThan: 'number',
  NumericLessThanEquals: 'number',
  NumericGreaterThan: 'number',
  NumericGreaterThanEquals: 'number',
  IsPresent: 'boolean',
  IsNull: 'boolean',
};

type Path = (string | number)[];

/**
 * Reports, each at its own path (e.g. `['states', 2, 'next']`), every structural problem of a state
 * list: duplicate names, transitions to states that do not exist, fields a state type cannot have
 * or must have, unreachable states, and a workflow that can never end. Meant for `.superRefine`.
 */
export function checkStates(
  config: { startAt?: string | undefined; states?: readonly StateDefinition[] | undefined },
  ctx: z.RefinementCtx,
): void {
  const states = config.states ?? [];
  let problems = 0;
  const report = (path: Path, message: string) => {
    problems++;
    ctx.addIssue({ code: 'custom', path, message });
  };

  const indexOf = new Map<string, number>();
  states.forEach((s, i) => {
    const first = indexOf.get(s.name);
    if (first === undefined) indexOf.set(s.name, i);
    else
      report(
        ['states', i, 'name'],
        `state name "${s.name}" is already used by states[${first}]; names must be unique`,
      );
  });
  const names = [...indexOf.keys()];
  /** Reports `target` when no state has that name; `what` completes `state "X" ... "target"`. */
  const mustExist = (path: Path, target: string, what: string) => {
    if (!indexOf.has(target))
      report(path, `${what} "${target}", which does not exist${didYouMean(target, names)}`);
  };

  if (config.startAt !== undefined) {
    if (states.length === 0) {
      report(['startAt'], `the state machine starts at "${config.startAt}", but it lists no states`);
    } else {
      mustExist(['startAt'], config.startAt, 'the state machine starts at');
    }
  }

  states.forEach((s, i) => {
    const at = (...rest: Path): Path => ['states', i, ...rest];
    const state = `${s.type} state "${s.name}"`;

    if (s.next !== undefined) mustExist(at('next'), s.next, `state "${s.name}" goes next to`);
    if (s.default !== undefined) mustExist(at('default'), s.default, `state "${s.name}" defaults to`);
    s.choices?.forEach((c, j) => {
      mustExist(at('choices', j, 'next'), c.next, `choice ${j + 1} of state "${s.name}" goes to`);
      const expected = VALUE_TYPE[c.operator];
      if (typeof c.value !== expected) {
        report(
          at('choices', j, 'value'),
          `choice ${j + 1} of state "${s.name}" uses ${c.operator}, which compares with ${
            expected === 'boolean' ? 'true or false' : `a ${expected}`
          }, not ${JSON.stringify(c.value)}`,
        );
      }
    });
    s.catch?.forEach((c, j) => {
      mustExist(at('catch', j, 'next'), c.next, `state "${s.name}" catches errors into`);
    });

    if (s.type === 'Choice') {
      if (!s.choices || s.choices.length === 0) {
        report(at('choices'), `${state} needs at least one choice (a rule that picks the next state)`);
      }
      if (s.resource !== undefined) {
        report(
          at('resource'),
          `${state} cannot invoke a resource: put a Task before it to compute the value it tests`,
        );
      }
      if (s.next !== undefined) {
        report(at('next'), `${state} cannot have "next": its choices and "default" decide where to go`);
      }
      if (s.end !== undefined) {
        report(
          at('end'),
          `${state} cannot end the execution: point a choice or "default" at a Succeed or Fail state`,
        );
      }
    } else {
      if (s.choices !== undefined)
        report(at('choices'), `${state} cannot have "choices": only a Choice state has them`);
      if (s.default !== undefined)
        report(at('default'), `${state} cannot have "default": only a Choice state has one`);
    }

    if (FLOW_TYPES.includes(s.type)) {
      const ends = s.end === true;
      if (s.next === undefined && !ends) {
        report(at('next'), `${state} needs "next" (the state that follows) or "end": true`);
      } else if (s.next !== undefined && ends) {
        report(at('end'), `${state} has both "next" and "end": true; keep only one`);
      }
    }

    if (s.type === 'Succeed' || s.type === 'Fail') {
      if (s.next !== undefined) report(at('next'), `${state} ends the execution and cannot have "next"`);
      if (s.end !== undefined) report(at('end'), `${state} always ends the execution: remove "end"`);
    }

    if (s.type === 'Wait' && s.seconds === undefined) {
      report(at('seconds'), `${state} needs "seconds" (how long to wait)`);
    }
    if (s.type !== 'Wait' && s.seconds !== undefined) {
      report(at('seconds'), `${state} cannot have "seconds": only a Wait state waits`);
    }
    if (s.resource !== undefined && s.type !== 'Choice' && !INVOKING_TYPES.includes(s.type)) {
      report(at('resource'), `${state} cannot invoke a resource: only Task and Map states do`);
    }
    if (!ERROR_HANDLING_TYPES.includes(s.type)) {
      if (s.retry !== undefined)
        report(at('retry'), `${state} cannot retry: only Task, Parallel and Map states do`);
      if (s.catch !== undefined)
        report(at('catch'), `${state} cannot catch errors: only Task, Parallel and Map states do`);
    }
  });

  // The graph checks below only once every state is well formed: a half-written Choice would
  // otherwise also report every state after it as unreachable.
  const startName = config.startAt ?? states[0]?.name;
  if (problems > 0 || startName === undefined) return;

  // Step Functions rejects a definition with a state nothing leads to (MISSING_TRANSITION_TARGET).
  const reached = new Set<string>([startName]);
  const queue = [startName];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const s = states[indexOf.get(name) ?? -1];
    if (!s) continue;
    const targets = [
      s.next,
      s.default,
      ...(s.choices ?? []).map((c) => c.next),
      ...(s.catch ?? []).map((c) => c.next),
    ];
    for (const t of targets) {
      if (t !== undefined && indexOf.has(t) && !reached.has(t)) {
        reached.add(t);
        queue.push(t);
      }
    }
  }
  states.forEach((s, i) => {
    if (indexOf.get(s.name) === i && !reached.has(s.name)) {
      report(
        ['states', i],
        `state "${s.name}" is never reached from the start state "${startName}": connect it or remove it`,
      );
    }
  });

  // ... and one that can never end (MISSING_END_STATE).
  if (problems === 0 && !states.some((s) => s.end === true || s.type === 'Succeed' || s.type === 'Fail')) {
    report(
      ['states'],
      'no state ends the execution: give the last state "end": true, or add a Succeed or Fail state',
    );
  }
}
