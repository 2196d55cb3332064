import { nested, orders, type PlainDocument } from './fixtures';
import { bytesWith, doc, type HostileCase, json } from './hostile-kit';
import { REQUEST_CASES } from './hostile-requests';

export type { HostileCase } from './hostile-kit';

/** Valid JSON text with `key` spliced into an object literal, since JS object literals cannot hold `__proto__` as data. */
const withRawKey = (key: string) =>
  JSON.stringify({ document: orders() }).replace(
    '"stackdraft":1',
    `"${key}":{"polluted":true},"stackdraft":1`,
  );

/** Bodies that are not JSON, not a document, hostile in structure or not text, and oversized ones. */
const BODY_CASES: HostileCase[] = [
  // Not JSON, or JSON of the wrong shape
  {
    name: 'truncated JSON',
    target: 'save',
    raw: '{"document":',
    headers: json,
    status: 400,
    code: 'invalid-json',
  },
  {
    name: 'a JSON string as the body',
    target: 'save',
    raw: '"hello"',
    headers: json,
    status: 400,
    code: 'invalid-json',
  },
  { name: 'null as the body', target: 'save', raw: 'null', headers: json, status: 400, code: 'invalid-json' },
  { name: 'an array as the body', target: 'save', json: [orders()], status: 400, code: 'invalid-request' },
  { name: 'no document key', target: 'save', json: {}, status: 400, code: 'invalid-request', at: 'document' },
  {
    name: 'an extra key beside document',
    target: 'save',
    json: { document: orders(), force: true },
    status: 400,
    code: 'invalid-request',
  },
  {
    name: 'document is null',
    target: 'save',
    json: { document: null },
    status: 422,
    code: 'invalid-document',
  },
  {
    name: 'document is YAML text',
    target: 'save',
    json: { document: 'stackdraft: 1\nname: x' },
    status: 422,
    code: 'invalid-document',
  },
  // Wrong types and values inside the document
  {
    name: 'missing format version',
    target: 'save',
    json: doc((d) => delete (d as Partial<PlainDocument>).stackdraft),
    status: 422,
    code: 'invalid-document',
    at: 'document.stackdraft',
  },
  {
    name: 'a future format version',
    target: 'save',
    json: doc((d) => Object.assign(d, { stackdraft: 2 })),
    status: 422,
    code: 'invalid-document',
    at: 'document.stackdraft',
  },
  {
    name: 'the version as a string',
    target: 'save',
    json: doc((d) => Object.assign(d, { stackdraft: '1' })),
    status: 422,
    code: 'invalid-document',
  },
  {
    name: 'nodes as an object',
    target: 'save',
    json: doc((d) => Object.assign(d, { nodes: { api: {} } })),
    status: 422,
    code: 'invalid-document',
    at: 'document.nodes',
  },
  {
    name: 'a label that is a number',
    target: 'save',
    json: doc((d) => Object.assign(d.nodes[0] as object, { label: 42 })),
    status: 422,
    code: 'invalid-document',
    at: 'document.nodes[0].label',
  },
  {
    name: 'an unknown node kind',
    target: 'save',
    json: doc((d) => Object.assign(d.nodes[1] as object, { kind: 'quantum-queue' })),
    status: 422,
    code: 'invalid-document',
    at: 'document.nodes[1].kind',
  },
  {
    name: 'a label over 200 characters',
    target: 'save',
    json: doc((d) => Object.assign(d.nodes[0] as object, { label: 'x'.repeat(201) })),
    status: 422,
    code: 'invalid-document',
    at: 'document.nodes[0].label',
  },
  {
    name: 'more than 5,000 nodes',
    target: 'save',
    json: doc((d) =>
      Object.assign(d, {
        nodes: Array.from({ length: 5001 }, (_, i) => ({ id: `n${i}`, kind: 'queue', label: 'q' })),
        edges: [],
      }),
    ),
    status: 422,
    code: 'too-many-nodes',
    at: 'document.nodes',
  },
  {
    name: 'duplicate node ids',
    target: 'save',
    json: doc((d) => d.nodes.push({ ...(d.nodes[0] as PlainDocument['nodes'][number]) })),
    status: 422,
    code: 'invalid-document',
  },
  {
    name: 'an edge to a missing node',
    target: 'save',
    json: doc((d) => d.edges.push({ id: 'x', source: 'api', target: 'nowhere' })),
    status: 422,
    code: 'invalid-document',
    at: 'document.edges[3].target',
  },
  {
    name: 'an unknown top-level key',
    target: 'save',
    json: doc((d) => Object.assign(d, { nodez: [] })),
    status: 422,
    code: 'invalid-document',
    at: 'document.nodez',
  },
  {
    name: 'an infinite coordinate (1e999)',
    target: 'save',
    raw: JSON.stringify({ document: orders() }).replace(
      '"label":"Public API"',
      '"label":"Public API","position":{"x":1e999,"y":0}',
    ),
    headers: json,
    status: 422,
    code: 'invalid-document',
  },
  // Prototype pollution and hostile structure
  {
    name: '__proto__ at the top of the document',
    target: 'save',
    raw: withRawKey('__proto__'),
    headers: json,
    status: 422,
    code: 'forbidden-key',
    at: 'document.__proto__',
  },
  {
    name: 'constructor at the top of the document',
    target: 'save',
    raw: withRawKey('constructor'),
    headers: json,
    status: 422,
    code: 'forbidden-key',
  },
  {
    name: '__proto__ inside a node config',
    target: 'save',
    raw: JSON.stringify({ document: orders() }).replace(
      '"memoryMb":1024',
      '"memoryMb":1024,"__proto__":{"isAdmin":true}',
    ),
    headers: json,
    status: 422,
    code: 'forbidden-key',
    at: 'document.nodes[3].config.__proto__',
  },
  {
    name: 'constructor.prototype in an event pattern',
    target: 'save',
    json: doc((d) =>
      Object.assign(d.edges[0] as object, {
        config: { eventPattern: { constructor: { prototype: { x: 1 } } } },
      }),
    ),
    status: 422,
    code: 'forbidden-key',
  },
  {
    name: 'objects nested 5,000 deep',
    target: 'save',
    raw: JSON.stringify({ document: orders() }).replace(
      '"source":"api"',
      `"config":{"eventPattern":${nested(5000)}},"source":"api"`,
    ),
    headers: json,
    status: 422,
    code: 'too-deep',
  },
  {
    name: 'arrays nested 100,000 deep',
    target: 'save',
    raw: `{"document":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    headers: json,
    status: 422,
    code: 'too-deep',
  },
  // Text that is not text
  {
    name: 'invalid UTF-8 in a label',
    target: 'save',
    raw: bytesWith('{"document":{"stackdraft":1,"name":"', [0xc3, 0x28], '","nodes":[],"edges":[]}}'),
    headers: json,
    status: 400,
    code: 'invalid-utf8',
  },
  {
    name: 'a lone UTF-8 continuation byte',
    target: 'save',
    raw: bytesWith('{"document":{"stackdraft":1,"name":"a', [0x80], '"}}'),
    headers: json,
    status: 400,
    code: 'invalid-utf8',
  },
  {
    name: 'an overlong UTF-8 encoding of "/"',
    target: 'save',
    raw: bytesWith('{"document":{"stackdraft":1,"name":"', [0xc0, 0xaf], '"}}'),
    headers: json,
    status: 400,
    code: 'invalid-utf8',
  },
  {
    name: 'a NUL character in a label',
    target: 'save',
    json: doc((d) => Object.assign(d.nodes[0] as object, { label: 'a\u0000b' })),
    status: 422,
    code: 'invalid-text',
    at: 'document.nodes[0].label',
  },
  {
    name: 'a lone surrogate in the name',
    target: 'save',
    raw: JSON.stringify({ document: orders() }).replace('"Orders platform"', '"Orders \\ud800 platform"'),
    headers: json,
    status: 422,
    code: 'invalid-text',
    at: 'document.name',
  },
  {
    name: 'SQL in a node id',
    target: 'save',
    json: doc((d) => Object.assign(d.nodes[0] as object, { id: "x'; DROP TABLE diagrams; --" })),
    status: 422,
    code: 'invalid-document',
    at: 'document.nodes[0].id',
  },
  // Size and content type
  {
    name: 'a body over 10 MB',
    target: 'save',
    json: doc((d) => Object.assign(d, { description: 'x'.repeat(10.5 * 1024 * 1024) })),
    status: 413,
    code: 'too-large',
  },
  {
    name: 'JSON sent as text/plain',
    target: 'save',
    raw: JSON.stringify({ document: orders() }),
    headers: { 'content-type': 'text/plain' },
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'a form post',
    target: 'save',
    raw: 'document=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'no content type',
    target: 'save',
    raw: JSON.stringify({ document: orders() }),
    without: ['content-type'],
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'JSON in UTF-16',
    target: 'save',
    raw: new Uint8Array(Buffer.from(JSON.stringify({ document: orders() }), 'utf16le')),
    headers: { 'content-type': 'application/json; charset=utf-16' },
    status: 415,
    code: 'unsupported-media-type',
  },
];

export const HOSTILE: HostileCase[] = [...BODY_CASES, ...REQUEST_CASES];
