import type { Value, ValueMap } from './hcl';

/** A state of a `state-machine` node's config (the ASL-like list the catalog validates). */
export interface StateConfig {
  name: string;
  type: 'Task' | 'Choice' | 'Pass' | 'Wait' | 'Parallel' | 'Map' | 'Succeed' | 'Fail';
  resource?: string;
  next?: string;
  end?: boolean;
  choices?: { variable: string; operator: string; value: string | number | boolean; next: string }[];
  default?: string;
  seconds?: number;
  retry?: { maxAttempts: number; intervalSeconds: number; backoffRate: number };
  catch?: { errors: string[]; next: string }[];
  comment?: string;
}

/** How a Task reaches the node it invokes: an ARN, or a service integration and its parameters. */
export interface TaskTarget {
  resource: Value;
  parameters?: ValueMap;
}

export interface AslOptions {
  startAt?: string;
  states?: readonly StateConfig[];
  /** The Task target for a node id, or undefined when it cannot be invoked from a workflow. */
  task(nodeId: string): TaskTarget | undefined;
  /**
   * A stand-in target for a Task with nothing it can invoke, to fill in later; the Task keeps its
   * transitions, retries and catches, so the workflow's shape stays valid.
   */
  placeholder(stateName: string): TaskTarget;
  /** Called for each state that had to be simplified (a Task without a usable target...). */
  note(message: string): void;
}

function flow(s: StateConfig): ValueMap {
  return s.end === true ? { End: true } : { Next: s.next };
}

function errorHandling(s: StateConfig): ValueMap {
  return {
    Retry: s.retry
      ? [
          {
            ErrorEquals: ['States.ALL'],
            IntervalSeconds: s.retry.intervalSeconds,
            MaxAttempts: s.retry.maxAttempts,
            BackoffRate: s.retry.backoffRate,
          },
        ]
      : undefined,
    Catch: s.catch?.map((c) => ({ ErrorEquals: c.errors, Next: c.next })),
  };
}

function taskState(target: TaskTarget, rest: ValueMap): ValueMap {
  return { Type: 'Task', Resource: target.resource, Parameters: target.parameters, ...rest };
}

/**
 * The Amazon States Language definition of a workflow, as an HCL value for `jsonencode()` (so
 * Task resources are references to the invoked resources). Every state keeps its own type: a
 * Choice is its own state with `Choices` and `Default`, never folded into a Task.
 */
export function aslDefinition(o: AslOptions): ValueMap {
  const states = o.states ?? [];
  if (states.length === 0) {
    o.note("The state machine lists no states: a single Pass state was exported; add the workflow's states.");
    return { StartAt: 'Start', States: { Start: { Type: 'Pass', End: true } } };
  }
  // No prototype: a state may be called "__proto__".
  const out = Object.create(null) as Record<string, ValueMap>;
  for (const s of states) {
    const common: ValueMap = { Comment: s.comment };
    switch (s.type) {
      case 'Task': {
        let target = s.resource !== undefined ? o.task(s.resource) : undefined;
        if (!target) {
          o.note(
            `Task "${s.name}" has no resource a workflow can invoke: it calls a placeholder function to fill in.`,
          );
          target = o.placeholder(s.name);
        }
        out[s.name] = taskState(target, { ...common, ...flow(s), ...errorHandling(s) });
        break;
      }
      case 'Choice':
        out[s.name] = {
          Type: 'Choice',
          ...common,
          Choices: (s.choices ?? []).map((c) => ({
            Variable: c.variable,
            [c.operator]: c.value,
            Next: c.next,
          })),
          Default: s.default,
        };
        break;
      case 'Wait':
        out[s.name] = { Type: 'Wait', ...common, Seconds: s.seconds ?? 0, ...flow(s) };
        break;
      case 'Map': {
        const target = s.resource !== undefined ? o.task(s.resource) : undefined;
        const item: ValueMap = target ? taskState(target, { End: true }) : { Type: 'Pass', End: true };
        out[s.name] = {
          Type: 'Map',
          ...common,
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Item', States: { Item: item } },
          ...flow(s),
          ...errorHandling(s),
        };
        break;
      }
      case 'Parallel':
        o.note(`Parallel state "${s.name}" was exported with one placeholder branch; add its branches.`);
        out[s.name] = {
          Type: 'Parallel',
          ...common,
          Branches: [{ StartAt: 'Branch', States: { Branch: { Type: 'Pass', End: true } } }],
          ...flow(s),
          ...errorHandling(s),
        };
        break;
      case 'Succeed':
      case 'Fail':
        out[s.name] = { Type: s.type, ...common };
        break;
      default:
        out[s.name] = { Type: 'Pass', ...common, ...flow(s) };
    }
  }
  return { StartAt: o.startAt ?? states[0]?.name, States: out };
}
