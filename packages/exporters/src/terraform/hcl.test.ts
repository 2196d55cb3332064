import { parse } from '@cdktf/hcl2json';
import { userText } from '@stackdraft/patterns/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findReferences } from '../test/terraform-hcl-check';
import { block, blocks, escapeHclText, jsonencode, quote, raw, tpl, wellFormed } from './hcl';
import { printBody, printValue } from './hcl-print';

/** hcl2json decodes string escapes but keeps the template escapes `$${` and `%%{` as written. */
function templateText(parsed: string): string {
  return parsed.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

async function roundTrip(s: string): Promise<string> {
  const json = (await parse('t.tf', `a = ${quote(s)}\n`)) as { a: string };
  return templateText(json.a);
}

describe('HCL string escaping', () => {
  it('escapes quotes, backslashes, newlines and template sequences', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the HCL interpolation is the point
    expect(quote('say "hi" \\ ${var.x} %{if} \n\t\r')).toBe('"say \\"hi\\" \\\\ $${var.x} %%{if} \\n\\t\\r"');
    expect(escapeHclText('\u0001\u007f\u2028')).toBe('\\u0001\\u007f\\u2028');
    expect(escapeHclText('plain text: (ok) $5 100%')).toBe('plain text: (ok) $5 100%');
  });

  it('keeps surrogate pairs and replaces lone surrogates, which no UTF-8 file can hold', () => {
    expect(escapeHclText('😀')).toBe('😀');
    expect(escapeHclText('a\ud800b')).toBe('a\\ufffdb');
    expect(escapeHclText('\udc00')).toBe('\\ufffd');
    expect(wellFormed('x\ud83dy😀')).toBe('x\ufffdy😀');
  });

  it('reads back exactly the text that was written, for any text', async () => {
    const samples = ['$${already escaped}', '$$$', '%%{', 'end with $', 'end with %', '"\\"', '</script>-->'];
    for (const s of samples) expect(await roundTrip(s)).toBe(s);
    await fc.assert(
      fc.asyncProperty(fc.oneof(userText(), fc.string({ unit: 'binary', maxLength: 40 })), async (s) => {
        // HCL reads string literals in Unicode normal form C.
        expect(await roundTrip(s)).toBe(wellFormed(s).normalize('NFC'));
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});

describe('HCL templates and values', () => {
  it('interpolates expressions and keeps a literal $ or % right before them literal', async () => {
    const t = tpl`cost: 5$${raw('var.amount')} 10%${raw('var.rate')}`;
    const text = printValue(t, '');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: expected HCL text
    expect(text).toBe('"cost: 5${"$"}${var.amount} 10${"%"}${var.rate}"');
    // It parses; hcl2json folds the constant "$" back into the text, so only the second reference
    // is visible to the reference checker in that form.
    const json = (await parse('t.tf', `a = ${text}\n`)) as { a: string };
    expect(findReferences(json.a)).toContain('var.rate');
  });

  it('quotes object keys that are not plain identifiers or are keywords', () => {
    const text = printValue({ source: 'a', 'detail-type': 'b', for: 1, __proto__x: 2, '${x}': 3 }, '');
    expect(text).toBe('{ source = "a", "detail-type" = "b", "for" = 1, __proto__x = 2, "$${x}" = 3 }');
    expect(printValue({ list: ['a'] }, '')).toBe('{\n  list = ["a"]\n}');
  });

  it('prints long objects on several lines and aligns "=" like terraform fmt', () => {
    const out: string[] = [];
    printBody(
      {
        name: 'queue',
        visibility_timeout_seconds: 30,
        redrive_policy: jsonencode({
          deadLetterTargetArn: raw('aws_sqs_queue.dlq.arn'),
          maxReceiveCount: 5,
          note: 'x'.repeat(60),
        }),
        tags: { Name: 'Orders' },
        lifecycle: block({ prevent_destroy: true }),
        ingress: blocks([{ from_port: 80 }, { from_port: 443 }]),
      },
      '',
      out,
    );
    expect(out.join('\n')).toBe(
      [
        'name                       = "queue"',
        'visibility_timeout_seconds = 30',
        'redrive_policy = jsonencode({',
        '  deadLetterTargetArn = aws_sqs_queue.dlq.arn',
        '  maxReceiveCount     = 5',
        `  note                = "${'x'.repeat(60)}"`,
        '})',
        'tags = { Name = "Orders" }',
        'lifecycle {',
        '  prevent_destroy = true',
        '}',
        'ingress {',
        '  from_port = 80',
        '}',
        'ingress {',
        '  from_port = 443',
        '}',
      ].join('\n'),
    );
  });

  it('leaves out undefined arguments and prints empty collections', () => {
    const out: string[] = [];
    printBody({ a: undefined, b: [], c: {}, d: null, e: Number.NaN }, '', out);
    expect(out.join('\n')).toBe('b = []\nc = {}\nd = null\ne = null');
  });
});
