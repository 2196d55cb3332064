import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, minimalEdit } from './text-sync';

describe('minimalEdit', () => {
  it('is undefined for equal texts', () => {
    expect(minimalEdit('a: 1\n', 'a: 1\n')).toBeUndefined();
  });

  it('replaces only the changed position of a dragged node', () => {
    const before = 'nodes:\n  - id: q\n    position: { x: 120, y: 80 }\n  - id: f\n';
    const after = 'nodes:\n  - id: q\n    position: { x: 340, y: 80 }\n  - id: f\n';
    const edit = minimalEdit(before, after);
    expect(edit).toEqual({ start: before.indexOf('120'), end: before.indexOf('120') + 2, text: '34' });
    expect(edit && applyEdit(before, edit)).toBe(after);
  });

  it('handles insertions and deletions at either end', () => {
    expect(minimalEdit('abc', 'xabc')).toEqual({ start: 0, end: 0, text: 'x' });
    expect(minimalEdit('abc', 'abcx')).toEqual({ start: 3, end: 3, text: 'x' });
    expect(minimalEdit('abcabc', 'abc')).toEqual({ start: 3, end: 6, text: '' });
  });

  it('never splits a surrogate pair', () => {
    const edit = minimalEdit('a😀b', 'a😃b');
    expect(edit).toEqual({ start: 1, end: 3, text: '😃' });
  });

  it('always turns the old text into the new one (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const edit = minimalEdit(a, b);
        expect(edit ? applyEdit(a, edit) : a).toBe(b);
        if (edit) expect(edit.start).toBeLessThanOrEqual(edit.end);
      }),
      { numRuns: 500 },
    );
  });

  it('stays minimal across long shared text (compared in blocks)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 3000 }),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        fc.string({ minLength: 0, maxLength: 3000 }),
        (head, a, b, tail) => {
          const before = head + a + tail;
          const after = head + b + tail;
          const edit = minimalEdit(before, after);
          expect(edit ? applyEdit(before, edit) : before).toBe(after);
          if (edit) expect(edit.end - edit.start).toBeLessThanOrEqual(a.length + 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
