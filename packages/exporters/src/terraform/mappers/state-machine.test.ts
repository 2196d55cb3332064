import { type ArchitectureDocument, emptyDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { exportTerraform } from '../exporter';

/**
 * A design with one state machine: a Task on a function, a Choice, a Task on a queue, and a Task
 * on a node that does not exist (a placeholder) whose catchers list States.ALL first.
 */
const doc: ArchitectureDocument = {
  ...emptyDocument('Workflow'),
  nodes: [
    {
      id: 'flow',
      kind: 'state-machine',
      label: 'Flow',
      config: {
        states: [
          { name: 'Work', type: 'Task', resource: 'work', next: 'Ready' },
          {
            name: 'Ready',
            type: 'Choice',
            choices: [{ variable: '$.ok', operator: 'BooleanEquals', value: true, next: 'Send' }],
            default: 'Pay',
          },
          { name: 'Send', type: 'Task', resource: 'jobs', next: 'Pay' },
          {
            name: 'Pay',
            type: 'Task',
            resource: 'nowhere',
            end: true,
            catch: [
              { errors: ['States.ALL'], next: 'Failed' },
              { errors: ['States.Timeout'], next: 'Failed' },
            ],
          },
          { name: 'Failed', type: 'Fail' },
        ],
      },
    },
    { id: 'work', kind: 'function', label: 'Work' },
    { id: 'jobs', kind: 'queue', label: 'Jobs' },
  ],
  edges: [],
};

/** The printed definition of the state machine (its `jsonencode(...)` argument, one state a block). */
function definitionText(): string {
  const tf = exportTerraform(doc).files.find((f) => f.path === 'messaging.tf')?.content ?? '';
  const start = tf.indexOf('definition = jsonencode(');
  expect(start).toBeGreaterThan(-1);
  return tf.slice(start, tf.indexOf('\n  })', start));
}

/** The text of one state in the definition, from its name to the next state. */
function state(text: string, name: string, next?: string): string {
  const from = text.indexOf(`      ${name} = `);
  expect(from, name).toBeGreaterThan(-1);
  return text.slice(from, next ? text.indexOf(`      ${next} = `) : undefined);
}

describe('state-machine -> aws_sfn_state_machine (built by the shared ASL builder)', () => {
  const text = definitionText();

  it('binds Tasks to Terraform references and keeps Choice its own state', () => {
    expect(text).toContain('StartAt = "Work"');
    expect(state(text, 'Work', 'Ready')).toMatch(/Type = "Task", Resource = aws_lambda_function\.work\.arn/);
    const choice = state(text, 'Ready', 'Send');
    expect(choice).toContain('Type = "Choice"');
    expect(choice).toContain('{ Variable = "$.ok", BooleanEquals = true, Next = "Send" }');
    expect(choice).toContain('Default = "Pay"');
    expect(choice).not.toContain('Resource');
    expect(state(text, 'Send', 'Pay')).toContain('QueueUrl = aws_sqs_queue.jobs.url');
  });

  it('gives a Task with nothing to invoke a placeholder, keeps it a Task and puts States.ALL last', () => {
    const pay = state(text, 'Pay', 'Failed');
    expect(pay).toContain('Type       = "Task"');
    expect(pay).toContain('FunctionName = "fill-in-function-for-Pay"');
    expect(pay.indexOf('"States.Timeout"')).toBeGreaterThan(-1);
    expect(pay.indexOf('"States.Timeout"')).toBeLessThan(pay.indexOf('"States.ALL"'));
    expect(state(text, 'Failed')).toContain('Failed = { Type = "Fail" }');
  });
});
