import { describe, expect, it } from 'vitest';
import type { ApiError } from '../http/errors';
import { readDocument } from './document-input';

const failure = (raw: unknown, limits?: { maxNodes: number; maxEdges: number }) => {
  try {
    readDocument(raw, limits);
    return undefined;
  } catch (e) {
    const err = e as ApiError;
    return { status: err.status, code: err.code, message: err.message, ...err.extra };
  }
};

describe('readDocument', () => {
  it('returns the loaded document with defaults and edge ids filled in', () => {
    const doc = readDocument({
      stackdraft: 1,
      name: 'x',
      nodes: [
        { id: 'q', kind: 'queue', label: 'Q' },
        { id: 'f', kind: 'function', label: 'F' },
      ],
      edges: [{ source: 'q', target: 'f' }],
    });
    expect(doc.region).toBe('us-east-1');
    expect(doc.edges[0]?.id).toBe('q-f');
  });

  it('answers 422 with the first path inside the body and every problem in details', () => {
    const f = failure({ stackdraft: 1, name: '', nodes: [{ id: 'A B', kind: 'nope', label: 'x' }] });
    expect(f?.status).toBe(422);
    expect(f?.code).toBe('invalid-document');
    expect(f?.path).toBe('document.name');
    expect(f?.message).toMatch(/^document\.name: .*\(and \d+ more problems\)$/);
    expect(((f?.details ?? []) as { path: string }[]).map((d) => d.path)).toEqual(
      expect.arrayContaining(['document.name', 'document.nodes[0].id']),
    );
  });

  it('refuses oversized designs before validating them', () => {
    const nodes = Array.from({ length: 11 }, (_, i) => ({ id: `n${i}`, kind: 'queue', label: 'q' }));
    expect(failure({ stackdraft: 1, name: 'x', nodes }, { maxNodes: 10, maxEdges: 10 })).toMatchObject({
      status: 422,
      code: 'too-many-nodes',
      path: 'document.nodes',
    });
    const edges = Array.from({ length: 11 }, () => ({ source: 'a', target: 'b' }));
    expect(failure({ stackdraft: 1, name: 'x', edges }, { maxNodes: 10, maxEdges: 10 })?.code).toBe(
      'too-many-edges',
    );
  });
});
