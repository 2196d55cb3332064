import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDocument } from '../testing/arbitraries';
import type { DocumentError } from './errors';
import { parseDocument } from './parse';
import { serializeDocument } from './serialize';
import { loadDocument } from './validate-document';

const yaml = (text: string) => parseDocument(text, { format: 'yaml' });
const json = (text: string) => parseDocument(text, { format: 'json' });

function errorsOf(r: ReturnType<typeof yaml>): DocumentError[] {
  if (r.ok) throw new Error('expected errors, got a valid document');
  return r.errors;
}

const VALID = `stackdraft: 1
name: Orders platform
provider: aws
region: us-east-1
environment: production
budget: 2500
nodes:
  - id: use1
    kind: region
    label: US East
    config: { name: us-east-1 }
  - id: orders-queue
    kind: queue
    label: Orders queue
    parent: use1
    position: { x: 120, y: 80 }
    config: { visibilityTimeoutS: 60 }
  - id: orders-dlq
    kind: dead-letter-queue
    label: Orders DLQ
    parent: use1
  - id: worker
    kind: function
    label: Order worker
    parent: use1
    config: { memoryMb: 1024, invocationsPerMonth: 2000000 }
  - id: orders-db
    kind: sql-database
    label: Orders DB
    parent: use1
    config: { instanceClass: db.r6g.large, multiAz: true }
edges:
  - { source: orders-queue, target: worker }
  - { id: redrive, source: orders-queue, target: orders-dlq, kind: redrive }
  - source: worker
    target: orders-db
    config: { access: write, timeoutMs: 2000, retry: { maxAttempts: 3, baseDelayMs: 100, jitter: true } }
suppressions:
  - { rule: single-az-database, nodeId: orders-db, reason: "accepted for now" }
`;

describe('parseDocument', () => {
  it('reads a valid YAML document, keeps configs as written and fills defaults and edge ids', () => {
    const r = yaml(VALID);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.nodes).toHaveLength(5);
    expect(r.document.nodes[1]?.config).toEqual({ visibilityTimeoutS: 60 });
    expect(r.document.edges.map((e) => e.id)).toEqual(['orders-queue-worker', 'redrive', 'worker-orders-db']);
    expect(r.document.budget).toBe(2500);
  });

  it('fills provider, region, environment and empty lists when absent', () => {
    const r = yaml('stackdraft: 1\nname: Minimal\n');
    expect(r).toEqual({
      ok: true,
      document: {
        stackdraft: 1,
        name: 'Minimal',
        provider: 'aws',
        region: 'us-east-1',
        environment: 'production',
        nodes: [],
        edges: [],
      },
    });
  });

  it('reads the same document from JSON', () => {
    const fromYaml = yaml(VALID);
    if (!fromYaml.ok) throw new Error('fixture invalid');
    const r = json(JSON.stringify(fromYaml.document));
    expect(r).toEqual(fromYaml);
  });

  it('generates distinct ids for parallel edges written without ids', () => {
    const r = yaml(`stackdraft: 1
name: x
nodes:
  - { id: a, kind: function, label: A }
  - { id: b, kind: function, label: B }
edges:
  - { source: a, target: b }
  - { source: a, target: b, label: second }
  - { id: a-b-2, source: b, target: a }
`);
    expect(r.ok && r.document.edges.map((e) => e.id)).toEqual(['a-b', 'a-b-3', 'a-b-2']);
  });
});

describe('errors name the path and the line', () => {
  it('reports YAML syntax errors with line and column', () => {
    const [e] = errorsOf(yaml('stackdraft: 1\nname: x\nnodes:\n  - id: a\n   kind: queue\n'));
    expect(e?.code).toBe('yaml-syntax');
    expect(e?.line).toBe(5);
  });

  it('reports JSON syntax errors with line and column', () => {
    const [e] = errorsOf(json('{\n  "stackdraft": 1,\n  "name": "x",\n}'));
    expect(e?.code).toBe('json-syntax');
    expect(e?.line).toBe(4);
  });

  it('refuses an empty file and a non-mapping', () => {
    expect(errorsOf(yaml(''))[0]?.code).toBe('not-an-object');
    expect(errorsOf(json(''))[0]?.code).toBe('json-syntax');
    expect(errorsOf(yaml('- a\n- b\n'))[0]?.code).toBe('not-an-object');
  });

  it('refuses a missing or newer format version', () => {
    expect(errorsOf(yaml('name: x\n'))[0]).toMatchObject({ code: 'missing-version', path: 'stackdraft' });
    const [e] = errorsOf(yaml('stackdraft: 2\nname: x\n'));
    expect(e).toMatchObject({ code: 'unsupported-version', path: 'stackdraft', line: 1 });
    expect(e?.message).toMatch(/newer Stackdraft/);
  });

  it('reports an unknown top-level key at its line, with a suggestion', () => {
    const [e] = errorsOf(yaml('stackdraft: 1\nname: x\nbudgett: 10\n'));
    expect(e).toMatchObject({ code: 'unknown-key', path: 'budgett', line: 3, column: 1 });
    expect(e?.message).toContain('did you mean "budget"');
  });

  it('reports an unknown config key with the full path', () => {
    const text = VALID.replace(
      'config: { instanceClass: db.r6g.large, multiAz: true }',
      'config: { instanceClas: db.r6g.large }',
    );
    const [e] = errorsOf(yaml(text));
    expect(e).toMatchObject({
      code: 'unknown-key',
      path: 'nodes[4].config.instanceClas',
      line: 31,
      column: 15,
    });
    expect(e?.message).toContain('did you mean "instanceClass"');
  });

  it('reports an invalid config value with the full path and line', () => {
    const text = VALID.replace('db.r6g.large, multiAz: true', 'large, multiAz: "yes"');
    const errors = errorsOf(yaml(text));
    expect(errors.map((e) => e.path).sort()).toEqual([
      'nodes[4].config.instanceClass',
      'nodes[4].config.multiAz',
    ]);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [31, 30],
      [31, 46],
    ]);
    expect(errors.find((e) => e.path.endsWith('multiAz'))?.message).toBe(
      'expected a boolean, got a string ("yes")',
    );
  });

  it('reports a wrong enum value with the allowed values', () => {
    const [e] = errorsOf(yaml('stackdraft: 1\nname: x\nenvironment: prod\n'));
    expect(e?.path).toBe('environment');
    expect(e?.message).toContain('"production"');
    expect(e?.line).toBe(3);
  });

  it('reports an unknown kind with a suggestion', () => {
    const [e] = errorsOf(
      yaml('stackdraft: 1\nname: x\nnodes:\n  - { id: a, kind: sql-databse, label: A }\n'),
    );
    expect(e).toMatchObject({ code: 'unknown-kind', path: 'nodes[0].kind', line: 4 });
    expect(e?.message).toContain('did you mean "sql-database"');
  });

  it('reports duplicate node ids', () => {
    const [e] = errorsOf(
      yaml(
        'stackdraft: 1\nname: x\nnodes:\n  - { id: a, kind: queue, label: A }\n  - { id: a, kind: queue, label: B }\n',
      ),
    );
    expect(e).toMatchObject({ code: 'duplicate-id', path: 'nodes[1].id', line: 5 });
    expect(e?.message).toContain('nodes[0]');
  });

  it('reports duplicate edge ids', () => {
    const errors = errorsOf(
      yaml(`stackdraft: 1
name: x
nodes:
  - { id: a, kind: function, label: A }
  - { id: b, kind: function, label: B }
edges:
  - { id: e1, source: a, target: b }
  - { id: e1, source: b, target: a }
`),
    );
    expect(errors).toEqual([expect.objectContaining({ code: 'duplicate-id', path: 'edges[1].id', line: 8 })]);
  });

  it('reports edges to missing nodes, naming the end and suggesting an id', () => {
    const errors = errorsOf(
      yaml(`stackdraft: 1
name: x
nodes:
  - { id: worker, kind: function, label: A }
edges:
  - source: worker
    target: wroker-db
`),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'missing-node', path: 'edges[0].target', line: 7 }),
    ]);
    expect(errors[0]?.message).toBe('no node has id "wroker-db"');
  });

  it('reports a self-loop', () => {
    const [e] = errorsOf(
      yaml(
        'stackdraft: 1\nname: x\nnodes:\n  - { id: a, kind: function, label: A }\nedges:\n  - { source: a, target: a }\n',
      ),
    );
    expect(e?.code).toBe('self-loop');
  });

  it('reports a parent that does not exist', () => {
    const [e] = errorsOf(
      yaml('stackdraft: 1\nname: x\nnodes:\n  - { id: a, kind: queue, label: A, parent: use1 }\n'),
    );
    expect(e).toMatchObject({ code: 'parent-not-found', path: 'nodes[0].parent', line: 4 });
  });

  it('reports a parent that is not a group', () => {
    const [e] = errorsOf(
      yaml(`stackdraft: 1
name: x
nodes:
  - { id: q, kind: queue, label: Q }
  - { id: f, kind: function, label: F, parent: q }
`),
    );
    expect(e).toMatchObject({ code: 'parent-not-group', path: 'nodes[1].parent', line: 5 });
    expect(e?.message).toContain('not a group');
  });

  it('reports a group that may not contain the child', () => {
    const [e] = errorsOf(
      yaml(`stackdraft: 1
name: x
nodes:
  - { id: outer, kind: region, label: Outer }
  - { id: inner, kind: region, label: Inner, parent: outer }
`),
    );
    expect(e).toMatchObject({ code: 'invalid-containment', path: 'nodes[1].parent' });
    expect(e?.message).toBe('A region cannot contain a region');
  });

  it('reports a cycle of parents', () => {
    const r = loadDocument({
      stackdraft: 1,
      name: 'x',
      nodes: [
        { id: 'a', kind: 'region', label: 'A', parent: 'b' },
        { id: 'b', kind: 'region', label: 'B', parent: 'a' },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const cycles = r.errors.filter((e) => e.code === 'parent-cycle');
    expect(cycles.map((e) => e.path)).toEqual(['nodes[0].parent', 'nodes[1].parent']);
    expect(cycles[0]?.message).toContain('a -> b -> a');
  });

  it('reports a missing required field and a wrong type', () => {
    const errors = errorsOf(yaml('stackdraft: 1\nnodes:\n  - { id: A!, kind: queue }\n'));
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['name', 'invalid-value'],
      ['nodes[0].id', 'invalid-value'],
      ['nodes[0].label', 'invalid-value'],
    ]);
    expect(errors[0]?.message).toBe('is required (a string)');
    expect(errors[2]?.line).toBe(3);
  });

  it('refuses YAML alias bombs instead of expanding them', () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]
`;
    expect(errorsOf(yaml(bomb))[0]?.code).toBe('yaml-syntax');
  });
});

describe('round trip', () => {
  it('parse(serialize(d)) deep-equals d for generated documents (YAML and JSON)', () => {
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        const loaded = loadDocument(doc);
        if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors, null, 2));
        expect(loaded.document).toEqual(doc);
        for (const format of ['yaml', 'json'] as const) {
          const text = serializeDocument(doc, format);
          const back = parseDocument(text, { format });
          if (!back.ok) throw new Error(`${format}: ${JSON.stringify(back.errors)}\n${text}`);
          expect(back.document).toEqual(doc);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('writes readable YAML in canonical key order', () => {
    const r = yaml(VALID);
    if (!r.ok) throw new Error('fixture invalid');
    const text = serializeDocument(r.document, 'yaml');
    expect(text.startsWith('stackdraft: 1\nname: Orders platform\nprovider: aws\n')).toBe(true);
    expect(text).toContain('    position: { x: 120, y: 80 }\n');
    expect(serializeDocument(r.document, 'yaml')).toBe(text);
  });
});

describe('YAML scalars that look like other types survive a round trip as text', () => {
  const tricky = [
    '1_000',
    '0b101',
    '+12',
    '.5',
    '1e3',
    '0o17',
    '0x1F',
    '.inf',
    '-.Inf',
    '.NaN',
    'yes',
    'no',
    'on',
    'off',
    'Y',
    'n',
    '2024-01-01',
    '2024-01-01T10:00:00Z',
    '=',
    '<<',
    '~',
    'null',
    'NULL',
    'True',
    'FALSE',
    '12:30',
    '1:20:30',
    '0777',
    '-',
    '? x',
    '!tag',
    '*alias',
    '&anchor',
    '%YAML',
    '---',
    '...',
    '| block',
    '> folded',
    '[a]',
    '{a: 1}',
    '@x',
    '`x`',
    ' leading',
    'trailing ',
    '#hash',
    'a #b',
    'a: b',
    '"',
    "'",
    '\\',
    '\u2028',
    '\u0000',
    '\uFEFFbom',
    'é',
    '𝄞',
  ];
  it.each(tricky.map((t) => [JSON.stringify(t), t]))('label %s', (_shown, label) => {
    const doc = {
      stackdraft: 1 as const,
      name: 'x',
      provider: 'aws' as const,
      region: 'us-east-1',
      environment: 'production' as const,
      nodes: [{ id: 'a', kind: 'queue', label, config: { requestsPerMonth: 1 } }],
      edges: [],
    };
    const back = parseDocument(serializeDocument(doc, 'yaml'), { format: 'yaml' });
    expect(back).toEqual({ ok: true, document: doc });
  });

  it('expands anchors and aliases (the careful path), and still refuses alias bombs', () => {
    const r = yaml(`stackdraft: 1
name: x
nodes:
  - { id: a, kind: queue, label: A, config: &std { visibilityTimeoutS: 60 } }
  - { id: b, kind: queue, label: B, config: *std }
`);
    expect(r.ok && r.document.nodes[1]?.config).toEqual({ visibilityTimeoutS: 60 });
  });
});

describe('node ids inside configs', () => {
  it('reports a state-machine Task that invokes a node that does not exist', () => {
    const [e] = errorsOf(
      yaml(`stackdraft: 1
name: x
nodes:
  - id: flow
    kind: state-machine
    label: Flow
    config:
      states:
        - { name: Validate, type: Task, resource: validate-fn, end: true }
`),
    );
    expect(e).toMatchObject({ code: 'missing-node', path: 'nodes[0].config.states[0].resource', line: 9 });
  });
});
