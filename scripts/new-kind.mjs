#!/usr/bin/env node
// Scaffolds a node kind: the kind module, its fixture document and its line in the registry.
// Usage: npm run new:kind -- <kind-id> [--category compute] [--root packages/patterns]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const CATEGORIES = ['groups', 'edge', 'compute', 'messaging', 'data', 'operations'];

function fail(message) {
  process.stderr.write(`new:kind: ${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      category: { type: 'string', default: 'compute' },
      root: { type: 'string', default: 'packages/patterns' },
    },
  });
} catch (err) {
  fail(err.message);
}
const [id] = parsed.positionals;
const { category, root } = parsed.values;
if (!id) fail('usage: npm run new:kind -- <kind-id> [--category compute]');
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id))
  fail(`"${id}" is not a kind id: use lowercase words joined by "-", e.g. "graph-database"`);
if (!CATEGORIES.includes(category)) fail(`unknown category "${category}": one of ${CATEGORIES.join(', ')}`);

const base = resolve(root);
const kindFile = join(base, 'src/kinds', `${id}.ts`);
const fixtureFile = join(base, 'fixtures/kinds', `${id}.stackdraft.yaml`);
const registryFile = join(base, 'src/catalog/registry.ts');
if (existsSync(kindFile)) fail(`${kindFile} already exists`);

const exportName = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const label = id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');

writeFileSync(
  kindFile,
  `import { z } from 'zod';
import { num, volume } from '../catalog/fields';
import { defineKind } from '../catalog/define-kind';

export const ${exportName} = defineKind({
  id: '${id}',
  label: '${label}',
  category: '${category}',
  icon: 'server',
  description: 'TODO: one or two sentences on what a ${label.toLowerCase()} is for and the pattern it belongs to.',
  traits: [],
  config: z
    .object({
      instances: num({ default: 1, min: 1, int: true, unit: 'count', description: 'TODO: describe' }),
      requestsPerMonth: volume({ unit: 'requests/month', description: 'Requests; derived from traffic when absent' }),
    })
    .strict(),
  accepts: [{ from: ['@compute'], as: 'sync' }],
  connectionHint: 'TODO: say in one sentence what connects to a ${label.toLowerCase()}.',
  cost: {
    free: 'TODO: say why a ${label.toLowerCase()} has no charge of its own, or replace this with { aws: { components(ctx) { ... } } } (see src/cost/model.ts)',
  },
  aws: { service: 'TODO', terraform: [], cdk: [], docs: 'https://aws.amazon.com/pricing/' },
});
`,
);

mkdirSync(join(base, 'fixtures/kinds'), { recursive: true });
writeFileSync(
  fixtureFile,
  `# Fixture for the conformance test: a small document in which a ${id} is used as intended.
stackdraft: 1
name: ${label} fixture
nodes:
  - id: service
    kind: container-service
    label: Service
  - id: subject
    kind: ${id}
    label: ${label}
    config: { instances: 2 }
edges:
  - { source: service, target: subject }
`,
);

// Registry: one import line and one array entry, both kept in alphabetical order.
let registry = readFileSync(registryFile, 'utf8');
const importLine = `import { ${exportName} } from '../kinds/${id}';\n`;
const imports = [...registry.matchAll(/^import \{ (\w+) \} from '\.\.\/kinds\/([\w-]+)';\n/gm)];
const after = imports.filter((m) => m[2] < id).at(-1);
const insertAt = after ? after.index + after[0].length : (imports[0]?.index ?? 0);
registry = registry.slice(0, insertAt) + importLine + registry.slice(insertAt);
const arrayMatch = /export const KINDS: readonly KindDefinition\[\] = \[\n([\s\S]*?)\];/.exec(registry);
if (!arrayMatch) fail(`could not find the KINDS array in ${registryFile}`);
const names = arrayMatch[1]
  .split('\n')
  .map((l) => l.trim().replace(/,$/, ''))
  .filter(Boolean);
const idOf = new Map(
  [...registry.matchAll(/^import \{ (\w+) \} from '\.\.\/kinds\/([\w-]+)';$/gm)].map((m) => [m[1], m[2]]),
);
names.push(exportName);
names.sort((a, b) => (idOf.get(a) ?? a).localeCompare(idOf.get(b) ?? b));
registry = registry.replace(
  arrayMatch[0],
  `export const KINDS: readonly KindDefinition[] = [\n${names.map((n) => `  ${n},`).join('\n')}\n];`,
);
writeFileSync(registryFile, registry);

process.stdout.write(
  `Created ${kindFile}\nCreated ${fixtureFile}\nRegistered ${exportName} in ${registryFile}\n` +
    'Next: fill in the TODOs, then run `npm test -w @stackdraft/patterns` (the conformance test lists what is missing).\n',
);
