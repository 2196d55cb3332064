import { describe, expect, it } from 'vitest';
import { checkAsl } from './asl-check';

// checkAsl is the tests' own oracle (written apart from src/asl/validate.ts, so that one cannot
// hide the other's mistakes): it must accept what Step Functions accepts and refuse the rest.
describe('checkAsl (the test oracle for Step Functions definitions)', () => {
  it('accepts a valid definition', () => {
    expect(
      checkAsl({
        StartAt: 'A',
        States: {
          A: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:f', Next: 'B' },
          B: {
            Type: 'Choice',
            Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'C' }],
            Default: 'D',
          },
          C: { Type: 'Succeed' },
          D: { Type: 'Fail' },
        },
      }),
    ).toEqual([]);
  });

  it('reports what Step Functions would refuse', () => {
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
