import { type ConfigField, configFields, EDGE_KINDS, findKind, KINDS } from '@stackdraft/patterns';
import { cursorContext, hoverTarget, type Lines } from '../code/yaml-context';
import { editorStore } from '../store/editor-store';
import type { Monaco } from './monaco';

/** The URI of the code view's model: completion and hover apply to it only, not to export previews. */
export const DESIGN_MODEL_URI = 'inmemory://stackdraft/design.stackdraft.yaml';

/** `integer · MB · default 512`: a config field's type, unit and default, for completion details. */
export function fieldDetail(f: ConfigField): string {
  const parts: string[] = [f.enum ? f.enum.join(' | ') : f.type];
  if (f.unit) parts.push(f.unit);
  if (f.default !== undefined) parts.push(`default ${JSON.stringify(f.default)}`);
  else if (f.usage) parts.push('usage: derived when absent');
  else if (f.optional) parts.push('optional');
  if (f.min !== undefined || f.max !== undefined) parts.push(`${f.min ?? '…'}–${f.max ?? '…'}`);
  return parts.join(' · ');
}

/** The model's lines, read one at a time (never the whole text as one string). */
function linesOfModel(model: { getLineCount(): number; getLineContent(n: number): string }): Lines {
  const length = model.getLineCount();
  return { length, at: (i) => (i >= 0 && i < length ? model.getLineContent(i + 1) : '') };
}

/** Node ids the person can refer to: the design's, plus ids typed but not applied yet. */
function nodeIds(model: {
  findMatches(
    search: string,
    searchOnlyEditableRange: boolean,
    isRegex: boolean,
    matchCase: boolean,
    wordSeparators: string | null,
    captureMatches: boolean,
  ): { matches: string[] | null }[];
}): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of editorStore.getState().doc.nodes) out.set(n.id, `${n.label} (${n.kind})`);
  for (const m of model.findMatches(
    '^\\s*-\\s+id:\\s*[\'"]?([A-Za-z0-9][\\w-]*)',
    false,
    true,
    true,
    null,
    true,
  )) {
    const id = m.matches?.[1];
    if (id && !out.has(id)) out.set(id, 'typed, not applied yet');
  }
  return out;
}

/** Markdown-escapes user text (labels) for hover cards, so it shows exactly as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

let registered = false;

/**
 * Completion and hover for the design's YAML from the catalog: kinds after `kind:`, config keys of
 * the node's kind (type, unit and default in the detail), enum values, node ids after `source:`,
 * `target:` and `parent:`. Registered once, for the code view's model only.
 */
export function registerDesignLanguage(monaco: Monaco): void {
  if (registered) return;
  registered = true;
  const isDesign = (model: { uri: { toString(): string } }) => model.uri.toString() === DESIGN_MODEL_URI;
  const { CompletionItemKind } = monaco.languages;

  monaco.languages.registerCompletionItemProvider('yaml', {
    triggerCharacters: [' ', ':'],
    provideCompletionItems(model, position) {
      if (!isDesign(model)) return { suggestions: [] };
      const ctx = cursorContext(linesOfModel(model), position.lineNumber, position.column);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      switch (ctx.type) {
        case 'node-kind':
          return {
            suggestions: KINDS.map((k) => ({
              label: k.id,
              kind: CompletionItemKind.Class,
              detail: `${k.label} · ${k.category}`,
              documentation: k.description,
              insertText: k.id,
              range,
            })),
          };
        case 'edge-kind':
          return {
            suggestions: EDGE_KINDS.map((k) => ({
              label: k,
              kind: CompletionItemKind.EnumMember,
              insertText: k,
              range,
            })),
          };
        case 'node-ref':
          return {
            suggestions: [...nodeIds(model)].map(([id, detail]) => ({
              label: id,
              kind: CompletionItemKind.Reference,
              detail,
              insertText: id,
              range,
            })),
          };
        case 'config-key': {
          const kind = ctx.kind ? findKind(ctx.kind) : undefined;
          if (!kind) return { suggestions: [] };
          return {
            suggestions: configFields(kind)
              .filter((f) => !ctx.present.includes(f.key))
              .map((f) => ({
                label: f.key,
                kind: CompletionItemKind.Property,
                detail: fieldDetail(f),
                documentation: f.description,
                insertText: `${f.key}: `,
                range,
                command: { id: 'editor.action.triggerSuggest', title: 'Suggest values' },
              })),
          };
        }
        case 'config-value': {
          const kind = ctx.kind ? findKind(ctx.kind) : undefined;
          const field = kind ? configFields(kind).find((f) => f.key === ctx.key) : undefined;
          const values = field?.enum ?? (field?.type === 'boolean' ? ['true', 'false'] : []);
          return {
            suggestions: values.map((v) => ({
              label: v,
              kind: CompletionItemKind.Value,
              detail: field?.default === v ? 'default' : undefined,
              insertText: v,
              range,
            })),
          };
        }
        default:
          return { suggestions: [] };
      }
    },
  });

  monaco.languages.registerHoverProvider('yaml', {
    provideHover(model, position) {
      if (!isDesign(model)) return null;
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const target = hoverTarget(linesOfModel(model), position.lineNumber, word.word);
      if (!target) return null;
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      if (target.type === 'kind') {
        const k = findKind(target.id);
        if (!k) return { range, contents: [{ value: `Unknown kind \`${target.id}\`` }] };
        return { range, contents: [{ value: `**${k.label}** (\`${k.id}\`)` }, { value: k.description }] };
      }
      if (target.type === 'config-key') {
        const k = target.kind ? findKind(target.kind) : undefined;
        const f = k ? configFields(k).find((x) => x.key === target.key) : undefined;
        if (!k || !f) return null;
        return { range, contents: [{ value: `**${f.key}** · ${fieldDetail(f)}` }, { value: f.description }] };
      }
      const n = editorStore.getState().doc.nodes.find((x) => x.id === target.id);
      return n ? { range, contents: [{ value: `**${escapeMarkdown(n.label)}** (\`${n.kind}\`)` }] } : null;
    },
  });
}
