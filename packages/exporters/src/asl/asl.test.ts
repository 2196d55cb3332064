import type { ArchitectureDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { templateDocument } from '../test/hostile';
import { exportAsl } from './index';
import type { AslDefinition } from './types';
import { validateAsl } from './validate';

const parse = (content: string) => JSON.parse(content) as AslDefinition;
/** `${name}`, the placeholder syntax of the ASL file. */
const ph = (name: string) => `\${${name}}`;

function machine(states: unknown[], extra: Partial<ArchitectureDocument> = {}): ArchitectureDocument {
  return {
    stackdraft: 1,
    name: 'M',
    provider: 'aws',
    region: 'us-east-1',
    environment: 'production',
    nodes: [
      { id: 'flow', kind: 'state-machine', label: 'Flow', config: { states } },
      { id: 'work', kind: 'function', label: 'Work' },
      { id: 'jobs', kind: 'queue', label: 'Jobs' },
      { id: 'db', kind: 'nosql-table', label: 'DB' },
    ],
    edges: [],
    ...extra,
  };
}

describe('ASL export', () => {
  it('writes the order workflow with a separate Choice state and documented Lambda placeholders', () => {
    const r = exportAsl(templateDocument('step-functions-order-workflow'));
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.files.map((f) => f.path)).toEqual(['order-workflow.asl.json']);
    const def = parse(r.files[0]?.content ?? '');
    expect(validateAsl(def)).toEqual([]);
    expect(def.StartAt).toBe('ValidateOrder');
    expect(def.States.CheckInventory).toMatchObject({
      Type: 'Task',
      Resource: ph('CheckInventoryArn'),
      Next: 'InventoryAvailable',
    });
    expect(def.States.CheckInventory).not.toHaveProperty('Choices');
    expect(def.States.InventoryAvailable).toEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.inventory_available', BooleanEquals: true, Next: 'ProcessPayment' }],
      Default: 'NotifyOutOfStock',
    });
    expect(def.States.NotifyCustomer).toMatchObject({ End: true });
    expect(def.Comment).toContain(`${ph('CheckInventoryArn')} = ARN of function check-inventory`);
  });

  it('uses service integrations for queues, and a Pass state (with a warning) for what Step Functions cannot call', () => {
    const r = exportAsl(
      machine([
        { name: 'Send', type: 'Task', resource: 'jobs', next: 'Save' },
        { name: 'Save', type: 'Task', resource: 'db', end: true },
      ]),
    );
    const def = parse(r.files[0]?.content ?? '');
    expect(def.States.Send).toMatchObject({
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage',
      Parameters: { QueueUrl: ph('JobsUrl'), 'MessageBody.$': '$' },
    });
    expect(def.States.Save).toEqual({ Type: 'Pass', End: true });
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        nodeId: 'flow',
        message: expect.stringContaining('"Save"'),
      }),
    );
    expect(validateAsl(def)).toEqual([]);
  });

  it('puts States.ALL catchers last and alone, and gives Map states an item processor', () => {
    const r = exportAsl(
      machine([
        {
          name: 'Each',
          type: 'Map',
          resource: 'work',
          next: 'Done',
          catch: [
            { errors: ['States.ALL', 'Custom'], next: 'Failed' },
            { errors: ['Custom.Timeout'], next: 'Done' },
          ],
        },
        { name: 'Done', type: 'Succeed' },
        { name: 'Failed', type: 'Fail' },
      ]),
    );
    const def = parse(r.files[0]?.content ?? '');
    expect(def.States.Each?.Catch).toEqual([
      { ErrorEquals: ['Custom.Timeout'], Next: 'Done' },
      { ErrorEquals: ['States.ALL'], Next: 'Failed' },
    ]);
    expect(def.States.Each?.ItemProcessor).toEqual({
      ProcessorConfig: { Mode: 'INLINE' },
      StartAt: 'Process',
      States: { Process: { Type: 'Task', Resource: ph('WorkArn'), End: true } },
    });
    expect(validateAsl(def)).toEqual([]);
  });

  it('writes nothing for a design without a state machine, and says so', () => {
    const r = exportAsl({ ...machine([]), nodes: [] });
    expect(r.files).toEqual([]);
    expect(r.diagnostics[0]?.message).toContain('no state machine');
  });
});

describe('validateAsl', () => {
  const ok: AslDefinition = {
    StartAt: 'A',
    States: {
      A: { Type: 'Task', Resource: 'arn', Next: 'B' },
      B: { Type: 'Choice', Choices: [{ Variable: '$.x', BooleanEquals: true, Next: 'C' }], Default: 'D' },
      C: { Type: 'Succeed' },
      D: { Type: 'Fail' },
    },
  };

  it('accepts a valid definition', () => {
    expect(validateAsl(ok)).toEqual([]);
  });

  it.each([
    ['a missing start state', { ...ok, StartAt: 'Z' }, 'StartAt: "Z" is not a state'],
    [
      'a Next to nowhere',
      { ...ok, States: { ...ok.States, A: { Type: 'Task', Resource: 'arn', Next: 'Z' } } },
      'goes to "Z"',
    ],
    [
      'an unreachable state',
      { ...ok, States: { ...ok.States, E: { Type: 'Pass', End: true } } },
      'not reachable',
    ],
    [
      'no terminal state',
      { StartAt: 'A', States: { A: { Type: 'Wait', Seconds: 1, Next: 'A' } } },
      'no state ends',
    ],
    [
      "a Task that is also a Choice (the seed's mistake)",
      {
        ...ok,
        States: { ...ok.States, A: { Type: 'Task', Resource: 'arn', Next: 'B', Choices: [], Default: 'C' } },
      },
      'only a Choice state has Choices',
    ],
    [
      'a Choice with Next',
      { ...ok, States: { ...ok.States, B: { ...ok.States.B, Next: 'C' } as never } },
      'cannot have Next',
    ],
    [
      'a Choice rule with two operators',
      {
        ...ok,
        States: {
          ...ok.States,
          B: {
            Type: 'Choice',
            Choices: [{ Variable: '$.x', BooleanEquals: true, IsNull: false, Next: 'C' }],
            Default: 'D',
          },
        },
      },
      'exactly one comparison',
    ],
    [
      'a Task without a Resource',
      { ...ok, States: { ...ok.States, A: { Type: 'Task', Next: 'B' } } },
      'needs a Resource',
    ],
    [
      'both Next and End',
      { ...ok, States: { ...ok.States, A: { Type: 'Task', Resource: 'arn', Next: 'B', End: true } } },
      'exactly one of Next and End',
    ],
    [
      'States.ALL not last',
      {
        ...ok,
        States: {
          ...ok.States,
          A: {
            Type: 'Task',
            Resource: 'arn',
            Next: 'B',
            Catch: [
              { ErrorEquals: ['States.ALL'], Next: 'D' },
              { ErrorEquals: ['X'], Next: 'D' },
            ],
          },
        },
      },
      'States.ALL must be alone',
    ],
  ])('rejects %s', (_name, def, problem) => {
    expect(validateAsl(def as AslDefinition).join('\n')).toContain(problem);
  });
});
