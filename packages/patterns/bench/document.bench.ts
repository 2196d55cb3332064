/**
 * Parse + schema validation of a generated 10,000-node / 15,000-edge document (issue 2's target:
 * YAML parsing under 300 ms, schema validation under 100 ms). Prints JSON; each figure carries a
 * ratio to JSON.parse of the same document measured alternately in the same process.
 */
import { load as loadYaml } from 'js-yaml';
import { YAML12_CORE } from '../src/document/yaml-core-schema';
import { loadDocument, parseDocument, serializeDocument } from '../src/index';
import { generateLargeDocument } from '../src/testing/large-document';
import { measure } from './harness';

const doc = generateLargeDocument(10_000, 15_000);
const yamlText = serializeDocument(doc, 'yaml');
const jsonText = serializeDocument(doc, 'json');
const raw = JSON.parse(jsonText) as unknown;

const check = parseDocument(yamlText, { format: 'yaml' });
if (!check.ok) {
  process.stderr.write(`bench document is invalid: ${JSON.stringify(check.errors.slice(0, 3))}\n`);
  process.exit(1);
}

const baseline = { name: 'JSON.parse of the same document', fn: () => JSON.parse(jsonText) };
const results = [
  measure('yaml-parse (text -> data)', () => loadYaml(yamlText, { schema: YAML12_CORE }), baseline, {
    targetMs: 300,
  }),
  measure('schema-validation (data -> document)', () => loadDocument(raw), baseline, { targetMs: 100 }),
  measure('parseDocument yaml (end to end)', () => parseDocument(yamlText, { format: 'yaml' }), baseline, {
    targetMs: 400,
  }),
  measure('parseDocument json (end to end)', () => parseDocument(jsonText, { format: 'json' }), baseline),
  measure('serializeDocument yaml', () => serializeDocument(doc, 'yaml'), baseline),
];

process.stdout.write(
  `${JSON.stringify(
    {
      bench: '@stackdraft/patterns document',
      document: {
        nodes: doc.nodes.length,
        edges: doc.edges.length,
        yamlBytes: yamlText.length,
        jsonBytes: jsonText.length,
      },
      node: process.version,
      results,
    },
    null,
    2,
  )}\n`,
);
