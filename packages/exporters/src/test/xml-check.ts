/**
 * A strict XML 1.0 well-formedness check for tests (no DTDs, no namespaces validation): one root
 * element, properly nested and matching tags, quoted and unique attributes without `<`, only the
 * predefined or numeric character references (to legal characters), only legal characters,
 * comments without `--`. Returns the problems found; an empty list means well-formed.
 */

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*$/;

function legalChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Checks character data or an attribute value: legal characters and well-formed references. */
function checkText(text: string, where: string, problems: string[], inAttribute: boolean): void {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    else if (cp >= 0xd800 && cp <= 0xdfff) {
      problems.push(`${where}: lone surrogate U+${cp.toString(16)}`);
      continue;
    }
    if (!legalChar(cp)) problems.push(`${where}: illegal character U+${cp.toString(16)}`);
    const ch = text[i];
    if (inAttribute && ch === '<') problems.push(`${where}: "<" in an attribute value`);
    if (ch === '&') {
      const end = text.indexOf(';', i);
      const ref = end < 0 ? '' : text.slice(i + 1, end);
      const numeric = /^#(\d+|x[0-9A-Fa-f]+)$/.exec(ref);
      if (numeric) {
        const n = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
        if (!legalChar(n)) problems.push(`${where}: reference &${ref}; to an illegal character`);
      } else if (!['amp', 'lt', 'gt', 'quot', 'apos'].includes(ref)) {
        problems.push(`${where}: bad reference &${ref.slice(0, 10)}`);
      }
    }
  }
  if (!inAttribute && text.includes(']]>')) problems.push(`${where}: "]]>" in text`);
}

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) return ['unterminated XML declaration'];
    i = end + 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root element at ${i}`);
    checkText(text, `text at ${i}`, problems, false);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return [...problems, `unterminated comment at ${lt}`];
      if (xml.slice(lt + 4, end).includes('--')) problems.push(`"--" inside a comment at ${lt}`);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0 || stack.length === 0) return [...problems, `bad CDATA section at ${lt}`];
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      problems.push(`processing instruction or declaration at ${lt}`);
      const end = xml.indexOf('>', lt);
      i = end < 0 ? xml.length : end + 1;
      continue;
    }
    // A tag: find its end outside quoted attribute values.
    let j = lt + 1;
    let quote = '';
    for (; j < xml.length; j++) {
      const c = xml[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (j >= xml.length) return [...problems, `unterminated tag at ${lt}`];
    const tag = xml.slice(lt + 1, j);
    i = j + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`closing </${name}> at ${lt} does not match <${open ?? ''}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([^\s/>]+)([\s\S]*)$/.exec(body);
    const name = m?.[1] ?? '';
    if (!NAME.test(name)) problems.push(`bad element name "${name.slice(0, 20)}" at ${lt}`);
    const attrs = m?.[2] ?? '';
    const seen = new Set<string>();
    const attrRe = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;
    let k = 0;
    for (;;) {
      attrRe.lastIndex = k;
      const a = attrRe.exec(attrs);
      if (!a) break;
      const attrName = a[1] as string;
      if (!NAME.test(attrName)) problems.push(`bad attribute name "${attrName}" at ${lt}`);
      if (seen.has(attrName)) problems.push(`duplicate attribute ${attrName} at ${lt}`);
      seen.add(attrName);
      checkText(a[3] ?? a[4] ?? '', `attribute ${attrName} at ${lt}`, problems, true);
      k = attrRe.lastIndex;
    }
    if (attrs.slice(k).trim() !== '')
      problems.push(`malformed attributes at ${lt}: ${attrs.slice(k, k + 30)}`);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** Decodes the five predefined entities and numeric references (to read escaped values back). */
export function xmlDecode(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref] as string;
  });
}
