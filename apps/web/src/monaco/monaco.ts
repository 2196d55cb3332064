/**
 * The one place Monaco is imported. Only the slim editor API, the editor features the code view
 * and the export preview use, and Monarch tokenizers for the languages they show: no TypeScript
 * or JSON language workers. Loaded with `import('../monaco/monaco')`, so none of it is in the
 * editor's first download; the editor worker is bundled locally (never a CDN).
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/hcl/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/xml/register';
import 'monaco-editor/languages/definitions/markdown/register';

// Every language here is tokenized on the main thread (Monarch); the editor worker only computes
// diffs and word ranges, so it is the only worker needed.
globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
export type Monaco = typeof monaco;

// Monaco's dark theme draws comments and dimmed line numbers below WCAG AA contrast (axe flags
// them); these themes only lift those colours.
monaco.editor.defineTheme('stackdraft-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '8fc47a' }],
  colors: {
    'editorLineNumber.foreground': '#a1a1aa',
    'editorLineNumber.dimmedForeground': '#a1a1aa',
  },
});
monaco.editor.defineTheme('stackdraft-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editorLineNumber.foreground': '#4b5563',
    'editorLineNumber.dimmedForeground': '#4b5563',
  },
});
