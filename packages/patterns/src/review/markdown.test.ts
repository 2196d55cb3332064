import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userText } from '../testing/arbitraries';
import { mdCode, mdText } from './markdown';

describe('mdText', () => {
  it('escapes markdown punctuation and flattens line breaks', () => {
    expect(mdText('a | b *c* `d` [e](f) <g> _h_ ~i~ $j$ #k & l! (m)')).toBe(
      'a \\| b \\*c\\* \\`d\\` \\[e\\](f) \\<g\\> \\_h\\_ \\~i\\~ \\$j\\$ \\#k \\& l! (m)',
    );
    expect(mdText('line\nbreak\r\nand\u2028more')).toBe('line break and more');
    expect(mdText('tab\there\u0007')).toBe('tab\there');
  });

  it('leaves no unescaped markdown character or line break in any text', () => {
    fc.assert(
      fc.property(userText(80), (text) => {
        const out = mdText(text).replace(/\\./g, '');
        expect(out).not.toMatch(/[\\`*_[\]<>|~&$#\n\r\u2028\u2029]/);
      }),
    );
  });

  it('writes ids as inline code', () => {
    expect(mdCode('orders-db')).toBe('`orders-db`');
  });
});
