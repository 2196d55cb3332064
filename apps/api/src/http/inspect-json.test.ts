import { describe, expect, it } from 'vitest';
import { inspectJson, MAX_DEPTH } from './inspect-json';

const problem = (body: unknown) => {
  const e = inspectJson(body);
  return e && { status: e.status, code: e.code, path: e.extra.path };
};

describe('inspectJson', () => {
  it('accepts ordinary bodies, including text that merely looks dangerous', () => {
    expect(
      problem({ document: { name: "'; DROP TABLE x; --", nodes: [{ label: '日本 🚀 <b>' }] } }),
    ).toBeUndefined();
    expect(problem({ a: { proto: 1, constructorName: 'x', __proto: 2 } })).toBeUndefined();
    expect(problem([1, 'two', null, true, { three: [] }])).toBeUndefined();
  });

  it('refuses prototype keys wherever they are, with their path', () => {
    expect(problem(JSON.parse('{"document":{"nodes":[{"config":{"__proto__":{"x":1}}}]}}'))).toEqual({
      status: 422,
      code: 'forbidden-key',
      path: 'document.nodes[0].config.__proto__',
    });
    expect(problem({ a: [{ constructor: 1 }] })?.path).toBe('a[0].constructor');
    expect(problem({ prototype: {} })?.code).toBe('forbidden-key');
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(problem({ document: deep })?.code).toBe('too-deep');
    let ok: unknown = 1;
    for (let i = 0; i < MAX_DEPTH; i++) ok = { a: ok };
    expect(problem(ok)).toBeUndefined();
    expect(problem({ a: ok })?.code).toBe('too-deep');
  });

  it('refuses NUL characters and lone surrogates in values and keys', () => {
    expect(problem({ name: 'a\u0000b' })).toEqual({ status: 422, code: 'invalid-text', path: 'name' });
    expect(problem({ nodes: [{ label: 'x\ud800y' }] })?.path).toBe('nodes[0].label');
    expect(problem({ 'k\udc00': 1 })?.code).toBe('invalid-text');
    expect(problem({ emoji: '\ud83d\ude80' })).toBeUndefined();
  });
});
