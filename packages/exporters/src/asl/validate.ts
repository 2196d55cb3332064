import { transitions, unreachable } from './build';
import type { AslDefinition, AslState } from './types';

const STATE_TYPES = new Set(['Task', 'Choice', 'Pass', 'Wait', 'Parallel', 'Map', 'Succeed', 'Fail']);
/** Choice comparison operators a rule may use (a subset of ASL's, the ones the exporter writes plus common ones). */
const COMPARISONS = new Set([
  'BooleanEquals',
  'StringEquals',
  'StringLessThan',
  'StringGreaterThan',
  'StringMatches',
  'NumericEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'IsPresent',
  'IsNull',
  'IsString',
  'IsNumeric',
  'IsBoolean',
  'TimestampEquals',
]);
const NO_TRANSITION = new Set(['Choice', 'Succeed', 'Fail']);
const ERROR_HANDLING = new Set(['Task', 'Parallel', 'Map']);

/**
 * Checks a definition against the Step Functions rules that can be checked offline: StartAt names
 * a state, every transition target exists, every state is reachable, some state ends the
 * execution, each state has exactly the fields its type allows (Choice with Choices and no
 * Next/End, Task with a Resource, Next xor End elsewhere), `States.ALL` only alone and last, state
 * names at most 80 characters; nested item processors and branches are checked the same way.
 * Returns the problems, each prefixed with where it is; an empty list means valid.
 */
export function validateAsl(def: AslDefinition, where = ''): string[] {
  const problems: string[] = [];
  const at = (name: string) => `${where}States[${JSON.stringify(name)}]`;
  const states = def.States ?? {};
  const names = Object.keys(states);
  if (names.length === 0) problems.push(`${where}States: there must be at least one state`);
  if (typeof def.StartAt !== 'string' || !(def.StartAt in states))
    problems.push(`${where}StartAt: ${JSON.stringify(def.StartAt)} is not a state`);

  for (const [name, s] of Object.entries(states) as [string, AslState][]) {
    const p = (m: string) => problems.push(`${at(name)}: ${m}`);
    if (name.length === 0 || name.length > 80) p('a state name must be 1 to 80 characters');
    if (!STATE_TYPES.has(s.Type)) p(`unknown Type ${JSON.stringify(s.Type)}`);
    for (const t of transitions(s))
      if (!(t in states)) p(`goes to ${JSON.stringify(t)}, which is not a state`);

    const hasNext = s.Next !== undefined;
    const ends = s.End === true;
    if (NO_TRANSITION.has(s.Type)) {
      if (hasNext || s.End !== undefined) p(`a ${s.Type} state cannot have Next or End`);
    } else if (hasNext === ends) {
      p('needs exactly one of Next and End: true');
    }
    if (s.Type === 'Choice') {
      if (!Array.isArray(s.Choices) || s.Choices.length === 0)
        p('a Choice state needs a non-empty Choices list');
      else
        s.Choices.forEach((rule, i) => {
          const r = rule as Record<string, unknown>;
          const ops = Object.keys(r).filter((k) => COMPARISONS.has(k));
          if (typeof r.Variable !== 'string' || !r.Variable.startsWith('$'))
            p(`Choices[${i}] needs a Variable that is a JSONPath`);
          if (ops.length !== 1) p(`Choices[${i}] needs exactly one comparison operator`);
          if (typeof r.Next !== 'string') p(`Choices[${i}] needs Next`);
        });
    } else if (s.Choices !== undefined || s.Default !== undefined) {
      p('only a Choice state has Choices and Default');
    }
    if (s.Type === 'Task' && s.Resource === undefined) p('a Task state needs a Resource');
    if (s.Type !== 'Task' && s.Type !== 'Map' && s.Resource !== undefined)
      p(`a ${s.Type} state cannot have a Resource`);
    if (s.Type === 'Wait' && typeof s.Seconds !== 'number') p('a Wait state needs Seconds');
    if (!ERROR_HANDLING.has(s.Type) && (s.Retry !== undefined || s.Catch !== undefined))
      p(`a ${s.Type} state cannot Retry or Catch`);
    for (const key of ['Retry', 'Catch'] as const) {
      const list = s[key];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        p(`${key} must be a list`);
        continue;
      }
      list.forEach((entry, i) => {
        const errors = (entry as { ErrorEquals?: unknown }).ErrorEquals;
        if (!Array.isArray(errors) || errors.length === 0) p(`${key}[${i}] needs a non-empty ErrorEquals`);
        else if (errors.includes('States.ALL') && (errors.length > 1 || i !== list.length - 1))
          p(`${key}[${i}]: States.ALL must be alone and in the last entry`);
      });
    }
    if (s.Type === 'Map') {
      const processor = s.ItemProcessor as AslDefinition | undefined;
      if (!processor) p('a Map state needs an ItemProcessor');
      else problems.push(...validateAsl(processor, `${at(name)}.ItemProcessor.`));
    }
    if (s.Type === 'Parallel') {
      const branches = s.Branches;
      if (!Array.isArray(branches) || branches.length === 0) p('a Parallel state needs Branches');
      else
        branches.forEach((b, i) => {
          problems.push(...validateAsl(b as AslDefinition, `${at(name)}.Branches[${i}].`));
        });
    }
  }

  if (typeof def.StartAt === 'string' && def.StartAt in states) {
    for (const name of unreachable(states, def.StartAt))
      problems.push(`${at(name)}: not reachable from StartAt`);
  }
  const terminal = Object.values(states).some(
    (s) => s.End === true || s.Type === 'Succeed' || s.Type === 'Fail',
  );
  if (names.length > 0 && !terminal) problems.push(`${where}States: no state ends the execution`);
  return problems;
}
