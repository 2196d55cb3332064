import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { CDK_CONTEXT } from '../cdk/app-files';
import type { ExportedFile } from '../types';

/**
 * Test harness for generated CDK apps: writes them side by side in a temporary directory whose
 * `node_modules` links to the repository's (so `aws-cdk-lib` resolves exactly as in a real app),
 * type-checks all of them in one TypeScript program, and synthesizes all of them in one Node
 * process with `app.synth()` (no CDK CLI, no AWS account, no network).
 */

const here = dirname(fileURLToPath(import.meta.url));

/** The nearest node_modules above this file that holds aws-cdk-lib (the root one with npm workspaces). */
function repoNodeModules(): string {
  for (let d = here; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules');
    if (existsSync(join(candidate, 'aws-cdk-lib', 'package.json'))) return candidate;
    if (dirname(d) === d) throw new Error(`aws-cdk-lib is not installed in any node_modules above ${here}`);
  }
}

export interface CdkWorkspace {
  root: string;
  write(name: string, files: ExportedFile[]): void;
  dispose(): void;
}

export function cdkWorkspace(): CdkWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'stackdraft-cdk-'));
  const modules = repoNodeModules();
  symlinkSync(modules, join(root, 'node_modules'), 'dir');
  return {
    root,
    write(name, files) {
      for (const f of files) {
        const path = join(root, name, f.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.content);
      }
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Type-checks every app in one program with its own tsconfig's options; returns the error messages. */
export function typeCheck(ws: CdkWorkspace, apps: string[]): string[] {
  const first = apps[0];
  if (!first) return [];
  const config = ts.readConfigFile(join(ws.root, first, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(ws.root, first));
  const roots = apps.flatMap((a) => [join(ws.root, a, 'bin', 'app.ts'), join(ws.root, a, 'lib', 'app.ts')]);
  const program = ts.createProgram(roots, { ...parsed.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName.slice(ws.root.length + 1)}:${line + 1}:${character + 1}: ${text}`;
  });
}

/** A CloudFormation resource with its logical id and stack. */
export interface Resource {
  stack: string;
  logicalId: string;
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export interface SynthResult {
  app: string;
  error?: string;
  /** Stack name -> template. */
  templates: Record<string, { Resources?: Record<string, Omit<Resource, 'stack' | 'logicalId'>> }>;
  /** Problems the CDK's own template validation reported (validation-report.json). */
  validation: string[];
}

const RUNNER = `
const { join } = require('node:path');
const { existsSync, readFileSync } = require('node:fs');
const [root, ...apps] = process.argv.slice(2);
const context = ${JSON.stringify({ ...CDK_CONTEXT, 'aws:cdk:enable-path-metadata': true })};
const results = [];
for (const app of apps) {
  const outdir = join(root, '.out', app);
  try {
    const { createApp } = require(join(root, app, 'lib', 'app.ts'));
    const asm = createApp({ outdir, context }).synth();
    const templates = {};
    for (const s of asm.stacks) templates[s.stackName] = s.template;
    const report = join(outdir, 'validation-report.json');
    const validation = [];
    if (existsSync(report)) {
      for (const plugin of JSON.parse(readFileSync(report, 'utf8')).pluginReports || [])
        for (const v of plugin.violations || [])
          for (const c of v.violatingConstructs || [])
            validation.push(v.severity + ' ' + v.ruleName + ' ' + c.constructPath + ': ' + v.description);
    }
    results.push({ app, templates, validation });
  } catch (e) {
    results.push({ app, templates: {}, validation: [], error: String(e && e.stack || e) });
  }
}
require('node:fs').writeFileSync(join(root, '.out', 'results.json'), JSON.stringify(results));
`;

/** The environment minus anything naming an AWS account or credentials: synth must not need them. */
function withoutAwsAccount(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!k.startsWith('AWS_') && !k.startsWith('CDK_')) out[k] = v;
  return out;
}

/** Synthesizes every app in one child process running tsx (CommonJS, as the CDK CLI would run it). */
export function synthesize(ws: CdkWorkspace, apps: string[]): SynthResult[] {
  mkdirSync(join(ws.root, '.out'), { recursive: true });
  const runner = join(ws.root, '.out', 'synth.ts');
  writeFileSync(runner, RUNNER);
  const tsx = join(ws.root, 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [runner, ws.root, ...apps], {
    cwd: ws.root,
    encoding: 'utf8',
    env: withoutAwsAccount(process.env),
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = join(ws.root, '.out', 'results.json');
  if (!existsSync(out)) throw new Error(`synth runner failed (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as SynthResult[];
}

/** Every resource of every stack, flattened. */
export function resources(result: SynthResult): Resource[] {
  return Object.entries(result.templates).flatMap(([stack, t]) =>
    Object.entries(t.Resources ?? {}).map(([logicalId, r]) => ({ stack, logicalId, ...r })),
  );
}

/** The resource of construct `constructId` (top level in its stack) with the given type. */
export function resourceOf(all: Resource[], constructId: string, type: string): Resource | undefined {
  return all.find((r) => {
    const path = r.Metadata?.['aws:cdk:path'];
    if (typeof path !== 'string' || r.Type !== type) return false;
    const parts = path.split('/');
    return parts[1] === constructId;
  });
}

/** Does `value` contain a Ref or Fn::GetAtt to `logicalId` anywhere? */
export function refersTo(value: unknown, logicalId: string): boolean {
  if (Array.isArray(value)) return value.some((v) => refersTo(v, logicalId));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.Ref === logicalId) return true;
    const att = o['Fn::GetAtt'];
    if (Array.isArray(att) && att[0] === logicalId) return true;
    return Object.values(o).some((v) => refersTo(v, logicalId));
  }
  return false;
}
