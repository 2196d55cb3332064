import { emptyDocument, insertTemplate } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { sameValue, shareUnchanged } from './share-unchanged';

const base = insertTemplate(emptyDocument(), 'queue-processing').document;
const copy = () => structuredClone(base);

describe('shareUnchanged', () => {
  it('returns the previous document when the parsed one has the same content', () => {
    expect(shareUnchanged(base, copy())).toBe(base);
  });

  it('keeps unchanged nodes and edges as the same objects and takes the changed ones', () => {
    const next = copy();
    const changed = next.nodes[1];
    if (!changed) throw new Error('template has two nodes');
    changed.label = 'Renamed in code';
    const r = shareUnchanged(base, next);
    expect(r).not.toBe(base);
    expect(r.nodes[0]).toBe(base.nodes[0]);
    expect(r.nodes[1]).toBe(changed);
    expect(r.edges.every((e, i) => e === base.edges[i])).toBe(true);
    expect(sameValue(r, next)).toBe(true);
  });

  it('sees reordering, removal and top-level changes', () => {
    const reordered = { ...copy(), nodes: [...copy().nodes].reverse() };
    expect(shareUnchanged(base, reordered)).not.toBe(base);
    expect(shareUnchanged(base, { ...copy(), nodes: copy().nodes.slice(1) }).nodes).toHaveLength(
      base.nodes.length - 1,
    );
    expect(shareUnchanged(base, { ...copy(), name: 'Other' }).name).toBe('Other');
  });
});

describe('sameValue', () => {
  it('compares JSON values deeply', () => {
    expect(sameValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
