/**
 * Every registered kind must be complete: a half-added kind fails here, with a message that says
 * what is missing. New kinds come from `npm run new:kind <id>`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allowedEdgeKinds } from '../connections/can-connect';
import { parseDocument } from '../document/parse';
import {
  CATEGORIES,
  configFields,
  defaultConfig,
  ICONS,
  KIND_IDS,
  KINDS,
  type KindDefinition,
  matchesSelector,
  TRAITS,
} from '../index';

const kindsDir = new URL('../kinds/', import.meta.url);
const kindModules = await Promise.all(
  readdirSync(kindsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map(async (f) => [f, (await import(new URL(f, kindsDir).href)) as Record<string, unknown>] as const),
);

const fixturePath = (id: string) => new URL(`../../fixtures/kinds/${id}.stackdraft.yaml`, import.meta.url);

function resolves(selector: string): boolean {
  return KINDS.some((k) => matchesSelector(k, selector));
}

describe('the registry', () => {
  it('lists kinds alphabetically with unique ids', () => {
    expect([...KIND_IDS]).toEqual([...KIND_IDS].sort());
    expect(new Set(KIND_IDS).size).toBe(KIND_IDS.length);
  });

  it('registers every kind module in src/kinds, each under its file name', () => {
    const exported = kindModules.flatMap(([path, mod]) =>
      Object.values(mod)
        .filter(
          (v): v is KindDefinition => typeof v === 'object' && v !== null && 'accepts' in v && 'config' in v,
        )
        .map((k) => ({ file: path.replace(/\.ts$/, ''), kind: k })),
    );
    for (const { file, kind } of exported) {
      expect(kind.id, `src/kinds/${file}.ts`).toBe(file);
      expect(KINDS, `${kind.id} is not in the KINDS array of catalog/registry.ts`).toContain(kind);
    }
    expect(exported.length).toBe(KINDS.length);
  });

  it('covers every kind of DESIGN.md (ids are a contract)', () => {
    const designKinds = [
      'region',
      'availability-zone',
      'vpc',
      'subnet',
      'kubernetes-cluster',
      'client',
      'dns',
      'cdn',
      'waf',
      'load-balancer',
      'api-gateway',
      'auth',
      'container-service',
      'function',
      'kubernetes-service',
      'vm-group',
      'queue',
      'dead-letter-queue',
      'topic',
      'event-bus',
      'kafka',
      'stream',
      'state-machine',
      'notification',
      'sql-database',
      'read-replica',
      'nosql-table',
      'document-database',
      'cache',
      'object-storage',
      'search-index',
      'secrets-vault',
      'monitoring',
      'external-service',
    ];
    for (const id of designKinds) expect(KIND_IDS, `DESIGN.md kind "${id}"`).toContain(id);
  });
});

describe.each(KINDS.map((k) => [k.id, k] as const))('kind %s', (id, kind) => {
  it('has a label, a known category and icon, a description and valid traits', () => {
    expect(kind.label.trim().length).toBeGreaterThan(0);
    expect(CATEGORIES.map((c) => c.id)).toContain(kind.category);
    expect(ICONS).toContain(kind.icon);
    expect(kind.description.length, 'description should say what the kind is for').toBeGreaterThan(30);
    expect(kind.description).not.toMatch(/TODO/);
    for (const t of kind.traits) expect(Object.keys(TRAITS)).toContain(t);
    expect(kind.traits.includes('group')).toBe(kind.group !== undefined);
  });

  it('has defaults that pass its own config schema, and documents every field', () => {
    expect(() => defaultConfig(kind)).not.toThrow();
    const fields = configFields(kind);
    expect(fields.map((f) => f.key)).toEqual(Object.keys(kind.config.shape));
    for (const f of fields) {
      expect(f.description, `${id}.${f.key} needs a description`).not.toBe(f.key);
      expect(f.description).not.toMatch(/TODO/);
    }
  });

  it('rejects unknown config keys (typos must not be ignored)', () => {
    expect(kind.config.safeParse({ definitelyNotAKey: 1 }).success).toBe(false);
  });

  it('maps to a real AWS service, or says why it has none', () => {
    if ('none' in kind.aws) {
      expect(kind.aws.none.length).toBeGreaterThan(20);
    } else {
      expect(kind.aws.service).toMatch(/^(Amazon|AWS|Elastic) /);
      expect(kind.aws.docs).toMatch(/^https:\/\/(aws\.amazon\.com|docs\.aws\.amazon\.com)\//);
      for (const r of kind.aws.terraform) expect(r).toMatch(/^aws_[a-z0-9_]+$/);
      for (const c of kind.aws.cdk) expect(c).toMatch(/^aws_[a-z0-9]+\.[A-Z][A-Za-z0-9]+$/);
      expect(kind.aws.terraform.length + kind.aws.cdk.length).toBeGreaterThan(0);
    }
  });

  it('declares connections and containment that resolve to registered kinds', () => {
    for (const rule of kind.accepts)
      for (const s of rule.from) expect(resolves(s), `${id} accepts "${s}"`).toBe(true);
    for (const s of kind.group?.contains ?? []) expect(resolves(s), `${id} contains "${s}"`).toBe(true);
    expect(kind.connectionHint.length).toBeGreaterThan(20);
  });

  it('can take part in a design: a group contains something, other kinds connect to something', () => {
    if (kind.group) {
      const contained = KINDS.filter((k) => kind.group?.contains.some((s) => matchesSelector(k, s)));
      expect(contained.length, `${id} can contain nothing`).toBeGreaterThan(0);
      return;
    }
    const links = KINDS.filter(
      (other) => allowedEdgeKinds(kind, other).length + allowedEdgeKinds(other, kind).length > 0,
    );
    expect(links.length, `${id} connects to nothing`).toBeGreaterThan(0);
  });

  it('has a fixture document that loads and uses it', () => {
    const path = fixturePath(id);
    expect(existsSync(path), `missing fixtures/kinds/${id}.stackdraft.yaml`).toBe(true);
    const r = parseDocument(readFileSync(path, 'utf8'), { format: 'yaml' });
    if (!r.ok) throw new Error(`fixtures/kinds/${id}.stackdraft.yaml: ${JSON.stringify(r.errors, null, 2)}`);
    expect(r.document.nodes.some((n) => n.kind === id)).toBe(true);
  });
});
