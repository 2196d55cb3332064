import { describe, expect, it } from 'vitest';
import { createLinkStore, type KeyValue } from './links';

function memoryKv(): KeyValue & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    getItem: (k) => raw.get(k) ?? null,
    setItem: (k, v) => void raw.set(k, v),
    removeItem: (k) => void raw.delete(k),
  };
}

describe('link records', () => {
  it('remembers, updates and forgets the edit token per design', () => {
    const links = createLinkStore(memoryKv());
    links.update('a', { editToken: 'secret', version: 2 });
    expect(links.get('a')).toEqual({ id: 'a', editToken: 'secret', version: 2 });
    links.update('a', { editToken: undefined });
    expect(links.get('a')).toEqual({ id: 'a', version: 2 });
    expect(links.get('b')).toBeUndefined();
  });

  it('ignores records that are not link records', () => {
    const kv = memoryKv();
    kv.raw.set('stackdraft:link:a', '{"id":"other","version":1}');
    kv.raw.set('stackdraft:link:b', 'not json');
    const links = createLinkStore(kv);
    expect(links.get('a')).toBeUndefined();
    expect(links.get('b')).toBeUndefined();
  });

  it('never throws when storage is blocked', () => {
    const blocked: KeyValue = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const links = createLinkStore(blocked);
    expect(() => links.update('a', { version: 1 })).not.toThrow();
    expect(links.get('a')).toBeUndefined();
    expect(links.localLinkId()).toBeUndefined();
  });
});
