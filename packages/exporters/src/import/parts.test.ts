import { describe, expect, it } from 'vitest';
import { coveringCidr, idFromName } from './nodes';
import { describeParseError } from './parse';
import { numberInText, refsIn, stringInText } from './values';

/** An HCL interpolation as hcl2json returns it: `${...}` (built so it is not a JS template). */
const expr = (body: string) => `$\{${body}}`;

describe('import helpers', () => {
  it('formats hcl2json errors as file:line:column: message', () => {
    const e = describeParseError(
      'infra/main.tf',
      new Error(
        'parse config: [infra/main.tf:12,3-9: Unsupported block type; Blocks of type "resourc" are not expected here.]',
      ),
    );
    expect(e.message).toBe(
      'infra/main.tf:12:3: Unsupported block type; Blocks of type "resourc" are not expected here',
    );
    expect(e.location).toEqual({ file: 'infra/main.tf', line: 12, column: 3 });
    expect(describeParseError('a.tf', 'something odd').message).toBe('a.tf: something odd');
  });

  it('finds resource references in expressions, not variables, locals, providers or data', () => {
    const refs = refsIn(
      expr(
        'jsonencode({ a = aws_sqs_queue.dlq.arn, b = var.x, c = local.y, d = aws.west, e = aws_subnet.a[0].id, f = data.aws_iam_policy_document.p.json })',
      ),
      'policy',
    );
    expect(refs.map((r) => `${r.address}.${r.attr}`)).toEqual([
      'aws_sqs_queue.dlq.arn',
      'aws_subnet.a.id',
      'data.aws_iam_policy_document.p.json',
    ]);
    expect(refsIn('aws_sqs_queue.x.arn', 'plain')).toEqual([]); // a literal string is not an expression
  });

  it('reads numbers and strings out of jsonencode text', () => {
    const text = expr(
      'jsonencode({ deadLetterTargetArn = aws_sqs_queue.d.arn, maxReceiveCount = 7, image = "nginx:1" })',
    );
    expect(numberInText(text, 'maxReceiveCount')).toBe(7);
    expect(stringInText(text, 'image')).toBe('nginx:1');
    expect(numberInText(text, 'missing')).toBeUndefined();
  });

  it('makes node ids from Terraform names and covers zonal subnet halves with one CIDR', () => {
    expect(idFromName('Orders_Queue')).toBe('orders-queue');
    expect(idFromName('___')).toBe('node');
    expect(coveringCidr(['10.0.0.0/25', '10.0.0.128/25'])).toBe('10.0.0.0/24');
    expect(coveringCidr(['10.0.10.0/24', '10.0.11.0/24'])).toBe('10.0.10.0/23');
    expect(coveringCidr(['10.0.1.0/24', undefined])).toBeUndefined();
  });
});
