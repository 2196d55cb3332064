import { describe, expect, it } from 'vitest';
import { xmlDecode, xmlProblems } from './xml-check';

describe('the strict XML check used by the tests', () => {
  it('accepts well-formed documents', () => {
    expect(
      xmlProblems(
        '<?xml version="1.0"?>\n<a x="1" y=\'&lt;&#10;\'><b/><!-- c --><c>t &amp; &#x1F680;</c></a>\n',
      ),
    ).toEqual([]);
  });

  it.each([
    ['<a><b></a></b>', 'does not match'],
    ['<a x="1" x="2"/>', 'duplicate attribute'],
    ['<a x="<"/>', '"<" in an attribute value'],
    ['<a>&nbsp;</a>', 'bad reference'],
    ['<a>&#0;</a>', 'illegal character'],
    ['<a>\u0001</a>', 'illegal character'],
    ['<a>\uD800</a>', 'lone surrogate'],
    ['<a/><b/>', '2 root elements'],
    ['<a x=1/>', 'malformed attributes'],
    ['<a><!-- a -- b --></a>', '"--" inside a comment'],
    ['<a>', 'unclosed'],
    ['<a>]]></a>', '"]]>" in text'],
  ])('rejects %j', (xml, problem) => {
    expect(xmlProblems(xml).join('\n')).toContain(problem);
  });

  it('decodes references', () => {
    expect(xmlDecode('&lt;&amp;&#10;&#x41;&quot;&apos;&gt;')).toBe('<&\nA"\'>');
  });
});
