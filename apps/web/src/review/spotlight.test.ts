import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssString, focusOn, spotlightCss } from './spotlight';

describe('spotlight style sheet', () => {
  it('dims the rest and outlines marked nodes and edges', () => {
    const css = spotlightCss(focusOn(['api', 'db'], ['e1']));
    expect(css).toContain('.sd-canvas .react-flow__node:not(.sd-group-node) { opacity: 0.28;');
    expect(css).toContain('.react-flow__node[data-id="api"]');
    expect(css).toContain('.react-flow__node[data-id="db"] > div');
    expect(css).toContain('.react-flow__edge[data-id="e1"] path');
    expect(css).toContain('var(--sd-mark-focus)');
  });

  it('leaves unmarked elements alone for an overlay', () => {
    const css = spotlightCss({ nodes: new Map([['db', 'broken']]), edges: new Map(), dimOthers: false });
    expect(css).not.toContain('opacity: 0.28');
    expect(css).toContain('var(--sd-mark-broken)');
  });

  it('quotes any id so it cannot end the attribute selector or the rule', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (id) => {
        const quoted = cssString(id);
        // Inside the quotes, every quote and backslash is escaped and no control character is raw.
        const inner = quoted.slice(1, -1);
        expect(quoted.startsWith('"') && quoted.endsWith('"')).toBe(true);
        expect(/(^|[^\\])(\\\\)*"/.test(inner)).toBe(false);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that none remain.
        expect(/[\u0000-\u001f\u007f]/.test(inner)).toBe(false);
      }),
    );
    expect(cssString('a"]{}b')).toBe('"a\\"]{}b"');
  });
});
