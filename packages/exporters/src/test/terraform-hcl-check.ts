/**
 * Test support: reads generated Terraform with HashiCorp's HCL parser (@cdktf/hcl2json) and
 * checks what every export must satisfy: it parses, no two resources share an address, and every
 * reference (`aws_x.name.attr`, `var.x`, `local.x`, `data.x.y`, `aws.<alias>`) is declared.
 */
import { parse } from '@cdktf/hcl2json';
import { type ArchitectureDocument, getKind, graphOf } from '@stackdraft/patterns';
import { mapperFor, NOT_EXPORTED } from '../terraform/mappers';
import type { ExportedFile, ExportResult } from '../types';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export interface ParsedResource {
  type: string;
  name: string;
  file: string;
  body: Record<string, Json>;
}

export interface ParsedModule {
  resources: Map<string, ParsedResource>;
  duplicates: string[];
  variables: Set<string>;
  locals: Set<string>;
  data: Set<string>;
  outputs: Set<string>;
  providerAliases: Set<string>;
  /** Every string value of the module (attribute values and object keys), with the file it came from. */
  strings: { file: string; text: string }[];
}

function blocksOf(v: Json | undefined): Record<string, Json>[] {
  if (Array.isArray(v))
    return v.filter(
      (x): x is Record<string, Json> => typeof x === 'object' && x !== null && !Array.isArray(x),
    );
  if (v && typeof v === 'object') return [v as Record<string, Json>];
  return [];
}

function collectStrings(v: Json, file: string, out: { file: string; text: string }[]): void {
  if (typeof v === 'string') out.push({ file, text: v });
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, file, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push({ file, text: k });
      collectStrings(x, file, out);
    }
  }
}

/** Parses every `.tf` file (rejects with the parser's file:line:column message on a syntax error). */
export async function parseModule(files: readonly ExportedFile[]): Promise<ParsedModule> {
  const m: ParsedModule = {
    resources: new Map(),
    duplicates: [],
    variables: new Set(),
    locals: new Set(),
    data: new Set(),
    outputs: new Set(),
    providerAliases: new Set(),
    strings: [],
  };
  for (const f of files) {
    if (!f.path.endsWith('.tf')) continue;
    const json = (await parse(f.path, f.content)) as Record<string, Json>;
    for (const [type, byName] of Object.entries(
      (json.resource ?? {}) as Record<string, Record<string, Json>>,
    )) {
      for (const [name, bodies] of Object.entries(byName)) {
        const list = blocksOf(bodies);
        const address = `${type}.${name}`;
        if (list.length > 1 || m.resources.has(address)) m.duplicates.push(address);
        for (const body of list) {
          m.resources.set(address, { type, name, file: f.path, body });
          collectStrings(body, f.path, m.strings);
        }
      }
    }
    for (const [type, byName] of Object.entries((json.data ?? {}) as Record<string, Record<string, Json>>)) {
      for (const name of Object.keys(byName)) m.data.add(`${type}.${name}`);
    }
    for (const name of Object.keys((json.variable ?? {}) as Record<string, Json>)) m.variables.add(name);
    for (const block of blocksOf(json.locals)) for (const name of Object.keys(block)) m.locals.add(name);
    for (const block of blocksOf(json.locals)) collectStrings(block, f.path, m.strings);
    for (const [name, body] of Object.entries((json.output ?? {}) as Record<string, Json>)) {
      m.outputs.add(name);
      collectStrings(body, f.path, m.strings);
    }
    for (const p of blocksOf((json.provider as Record<string, Json> | undefined)?.aws)) {
      if (typeof p.alias === 'string') m.providerAliases.add(p.alias);
      collectStrings(p, f.path, m.strings);
    }
    for (const [, body] of Object.entries((json.variable ?? {}) as Record<string, Json>))
      collectStrings(body, f.path, m.strings);
  }
  return m;
}

// Local names, keywords and type names (`type = string`), none of which is declared anywhere.
const NOT_REFERENCES = new Set([
  'count',
  'each',
  'path',
  'terraform',
  'self',
  'true',
  'false',
  'null',
  'for',
  'in',
  'if',
  'string',
  'number',
  'bool',
  'any',
]);

/**
 * The traversals (`root.name...`) in one string as hcl2json returns it: literal text (where
 * `$${` and `%%{` are escapes) with `${ ... }` interpolations, whose expression text may hold
 * nested quoted templates. Function calls and local names like `count.index` are left out.
 */
export function findReferences(text: string): string[] {
  const refs: string[] = [];
  scanTemplate(text, 0, false, refs);
  return refs;
}

/** Scans a template from `i`; in a quoted template (`quoted`) stops at the closing quote. Returns the index after it. */
function scanTemplate(s: string, start: number, quoted: boolean, refs: string[]): number {
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (quoted && c === '\\') {
      i += 2;
      continue;
    }
    if (quoted && c === '"') return i + 1;
    if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && s[i + 1] === '{') {
      i = scanExpression(s, i + 2, refs);
      continue;
    }
    i++;
  }
  return i;
}

/** Scans expression text up to its closing `}`; returns the index after it. */
function scanExpression(s: string, start: number, refs: string[]): number {
  let depth = 0;
  let i = start;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '"') {
      i = scanTemplate(s, i + 1, true, refs);
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '}') {
      if (depth === 0) return i + 1;
      depth--;
    } else if (/[A-Za-z_]/.test(c) && !/[A-Za-z0-9_.-]/.test(s[i - 1] ?? ' ')) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*/.exec(s.slice(i));
      const word = (m as RegExpExecArray)[0];
      const after = s.slice(i + word.length).trimStart();
      const isKey = after.startsWith('=') && !after.startsWith('==');
      if (!after.startsWith('(') && !isKey && !NOT_REFERENCES.has(word.split('.')[0] as string))
        refs.push(word);
      i += word.length;
      continue;
    }
    i++;
  }
  return i;
}

/** Problems of a parsed module: duplicate addresses and references to nothing declared. */
export function checkReferences(m: ParsedModule): string[] {
  const problems = m.duplicates.map((a) => `duplicate resource address ${a}`);
  const seen = new Set<string>();
  for (const { file, text } of m.strings) {
    for (const ref of findReferences(text)) {
      const parts = ref.split('.');
      const [root, second, third] = parts;
      let ok: boolean;
      if (root === 'var') ok = second !== undefined && m.variables.has(second);
      else if (root === 'local') ok = second !== undefined && m.locals.has(second);
      else if (root === 'data') ok = m.data.has(`${second}.${third}`);
      else if (root === 'aws') ok = second !== undefined && m.providerAliases.has(second);
      else ok = m.resources.has(`${root}.${second}`);
      const key = `${file}:${ref}`;
      if (!ok && !seen.has(key)) {
        seen.add(key);
        problems.push(`${file}: reference to undeclared ${ref}`);
      }
    }
  }
  return problems;
}

/** Resources tagged with a node id (`tags["stackdraft:node"]`), by node id. */
export function resourcesByNode(m: ParsedModule): Map<string, ParsedResource[]> {
  const byNode = new Map<string, ParsedResource[]>();
  for (const r of m.resources.values()) {
    const tags = r.body.tags;
    const id = tags && typeof tags === 'object' && !Array.isArray(tags) ? tags['stackdraft:node'] : undefined;
    if (typeof id !== 'string') continue;
    const list = byNode.get(id);
    if (list) list.push(r);
    else byNode.set(id, [r]);
  }
  return byNode;
}

/**
 * Nodes of an exportable kind (one that declares Terraform resource types and that the Terraform
 * export does not leave to another format) with neither a tagged resource of one of their types
 * (or a global-table replica block for their region) nor a diagnostic saying why they were not
 * exported. Empty when nothing was dropped silently.
 */
export function uncoveredNodes(doc: ArchitectureDocument, result: ExportResult, m: ParsedModule): string[] {
  const byNode = resourcesByNode(m);
  const graph = graphOf(doc);
  const reported = new Set(
    result.diagnostics.filter((d) => d.severity === 'warning' && d.edgeId === undefined).map((d) => d.nodeId),
  );
  const missing: string[] = [];
  for (const n of doc.nodes) {
    const kind = getKind(n.kind);
    if ('none' in kind.aws || kind.aws.terraform.length === 0 || NOT_EXPORTED[n.kind]) continue;
    const types = new Set([...kind.aws.terraform, ...(mapperFor(n.kind)?.alsoEmits ?? [])]);
    if ((byNode.get(n.id) ?? []).some((r) => types.has(r.type))) continue;
    if (n.kind === 'nosql-table' && isGlobalTableMember(byNode, graph, n.id)) continue;
    if (reported.has(n.id)) continue;
    missing.push(`${n.id} (${n.kind})`);
  }
  return missing;
}

/** A table drawn as a replica of a global table: the table of a node it replicates with has its region. */
function isGlobalTableMember(
  byNode: Map<string, ParsedResource[]>,
  graph: ReturnType<typeof graphOf>,
  id: string,
): boolean {
  const region = graph.regionOf(id);
  const seen = new Set([id]);
  const queue = [id];
  for (let cur = queue.pop(); cur !== undefined; cur = queue.pop()) {
    for (const e of [...graph.outgoing(cur), ...graph.incoming(cur)]) {
      if (e.kind !== 'replication') continue;
      const other = e.source.id === cur ? e.target.id : e.source.id;
      if (seen.has(other) || graph.nodes.get(other)?.kind !== 'nosql-table') continue;
      seen.add(other);
      queue.push(other);
      for (const r of byNode.get(other) ?? []) {
        if (r.type !== 'aws_dynamodb_table') continue;
        if (graph.regionOf(other) === region) return true;
        const replicas = blocksOf(r.body.replica);
        if (replicas.some((b) => b.region_name === region)) return true;
      }
    }
  }
  return false;
}
