import { describe, expect, it } from 'vitest';
import { checkAsl } from '../test/asl-check';
import { aslDefinition, type StateConfig } from './asl';
import { raw } from './hcl';

/** The ASL as JSON, with references shown as `ref:<expression>` (what jsonencode would fill in). */
function asJson(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && 'text' in x ? `ref:${(x as { text: string }).text}` : x,
    ),
  );
}

const placeholder = (name: string) => ({ resource: `placeholder:${name}` });

const retry = { maxAttempts: 3, intervalSeconds: 2, backoffRate: 2 };
const order: StateConfig[] = [
  { name: 'ValidateOrder', type: 'Task', resource: 'validate', next: 'InventoryAvailable', retry },
  {
    name: 'InventoryAvailable',
    type: 'Choice',
    choices: [{ variable: '$.inventory_available', operator: 'BooleanEquals', value: true, next: 'Pay' }],
    default: 'OutOfStock',
  },
  {
    name: 'Pay',
    type: 'Task',
    resource: 'pay',
    end: true,
    catch: [{ errors: ['States.ALL'], next: 'Failed' }],
  },
  { name: 'OutOfStock', type: 'Pass', end: true },
  { name: 'Failed', type: 'Fail' },
];

describe('ASL definitions', () => {
  it('keeps Choice as its own state and references the invoked functions', () => {
    const notes: string[] = [];
    const def = asJson(
      aslDefinition({
        states: order,
        task: (id) => ({ resource: raw(`aws_lambda_function.${id}.arn`) }),
        placeholder,
        note: (m) => notes.push(m),
      }),
    ) as { StartAt: string; States: Record<string, Record<string, unknown>> };
    expect(checkAsl(def)).toEqual([]);
    expect(notes).toEqual([]);
    expect(def.StartAt).toBe('ValidateOrder');
    expect(def.States.InventoryAvailable).toEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.inventory_available', BooleanEquals: true, Next: 'Pay' }],
      Default: 'OutOfStock',
    });
    expect(def.States.ValidateOrder).toMatchObject({
      Type: 'Task',
      Resource: 'ref:aws_lambda_function.validate.arn',
      Next: 'InventoryAvailable',
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
    });
    expect(def.States.Pay).toMatchObject({
      End: true,
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
    });
  });

  it('gives a Task without an invocable resource a placeholder, keeping its catches, and says so', () => {
    const notes: string[] = [];
    const def = asJson(
      aslDefinition({ states: order, task: () => undefined, placeholder, note: (m) => notes.push(m) }),
    ) as {
      States: Record<string, { Type: string; Resource: string; Catch?: unknown }>;
    };
    expect(def.States.Pay).toMatchObject({
      Type: 'Task',
      Resource: 'placeholder:Pay',
      Catch: [{ Next: 'Failed' }],
    });
    expect(notes).toHaveLength(2);
    expect(checkAsl(def)).toEqual([]);
  });

  it('gives Map an item processor and Parallel a branch, so both stay valid', () => {
    const notes: string[] = [];
    const def = asJson(
      aslDefinition({
        startAt: 'Fan',
        states: [
          { name: 'Fan', type: 'Map', resource: 'worker', next: 'Both' },
          { name: 'Both', type: 'Parallel', next: 'Wait' },
          { name: 'Wait', type: 'Wait', seconds: 5, end: true },
        ],
        task: (id) => ({ resource: raw(`aws_lambda_function.${id}.arn`) }),
        placeholder,
        note: (m) => notes.push(m),
      }),
    );
    expect(checkAsl(def)).toEqual([]);
    expect(notes).toEqual([
      'Parallel state "Both" was exported with one placeholder branch; add its branches.',
    ]);
  });

  it('exports an empty workflow as one Pass state', () => {
    const notes: string[] = [];
    const def = aslDefinition({ task: () => undefined, placeholder, note: (m) => notes.push(m) });
    expect(checkAsl(def)).toEqual([]);
    expect(notes).toHaveLength(1);
  });

  it('checks what Step Functions would refuse (the checker can fail)', () => {
    expect(
      checkAsl({
        StartAt: 'A',
        States: {
          A: { Type: 'Task', Next: 'Missing' },
          B: { Type: 'Choice', Choices: [], Next: 'A' },
          C: { Type: 'Pass' },
        },
      }),
    ).toEqual(
      expect.arrayContaining([
        'Task state A has no Resource',
        'state A goes to Missing, which does not exist',
        'Choice state B has no Choices',
        'Choice state B cannot have Next or End',
        'Pass state C needs exactly one of Next or End',
        'no state ends the execution',
        'state B cannot be reached from StartAt',
      ]),
    );
  });
});
