import type { ArchitectureDocument } from '@stackdraft/patterns';
import { emptyDocument, insertTemplate, TEMPLATES } from '@stackdraft/patterns';

/** Labels that break naive exporters: every format's metacharacters, line breaks, control characters, lone surrogates. */
export const HOSTILE_LABELS: readonly string[] = [
  '"quoted" and \\back\\slashes\\',
  'line\nbreak\r\nand\ttab',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: interpolation syntax is the hostile text
  '${var.x} %{ if true } `tick` $(cmd)',
  '</script><!-- --> ]]> <svg onload=x>',
  '*/ /* // not a comment end',
  'ünïcødé 🚀 \u2028 \u2029 \u200b',
  '\u0000\u0007\u001b control',
  "it's & <b>bold</b> &amp;",
  '#quot; #35; ;%%{init}%% "]:::x',
  'graph TD; A-->B; end',
  'lone \uD800 surrogate',
  '- item: {a: b} # yaml',
];

/** A template as a document. */
export function templateDocument(id: string): ArchitectureDocument {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return insertTemplate(emptyDocument(t.name), id).document;
}

/** The same document with every node and edge label (and the name) replaced by hostile text. */
export function withHostileLabels(doc: ArchitectureDocument, offset = 0): ArchitectureDocument {
  const pick = (i: number) => HOSTILE_LABELS[(i + offset) % HOSTILE_LABELS.length] as string;
  return {
    ...doc,
    name: `${pick(0).replace(/\s+/g, ' ').trim() || 'x'} design`,
    nodes: doc.nodes.map((n, i) => ({ ...n, label: pick(i) })),
    edges: doc.edges.map((e, i) => ({ ...e, label: pick(i + 3) })),
  };
}
