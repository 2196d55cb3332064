import { type DocumentNode, type Graph, getKind, resolveConfig } from '@stackdraft/patterns';
import type { ExportDiagnostic } from '../types';
import type { AslDefinition, AslState, StateInput, StateMachineConfig } from './types';

/** Which attribute of a node a Task state needs: its ARN, its URL (SQS) or its name (EventBridge). */
export type RefAttribute = 'arn' | 'url' | 'name';

/**
 * How the caller spells a reference to another node's attribute in the definition: a `${...}`
 * placeholder in the standalone ASL file, a CDK token expression in the CDK app. Whatever it
 * returns is placed as a JSON value.
 */
export type RefResolver = (node: DocumentNode, attribute: RefAttribute) => unknown;

export interface BuiltDefinition {
  definition: AslDefinition;
  /** Every reference the definition makes, in order of first use (for documentation and grants). */
  references: { node: DocumentNode; attribute: RefAttribute; value: unknown }[];
  diagnostics: ExportDiagnostic[];
}

/** How a Task (or a Map's item processor) invokes a node: `Resource` and optional `Parameters`. */
export interface TaskBinding {
  Resource: unknown;
  Parameters?: Record<string, unknown>;
}

/**
 * What a caller decides when building a definition: how a Task invokes the node it names (each
 * exporter spells references its own way: `${Key}` placeholders, CDK tokens, Terraform
 * references), and what a Task with nothing to invoke becomes.
 */
export interface TaskBinder {
  /** The binding for `target`, or undefined when a workflow cannot call it. */
  bind(target: DocumentNode, stateName: string): TaskBinding | undefined;
  /**
   * A stand-in for a Task that names nothing invocable, keeping it a Task (with its retries and
   * catches) to fill in later. Without it such a Task becomes a Pass state.
   */
  unbound?(stateName: string): TaskBinding;
}

/** What a Task does with a node it invokes, by the node's kind: the service integration it uses. */
function integrate(
  target: DocumentNode,
  stateName: string,
  machineId: string,
  ref: (n: DocumentNode, a: RefAttribute) => unknown,
): { Resource: unknown; Parameters?: Record<string, unknown> } | undefined {
  switch (target.kind) {
    case 'function':
      // A Lambda ARN as the Resource invokes the function directly with the state's input.
      return { Resource: ref(target, 'arn') };
    case 'queue':
    case 'dead-letter-queue':
      return {
        Resource: 'arn:aws:states:::sqs:sendMessage',
        Parameters: { QueueUrl: ref(target, 'url'), 'MessageBody.$': '$' },
      };
    case 'topic':
      return {
        Resource: 'arn:aws:states:::sns:publish',
        Parameters: { TopicArn: ref(target, 'arn'), 'Message.$': '$' },
      };
    case 'state-machine':
      return {
        Resource: 'arn:aws:states:::states:startExecution',
        Parameters: { StateMachineArn: ref(target, 'arn'), 'Input.$': '$' },
      };
    case 'event-bus':
      return {
        Resource: 'arn:aws:states:::events:putEvents',
        Parameters: {
          Entries: [
            {
              EventBusName: ref(target, 'name'),
              Source: `stackdraft.${machineId}`,
              DetailType: stateName,
              'Detail.$': '$',
            },
          ],
        },
      };
    default:
      return undefined;
  }
}

/** The `Catch` list in the order ASL requires: `States.ALL` alone in its list and in the last catcher. */
function catchers(state: StateInput, note: (m: string) => void): Record<string, unknown>[] | undefined {
  if (!state.catch || state.catch.length === 0) return undefined;
  const specific: Record<string, unknown>[] = [];
  let all: Record<string, unknown> | undefined;
  for (const c of state.catch) {
    if (c.errors.includes('States.ALL')) {
      if (c.errors.length > 1)
        note(`its catcher for ${c.errors.join(', ')} catches States.ALL, which must stand alone`);
      if (all) note(`a second States.ALL catcher (to "${c.next}") can never match and was left out`);
      else all = { ErrorEquals: ['States.ALL'], Next: c.next };
    } else {
      specific.push({ ErrorEquals: [...c.errors], Next: c.next });
    }
  }
  return all ? [...specific, all] : specific;
}

/**
 * Builds the Amazon States Language definition of a `state-machine` node from its `config.states`.
 * The catalog's model is close to ASL; this fills the gaps Step Functions insists on: a Choice is
 * its own state with `Choices` and `Default`, Task resources become service integrations of the
 * invoked node, Map states get an item processor, and `States.ALL` catchers go last.
 */
export function buildDefinition(graph: Graph, machine: DocumentNode, ref: RefResolver): BuiltDefinition {
  const references: BuiltDefinition['references'] = [];
  const seen = new Map<string, unknown>();
  const track = (node: DocumentNode, attribute: RefAttribute): unknown => {
    const key = `${node.id}\u0000${attribute}`;
    if (!seen.has(key)) {
      const value = ref(node, attribute);
      seen.set(key, value);
      references.push({ node, attribute, value });
    }
    return seen.get(key);
  };
  const built = buildStates(graph, machine, {
    bind: (target, stateName) => integrate(target, stateName, machine.id, track),
  });
  return { ...built, references };
}

/**
 * The definition of a `state-machine` node with Task bindings chosen by the caller: the one
 * builder behind the ASL file, the CDK app and the Terraform module (see {@link buildDefinition}
 * for what it guarantees).
 */
export function buildStates(
  graph: Graph,
  machine: DocumentNode,
  binder: TaskBinder,
): { definition: AslDefinition; diagnostics: ExportDiagnostic[] } {
  const config = resolveConfig<StateMachineConfig>(machine);
  const diagnostics: ExportDiagnostic[] = [];
  const warn = (message: string) => diagnostics.push({ severity: 'warning', message, nodeId: machine.id });

  const states = config.states ?? [];
  if (states.length === 0) {
    diagnostics.push({
      severity: 'info',
      nodeId: machine.id,
      message: 'the state machine lists no states, so its definition is a single Pass state to fill in',
    });
    return {
      definition: {
        Comment: machine.label,
        StartAt: 'Start',
        States: { Start: { Type: 'Pass', End: true } },
      },
      diagnostics,
    };
  }

  const out: Record<string, AslState> = {};
  for (const s of states) {
    const state: AslState = { Type: s.type };
    if (s.comment) state.Comment = s.comment;
    const invoked = s.resource === undefined ? undefined : graph.nodes.get(s.resource);
    const binding = invoked && binder.bind(invoked, s.name);

    if (s.type === 'Task') {
      if (binding) Object.assign(state, binding);
      else if (binder.unbound) {
        Object.assign(state, binder.unbound(s.name));
        warn(
          `Task "${s.name}" has no resource a workflow can invoke: it calls a placeholder function to fill in`,
        );
      } else {
        state.Type = 'Pass';
        warn(
          invoked
            ? `Task "${s.name}" invokes ${invoked.id} (${getKind(invoked.kind).label}), which Step Functions cannot call directly; it was exported as a Pass state`
            : `Task "${s.name}" names no resource to invoke; it was exported as a Pass state`,
        );
      }
    } else if (s.type === 'Map') {
      const processor: AslState = binding
        ? { Type: 'Task', ...binding, End: true }
        : { Type: 'Pass', End: true };
      if (invoked && !binding)
        warn(`Map "${s.name}" iterates with ${invoked.id}, which Step Functions cannot call directly`);
      state.ItemProcessor = {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Process',
        States: { Process: processor },
      };
    } else if (s.type === 'Parallel') {
      // The catalog's model has no branch contents yet: one placeholder branch keeps the state valid.
      state.Branches = [{ StartAt: 'Branch', States: { Branch: { Type: 'Pass', End: true } } }];
      diagnostics.push({
        severity: 'info',
        nodeId: machine.id,
        message: `Parallel "${s.name}" was exported with one placeholder branch: fill in its branches`,
      });
    } else if (s.type === 'Choice') {
      state.Choices = (s.choices ?? []).map((c) => ({
        Variable: c.variable,
        [c.operator]: c.value,
        Next: c.next,
      }));
      if (s.default !== undefined) state.Default = s.default;
    } else if (s.type === 'Wait') {
      state.Seconds = s.seconds ?? 0;
    }

    if (s.type !== 'Choice' && s.type !== 'Succeed' && s.type !== 'Fail') {
      if (s.next !== undefined) state.Next = s.next;
      else state.End = true;
    }
    if (s.type === 'Task' || s.type === 'Map' || s.type === 'Parallel') {
      if (s.retry && state.Type !== 'Pass') {
        state.Retry = [
          {
            ErrorEquals: ['States.ALL'],
            IntervalSeconds: s.retry.intervalSeconds,
            MaxAttempts: s.retry.maxAttempts,
            BackoffRate: s.retry.backoffRate,
          },
        ];
      }
      const c = catchers(s, (m) => warn(`state "${s.name}": ${m}`));
      if (c && state.Type !== 'Pass') state.Catch = c;
      else if (c && c.length > 0) {
        // A Pass cannot catch; keep the error paths reachable so the definition stays valid.
        warn(`state "${s.name}" became a Pass state, which cannot catch errors: its Catch was dropped`);
      }
    }
    out[s.name] = state;
  }

  const start = config.startAt ?? (states[0] as StateInput).name;
  for (const name of unreachable(out, start)) {
    delete out[name];
    warn(`state "${name}" was only reached through a dropped Catch and was left out`);
  }
  return { definition: { Comment: machine.label, StartAt: start, States: out }, diagnostics };
}

/** Names of the states of `states` that no path from `start` reaches (via Next, Default, Choices, Catch). */
export function unreachable(states: Record<string, AslState>, start: string): string[] {
  const reached = new Set<string>();
  const stack = [start];
  for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
    const s = states[name];
    if (!s || reached.has(name)) continue;
    reached.add(name);
    stack.push(...transitions(s));
  }
  return Object.keys(states).filter((n) => !reached.has(n));
}

/** Every state name a state may go to next. */
export function transitions(s: AslState): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
  };
  add(s.Next);
  add(s.Default);
  for (const list of [s.Choices, s.Catch]) {
    if (Array.isArray(list)) for (const c of list) add((c as { Next?: unknown }).Next);
  }
  return out;
}
