import { type ArchitectureDocument, parseDocument } from '@stackdraft/patterns';
import { arbitraryDocument } from '@stackdraft/patterns/testing';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { AslDefinition } from '../asl/types';
import { validateAsl } from '../asl/validate';
import { findExporter } from '../registry';
import type { ExportedFile, ExportFormat } from '../types';
import { xmlDecode, xmlProblems } from './xml-check';

/**
 * Property tests: whatever the labels and the design's name are (quotes, backslashes, line
 * breaks, `${`, `%{`, `</`, `-->`, control characters, lone surrogates, any Unicode), every format
 * stays well-formed for its own parser, and the output has the same structure (resources,
 * objects, shapes) as the same design with plain labels.
 */

const RUNS = 40;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters Mermaid labels cannot hold
const NON_PRINTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u{D800}-\u{DFFF}]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
const NOT_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The same design with every label and the name replaced by plain text. */
function plain(doc: ArchitectureDocument): ArchitectureDocument {
  return {
    ...doc,
    name: 'Plain design',
    nodes: doc.nodes.map((n) => ({ ...n, label: 'x' })),
    edges: doc.edges.map((e) => (e.label === undefined ? e : { ...e, label: 'x' })),
  };
}

function run(format: ExportFormat, doc: ArchitectureDocument): ExportedFile[] {
  const exporter = findExporter(format);
  if (!exporter) throw new Error(`no exporter ${format}`);
  return exporter.export(doc).files;
}

/** TypeScript tokens without comments, every string literal reduced to a marker: the code's structure. */
function tsShape(code: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, code);
  const out: string[] = [];
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    out.push(t === ts.SyntaxKind.StringLiteral ? '<string>' : scanner.getTokenText());
  }
  return out;
}

function syntaxErrors(path: string, code: string): string[] {
  const r = ts.transpileModule(code, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS },
  });
  return (r.diagnostics ?? []).map((d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

const byPath = (files: ExportedFile[]) => [...files].sort((a, b) => a.path.localeCompare(b.path));

describe('hostile labels never break an export format', () => {
  it('cdk: every .ts file parses, and its code (strings and comments aside) is that of plain labels', () => {
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        const files = byPath(run('cdk', doc)).filter((f) => f.path.endsWith('.ts'));
        const reference = byPath(run('cdk', plain(doc))).filter((f) => f.path.endsWith('.ts'));
        expect(files.map((f) => f.path)).toEqual(reference.map((f) => f.path));
        for (const [i, f] of files.entries()) {
          expect(syntaxErrors(f.path, f.content)).toEqual([]);
          expect(tsShape(f.content)).toEqual(tsShape((reference[i] as ExportedFile).content));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('k8s: every YAML document parses back, objects are the same, labels round-trip in annotations', () => {
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        const objects = (d: ArchitectureDocument) =>
          run('k8s', d).flatMap((f) =>
            parseAllDocuments(f.content).map((y) => {
              expect(y.errors).toEqual([]);
              return y.toJS() as {
                kind: string;
                metadata: { name: string; annotations?: Record<string, string> };
              };
            }),
          );
        const got = objects(doc);
        // Names come from node ids (the namespace of services outside a cluster from the design's name).
        const shape = (os: typeof got) =>
          os.map((o) => (o.kind === 'Namespace' ? o.kind : `${o.kind}/${o.metadata.name}`));
        expect(shape(got)).toEqual(shape(objects(plain(doc))));
        for (const o of got) {
          const id = o.metadata.annotations?.['stackdraft.io/node-id'];
          const node = doc.nodes.find((n) => n.id === id);
          if (node) expect(o.metadata.annotations?.['stackdraft.io/label']).toBe(node.label);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('asl: valid JSON and valid ASL, the label kept in the Comment', () => {
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        for (const f of run('asl', doc)) {
          const def = JSON.parse(f.content) as AslDefinition;
          expect(validateAsl(def)).toEqual([]);
          const node = doc.nodes.find((n) => `${n.id}.asl.json` === f.path);
          expect(def.Comment?.startsWith(node?.label ?? '\u0000')).toBe(true);
        }
        expect(run('asl', doc).length).toBe(run('asl', plain(doc)).length);
      }),
      { numRuns: RUNS },
    );
  });

  it('mermaid: every line fits the flowchart grammar and every label stays inside its quotes', () => {
    const LINE = [
      /^flowchart LR$/,
      /^\s*subgraph n_[a-z0-9_]+\["[^"\n]*"\]$/,
      /^\s*end$/,
      /^\s*n_[a-z0-9_]+\["[^"\n]*"\]:::c[a-z]$/,
      /^\s*n_[a-z0-9_]+ (-->|-\.->|==>|--x)(\|"[^"\n]*"\|)? n_[a-z0-9_]+$/,
      /^\s*linkStyle \d+ stroke:#[0-9a-f]{6},stroke-width:[\d.]+px$/,
      /^\s*classDef c[a-z] fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#[0-9a-f]{6}$/,
    ];
    const decode = (s: string) =>
      s.replace(/<br\/>/g, '\n').replace(/#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));
    // What mermaidLabel keeps of a label: no carriage returns; non-printing characters become spaces.
    const expected = (s: string) => s.replace(/\r/g, '').replace(NON_PRINTING, ' ');
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        const text = run('mermaid', doc)[0]?.content ?? '';
        const lines = text.trimEnd().split('\n');
        for (const line of lines)
          expect(
            LINE.some((re) => re.test(line)),
            line,
          ).toBe(true);
        expect(lines.length).toBe(
          (run('mermaid', plain(doc))[0]?.content ?? '').trimEnd().split('\n').length,
        );
        for (const n of doc.nodes) {
          const m = lines.find(
            (l) => l.includes('["') && decode(l).includes(`${expected(n.label)}\n<small>`),
          );
          expect(m, n.id).toBeDefined();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('drawio and svg: well-formed XML with one shape per node, drawio labels round-trip', () => {
    // What XML can hold of a label: characters XML 1.0 forbids become U+FFFD.
    const xmlSafe = (s: string) => s.replace(NOT_XML, '\uFFFD');
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        for (const format of ['drawio', 'svg'] as const) {
          const xml = run(format, doc)[0]?.content ?? '';
          expect(xmlProblems(xml)).toEqual([]);
          const shapes = (s: string) =>
            (format === 'drawio' ? s.match(/<mxCell /g) : s.match(/<rect /g))?.length ?? 0;
          expect(shapes(xml)).toBe(shapes(run(format, plain(doc))[0]?.content ?? ''));
        }
        const drawio = run('drawio', doc)[0]?.content ?? '';
        for (const n of doc.nodes) {
          const m = new RegExp(`<mxCell id="n-${n.id}" value="([^"]*)"`).exec(drawio);
          expect(m && xmlDecode(m[1] as string)).toBe(xmlSafe(n.label));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('json and yaml: the document reads back equal', () => {
    fc.assert(
      fc.property(arbitraryDocument, (doc) => {
        for (const format of ['json', 'yaml'] as const) {
          const file = run(format, doc)[0] as ExportedFile;
          const back = parseDocument(file.content, { format });
          expect(back.ok && back.document).toEqual(doc);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
