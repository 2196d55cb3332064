import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, Unreadable } from '../test/memory-io';

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8');
const ORDERS_YAML = fixture('orders.stackdraft.yaml');
const REPORTS_JSON = fixture('reports.stackdraft.json');

const NO_STACK = /^\s+at /m;

describe('stackdraft validate', () => {
  it('accepts a valid YAML document, says how big it is and lists its design findings', async () => {
    const r = await run(['validate', 'orders.stackdraft.yaml'], { 'orders.stackdraft.yaml': ORDERS_YAML });
    expect(r).toEqual({
      code: 0,
      stdout: [
        '✓ orders.stackdraft.yaml: valid (6 nodes, 4 edges)',
        '  severity  rule                 nodes         message',
        '  warning   secrets-not-managed  order-worker  "Order worker" uses database credentials, and the design has no secrets vault to keep and rotate them.',
        '1 warning · review score 99/100',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('exits 1 on an error-level finding (a JSON document writing to a read replica)', async () => {
    const r = await run(['validate', 'reports.stackdraft.json'], { 'reports.stackdraft.json': REPORTS_JSON });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('✗ reports.stackdraft.json: 1 error-level finding (3 nodes, 2 edges)');
    expect(lines[2]).toMatch(
      /^ {2}error {5}write-to-replica {5}reports-replica,report-builder {2}"Report builder" connects to read replica "Reports replica"/,
    );
    expect(lines.slice(3, 5).map((l) => l.split(/\s+/)[1])).toEqual(['warning', 'warning']);
    expect(lines.at(-1)).toBe('1 error, 2 warnings · review score 60/100');
  });

  it('exits 0 when the error is accepted, listing it with the reason', async () => {
    const accepted = JSON.stringify({
      ...JSON.parse(REPORTS_JSON),
      suppressions: [
        { rule: 'write-to-replica', nodeId: 'reports-replica', reason: 'legacy job, read-only in practice' },
      ],
    });
    const r = await run(['validate', 'reports.stackdraft.json'], { 'reports.stackdraft.json': accepted });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ reports\.stackdraft\.json: valid \(3 nodes, 2 edges\)$/m);
    expect(r.stdout).toMatch(
      /^ {2}accepted {2}write-to-replica .*\(accepted: legacy job, read-only in practice\)$/m,
    );
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 warnings, 1 accepted · review score 97/100');
  });

  it('says when there is nothing to report', async () => {
    const clean =
      'stackdraft: 1\nname: Clean\nnodes:\n  - { id: a, kind: function, label: A }\n  - { id: t, kind: nosql-table, label: T }\nedges:\n  - { source: a, target: t }\n';
    const r = await run(['validate', 'clean.yaml'], { 'clean.yaml': clean });
    expect(r).toEqual({
      code: 0,
      stdout: '✓ clean.yaml: valid (2 nodes, 1 edge)\nno findings · review score 100/100\n',
      stderr: '',
    });
  });

  it('keeps labels from moving the cursor or breaking lines in the terminal', async () => {
    const text =
      'stackdraft: 1\nname: Evil\nnodes:\n  - id: q\n    kind: queue\n    label: "Q\\e[2J\\nfake line"\n';
    const r = await run(['validate', 'evil.yaml'], { 'evil.yaml': text });
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('Queue "Q\ufffd[2J fake line" has no connections');
    expect(r.stdout.split('\n')).toHaveLength(5);
  });

  // Each class of bad input: exit 2, nothing on stdout, a message that names the file (and the
  // line, where there is one), a count line, and no stack trace.
  const badInputs: { name: string; file: string; content?: string | Unreadable; expected: RegExp }[] = [
    { name: 'a missing file', file: 'missing.yaml', expected: /^missing\.yaml: no such file/m },
    {
      name: 'a directory',
      file: 'designs',
      content: new Unreadable('EISDIR'),
      expected: /^designs: is a directory/m,
    },
    {
      name: 'an unreadable file',
      file: 'secret.yaml',
      content: new Unreadable('EACCES'),
      expected: /^secret\.yaml: permission denied/m,
    },
    {
      name: 'a file over the size limit',
      file: 'huge.yaml',
      content: new Unreadable('EFBIG'),
      expected: /^huge\.yaml: the file is larger than 20 MB/m,
    },
    {
      name: 'a file failing with another error',
      file: 'io.yaml',
      content: new Unreadable('EIO'),
      expected: /^io\.yaml: cannot read the file: EIO/m,
    },
    {
      name: 'an empty YAML file',
      file: 'empty.yaml',
      content: '',
      expected: /^empty\.yaml:1:1: the document is empty/m,
    },
    {
      name: 'a blank YAML file',
      file: 'blank.yaml',
      content: '\n  \n',
      expected: /^blank\.yaml:1:1: the document is empty/m,
    },
    {
      name: 'an empty JSON file',
      file: 'empty.json',
      content: '',
      expected: /^empty\.json:1:1: invalid JSON: the file is empty/m,
    },
    {
      name: 'invalid YAML',
      file: 'broken.yaml',
      content: 'stackdraft: 1\nname: Broken\nnodes:\n  - id: a\n    kind: queue\n    label: [unclosed\n',
      expected: /^broken\.yaml:\d+:\d+: invalid YAML: /m,
    },
    {
      name: 'invalid JSON',
      file: 'broken.json',
      content: '{ "stackdraft": 1,, }',
      expected: /^broken\.json:1:\d+: invalid JSON: /m,
    },
    {
      name: 'a schema error',
      file: 'schema.yaml',
      content:
        'stackdraft: 1\nname: Schema\nnodes:\n  - id: a\n    kind: queue\n    label: A\n    colour: red\n',
      expected: /^schema\.yaml:7:5: nodes\[0\]\.colour?: /m,
    },
    {
      name: 'an unknown node kind',
      file: 'kind.yaml',
      content: 'stackdraft: 1\nname: Kind\nnodes:\n  - id: a\n    kind: queu\n    label: A\n',
      expected: /^kind\.yaml:5:11: nodes\[0\]\.kind: unknown node kind "queu"/m,
    },
    {
      name: 'a YAML scalar instead of a document',
      file: 'scalar.yaml',
      content: 'hello\n',
      expected: /^scalar\.yaml:1:1: a Stackdraft document is a mapping/m,
    },
    {
      name: 'binary garbage',
      file: 'image.yaml',
      content: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR',
      expected: /^image\.yaml: is not a text file/m,
    },
    {
      name: 'bytes that are not UTF-8',
      file: 'latin1.yaml',
      content: new Unreadable('ERR_ENCODING_INVALID_ENCODED_DATA'),
      expected: /^latin1\.yaml: is not UTF-8 text/m,
    },
  ];

  it.each(badInputs)('exits 2 on $name, naming the file', async ({ file, content, expected }) => {
    const r = await run(['validate', file], content === undefined ? {} : { [file]: content });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).toMatch(new RegExp(`^✗ ${file.replace('.', '\\.')}: invalid \\(\\d+ errors?\\)$`, 'm'));
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('reports every error with its own line, then the count', async () => {
    const text =
      'stackdraft: 1\nname: Two\nnodes:\n  - id: a\n    kind: queu\n    label: A\nedges:\n  - { source: a, target: b }\n';
    const r = await run(['validate', 'two.yaml'], { 'two.yaml': text });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^two\.yaml:5:11: nodes\[0\]\.kind: unknown node kind "queu"/),
      expect.stringMatching(/^two\.yaml:8:\d+: edges\[0\]\.target: no node has id "b"/),
      '✗ two.yaml: invalid (2 errors)',
    ]);
  });

  describe('--json', () => {
    it('prints the report of a valid document on stdout', async () => {
      const r = await run(['validate', 'orders.stackdraft.yaml', '--json'], {
        'orders.stackdraft.yaml': ORDERS_YAML,
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({
        file: 'orders.stackdraft.yaml',
        valid: true,
        errors: [],
        findings: [
          {
            rule: 'secrets-not-managed',
            key: 'secrets-not-managed:design',
            severity: 'warning',
            pillar: 'security',
            nodeIds: ['order-worker'],
            edgeIds: ['order-worker-orders-db'],
            message:
              '"Order worker" uses database credentials, and the design has no secrets vault to keep and rotate them.',
            fix: { id: 'add-secrets-vault', label: 'Add a secrets vault and connect the services' },
          },
        ],
        score: expect.objectContaining({ overall: 99, cappedByErrors: false }),
      });
    });

    it('exits 1 with the findings and the score when an error-level finding is open', async () => {
      const r = await run(['validate', '--json', 'reports.stackdraft.json'], {
        'reports.stackdraft.json': REPORTS_JSON,
      });
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.valid).toBe(true);
      expect(
        report.findings.map((f: { rule: string; severity: string }) => `${f.severity} ${f.rule}`),
      ).toEqual(['error write-to-replica', 'warning secrets-not-managed', 'warning single-az-database']);
      expect(report.score.overall).toBe(60);
      expect(report.score.pillars).toHaveLength(6);
    });

    it('lists errors with code, message, path, line and column, and still exits 2', async () => {
      const text = 'stackdraft: 1\nname: Kind\nnodes:\n  - id: a\n    kind: queu\n    label: A\n';
      const r = await run(['validate', '--json', 'kind.yaml'], { 'kind.yaml': text });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({
        file: 'kind.yaml',
        valid: false,
        errors: [
          {
            code: 'unknown-kind',
            message: expect.stringContaining('"queu"'),
            path: 'nodes[0].kind',
            line: 5,
            column: 11,
          },
        ],
        findings: [],
        score: null,
      });
    });

    it('reports a file that cannot be read in the same shape, without a position', async () => {
      const r = await run(['validate', 'missing.json', '--json']);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toEqual({
        file: 'missing.json',
        valid: false,
        errors: [{ code: 'file-not-found', message: expect.any(String), path: '', line: null, column: null }],
        findings: [],
        score: null,
      });
    });
  });
});
