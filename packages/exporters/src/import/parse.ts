import { type SourceLocation, type TerraformFile, TerraformImportError } from './types';

/** A parsed argument value as hcl2json returns it: expressions stay text (`"${aws_x.y.arn}"`). */
export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };
export type HclBody = { [key: string]: HclValue };

/** One `resource` (or `data`) block of the module. */
export interface TfResource {
  type: string;
  name: string;
  /** `aws_sqs_queue.orders`, or `data.aws_iam_policy_document.x` for data sources. */
  address: string;
  file: string;
  body: HclBody;
  /** Provider alias (`west` for `provider = aws.west`); undefined for the default provider. */
  alias: string | undefined;
}

/** The parts of a Terraform module the importer reads. */
export interface TfModule {
  resources: TfResource[];
  data: Map<string, TfResource>;
  /** Provider alias ('' for the default provider) -> region, when it is a literal. */
  regions: Map<string, string | undefined>;
  /** Literal defaults of `variable` blocks and literal `locals`, to resolve `var.x` / `local.x`. */
  values: Map<string, HclValue>;
  /** `module` blocks: their resources live elsewhere and are not read. */
  modules: string[];
}

/**
 * Parses one HCL file to JSON, as `parse` of `@cdktf/hcl2json` does. Node uses that package; a
 * browser passes its own (the same WASM, loaded with `fetch`), since the package reads its WASM
 * file from disk.
 */
export type HclParser = (filename: string, content: string) => Promise<unknown>;

// A specifier bundlers do not follow: the web app must not bundle this Node-only package (it reads
// its WASM with `fs`), and the CLI bundle leaves it external.
const HCL2JSON = '@cdktf/hcl2json';
let nodeParser: Promise<HclParser> | undefined;

/**
 * HashiCorp's HCL parser, loaded on first use: importing it reads and compiles a 5 MB WASM file,
 * which the exporters and the other CLI commands must not pay for.
 */
function defaultParser(): Promise<HclParser> {
  nodeParser ??= (import(/* @vite-ignore */ HCL2JSON) as Promise<typeof import('@cdktf/hcl2json')>).then(
    (m) => m.parse,
  );
  return nodeParser;
}

const LOCATION = /([^\s[\],]+):(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^\]]*)/;

/**
 * Turns hcl2json's error text (`parse config: [main.tf:2,7-3,1: Invalid expression; Expected
 * ...]`) into `main.tf:2:7: Invalid expression; Expected ...`.
 */
export function describeParseError(file: string, raw: unknown): TerraformImportError {
  const text = raw instanceof Error ? raw.message : String(raw);
  const m = LOCATION.exec(text);
  if (!m) return new TerraformImportError(`${file}: ${text.replace(/^parse config: /, '')}`);
  const location: SourceLocation = { file: m[1] as string, line: Number(m[2]), column: Number(m[3]) };
  const message = (m[4] as string).trim().replace(/\.$/, '');
  return new TerraformImportError(
    `${location.file}:${location.line}:${location.column}: ${message}`,
    location,
  );
}

const asBlocks = (v: unknown): HclBody[] =>
  Array.isArray(v) ? (v.filter((b) => b && typeof b === 'object' && !Array.isArray(b)) as HclBody[]) : [];

const ALIAS = /^\$\{aws\.([A-Za-z0-9_-]+)\}$/;

/** Parses every file and collects resources, data sources, providers and literal values. */
export async function parseModule(files: readonly TerraformFile[], parser?: HclParser): Promise<TfModule> {
  const parse = parser ?? (await defaultParser());
  const module: TfModule = {
    resources: [],
    data: new Map(),
    regions: new Map(),
    values: new Map(),
    modules: [],
  };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    let json: Record<string, unknown>;
    try {
      json = (await parse(file.path, file.content)) as Record<string, unknown>;
    } catch (err) {
      throw describeParseError(file.path, err);
    }
    collect(module, file.path, json);
  }
  // A provider's region is often a variable (`region = var.region`): use its default.
  for (const [alias, region] of module.regions) {
    if (region === undefined || !region.startsWith('${')) continue;
    const name = /^\$\{((?:var|local)\.[A-Za-z_][\w-]*)\}$/.exec(region)?.[1];
    const value = name ? module.values.get(name) : undefined;
    module.regions.set(alias, typeof value === 'string' && !value.includes('${') ? value : undefined);
  }
  return module;
}

function collect(module: TfModule, file: string, json: Record<string, unknown>): void {
  const section = (key: string) =>
    (json[key] && typeof json[key] === 'object' ? json[key] : {}) as Record<string, unknown>;
  for (const [kind, byName] of Object.entries(section('resource')))
    for (const [name, blocks] of Object.entries(byName as Record<string, unknown>))
      for (const body of asBlocks(blocks).slice(0, 1)) {
        const alias = typeof body.provider === 'string' ? ALIAS.exec(body.provider)?.[1] : undefined;
        module.resources.push({ type: kind, name, address: `${kind}.${name}`, file, body, alias });
      }
  for (const [kind, byName] of Object.entries(section('data')))
    for (const [name, blocks] of Object.entries(byName as Record<string, unknown>))
      for (const body of asBlocks(blocks).slice(0, 1)) {
        const address = `data.${kind}.${name}`;
        module.data.set(address, { type: kind, name, address, file, body, alias: undefined });
      }
  for (const name of Object.keys(section('module'))) module.modules.push(name);
  for (const p of asBlocks(section('provider').aws)) {
    const alias = typeof p.alias === 'string' ? p.alias : '';
    const region = typeof p.region === 'string' ? p.region : undefined;
    if (!module.regions.has(alias)) module.regions.set(alias, region);
  }
  for (const [name, blocks] of Object.entries(section('variable')))
    for (const v of asBlocks(blocks))
      if (v.default !== undefined) module.values.set(`var.${name}`, v.default as HclValue);
  for (const block of asBlocks(json.locals))
    for (const [name, value] of Object.entries(block)) module.values.set(`local.${name}`, value as HclValue);
}
