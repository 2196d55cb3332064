import { describe, expect, it } from 'vitest';
import { DocumentCache } from './document-cache';

describe('DocumentCache', () => {
  it('keeps documents by diagram and version', () => {
    const cache = new DocumentCache(100);
    cache.set('a', 1, '{"v":1}');
    cache.set('a', 2, '{"v":2}');
    expect(cache.get('a', 1)).toBe('{"v":1}');
    expect(cache.get('a', 3)).toBeUndefined();
    expect(cache.get('b', 1)).toBeUndefined();
  });

  it('evicts the least recently used entries beyond its size, and never holds an oversized one', () => {
    const cache = new DocumentCache(30);
    cache.set('a', 1, 'x'.repeat(10));
    cache.set('a', 2, 'y'.repeat(10));
    cache.get('a', 1); // now the most recent
    cache.set('a', 3, 'z'.repeat(15));
    expect(cache.get('a', 2)).toBeUndefined();
    expect(cache.get('a', 1)).toBe('x'.repeat(10));
    expect(cache.get('a', 3)).toBe('z'.repeat(15));
    expect(cache.chars).toBe(25);
    cache.set('b', 1, 'w'.repeat(31));
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.chars).toBe(25);
  });
});
