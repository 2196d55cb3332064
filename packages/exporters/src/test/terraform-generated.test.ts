import { type ArchitectureDocument, loadDocument } from '@stackdraft/patterns';
import { arbitraryDocument, userText } from '@stackdraft/patterns/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportTerraform } from '../terraform/exporter';
import { checkReferences, parseModule, uncoveredNodes } from './terraform-hcl-check';

/** Generated documents, through the loader (which fills in defaults and edge ids). */
const documents = arbitraryDocument
  .map((d) => loadDocument(d))
  .filter((r): r is Extract<ReturnType<typeof loadDocument>, { ok: true }> => r.ok)
  .map((r) => r.document);

/** The same document with every label (and the design's name) replaced by hostile text. */
const relabeled = documents.chain((doc) =>
  fc
    .record({
      name: userText(40).filter((s) => s.trim().length > 0),
      nodes: fc.array(userText(), { minLength: doc.nodes.length, maxLength: doc.nodes.length }),
      edges: fc.array(userText(), { minLength: doc.edges.length, maxLength: doc.edges.length }),
    })
    .map(({ name, nodes, edges }): [ArchitectureDocument, ArchitectureDocument] => [
      doc,
      {
        ...doc,
        name: name.trim(),
        nodes: doc.nodes.map((n, i) => ({ ...n, label: nodes[i] as string })),
        edges: doc.edges.map((e, i) => ({ ...e, label: edges[i] as string })),
      },
    ]),
);

describe('Terraform export of generated documents', () => {
  it('parses, declares every reference and exports (or explains) every node', async () => {
    let nodes = 0;
    await fc.assert(
      fc.asyncProperty(documents, async (doc) => {
        const result = exportTerraform(doc);
        const module = await parseModule(result.files);
        expect(checkReferences(module)).toEqual([]);
        expect(uncoveredNodes(doc, result, module)).toEqual([]);
        nodes += doc.nodes.length;
      }),
      { numRuns: 120, seed: 1122 },
    );
    expect(nodes).toBeGreaterThan(300);
  });

  it('never lets a label break the output, nor add or remove a resource', async () => {
    await fc.assert(
      fc.asyncProperty(relabeled, async ([doc, hostile]) => {
        const a = await parseModule(exportTerraform(doc).files);
        const result = exportTerraform(hostile);
        const b = await parseModule(result.files);
        expect([...b.resources.keys()].sort()).toEqual([...a.resources.keys()].sort());
        expect(checkReferences(b)).toEqual([]);
        expect(result.files.map((f) => f.path)).toEqual(exportTerraform(doc).files.map((f) => f.path));
      }),
      { numRuns: 80, seed: 2211 },
    );
  });
});
