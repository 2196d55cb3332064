/**
 * Test support: runs the real `terraform init -backend=false`, `validate` and `plan` on generated
 * modules, offline. The AWS provider comes from the local filesystem mirror the project's
 * machines ship (see the exporters issue), through a CLI config written here; a shared plugin
 * cache keeps each `init` to a symlink. Provider settings that only tests need (dummy
 * credentials, skipped account lookups) go in an override file, not in what users get.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ExportedFile } from '../types';
import { checkAsl } from './asl-check';

const run = promisify(execFile);

export interface Terraform {
  version: string;
  mirror: string;
  root: string;
  env: NodeJS.ProcessEnv;
  /** Base URL of the local Step Functions stand-in (definition validation only). */
  sfnEndpoint: string;
  /** Definitions the stand-in was asked to validate, with the problems it found. */
  validated: { definition: string; problems: string[] }[];
  close(): Promise<void>;
}

export interface TerraformRun {
  ok: boolean;
  /** The command that failed, if one did. */
  failed?: 'fmt' | 'init' | 'validate' | 'plan' | 'show';
  output: string;
  /** `terraform show -json` of the plan, when asked for. */
  plan?: PlanJson;
}

export interface PlanJson {
  resource_changes?: { address: string; type: string; change: { after?: Record<string, unknown> } }[];
}

/** Where the hashicorp/aws provider mirror lives: $TF_PROVIDER_MIRROR, or the usual places. */
function findMirror(): string | undefined {
  const candidates = [
    process.env.TF_PROVIDER_MIRROR,
    '/opt/tf-plugins',
    '/usr/share/terraform/plugins',
    '/usr/local/share/terraform/plugins',
    join(homedir(), '.terraform.d/plugins'),
  ];
  return candidates.find(
    (c) => c !== undefined && existsSync(join(c, 'registry.terraform.io/hashicorp/aws')),
  );
}

/**
 * Answers the provider's plan-time ValidateStateMachineDefinition calls with the checks
 * `checkAsl` can make offline, so that plans of known definitions run without network and still
 * fail on an invalid definition.
 */
async function startSfnStandIn(validated: Terraform['validated']): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      if (!target.endsWith('ValidateStateMachineDefinition')) {
        res.statusCode = 400;
        res.end(
          JSON.stringify({
            __type: 'UnknownOperationException',
            message: `${target} is not available offline`,
          }),
        );
        return;
      }
      const { definition } = JSON.parse(body) as { definition: string };
      let problems: string[];
      try {
        problems = checkAsl(JSON.parse(definition));
      } catch (e) {
        problems = [`definition is not JSON: ${String(e)}`];
      }
      validated.push({ definition, problems });
      res.end(
        JSON.stringify({
          result: problems.length === 0 ? 'OK' : 'FAIL',
          diagnostics: problems.map((message) => ({
            severity: 'ERROR',
            code: 'SCHEMA_VALIDATION_FAILED',
            message,
          })),
          truncated: false,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Prepares offline Terraform runs, or says why it cannot (no `terraform` on PATH, or no provider
 * mirror): the caller then reports that loudly and falls back to the HCL parser checks.
 */
export async function setupTerraform(): Promise<Terraform | { unavailable: string }> {
  let version: string;
  try {
    const { stdout } = await run('terraform', ['version', '-json'], { timeout: 60_000 });
    version = (JSON.parse(stdout) as { terraform_version: string }).terraform_version;
  } catch (e) {
    return { unavailable: `terraform is not on PATH (${(e as Error).message.split('\n')[0]})` };
  }
  const mirror = findMirror();
  if (!mirror)
    return {
      unavailable: 'no filesystem mirror of the hashicorp/aws provider was found (set TF_PROVIDER_MIRROR)',
    };
  const root = await mkdtemp(join(tmpdir(), 'stackdraft-tf-'));
  // Shared by every run (and every test run): init links the provider from here instead of copying 700 MB.
  const pluginCache = join(tmpdir(), 'stackdraft-tf-plugin-cache');
  await mkdir(pluginCache, { recursive: true });
  const cliConfig = join(root, 'terraform.rc');
  await writeFile(
    cliConfig,
    `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirror)}
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
`,
  );
  const validated: Terraform['validated'] = [];
  const sfn = await startSfnStandIn(validated);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_PLUGIN_CACHE_DIR: pluginCache,
    // Without a lock file, init would reinstall the 700 MB provider into the cache on every run
    // (and break runs reading it); these throwaway directories have no lock file to protect.
    TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: 'true',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'offline-test-secret-not-a-credential',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  return {
    version,
    mirror,
    root,
    env,
    sfnEndpoint: sfn.url,
    validated,
    close: async () => {
      await new Promise<void>((resolve) => sfn.server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The test-only provider settings: no credential or account checks, Step Functions stand-in. */
function overrideFile(tf: Terraform, aliases: readonly string[]): string {
  const block = (alias?: string) =>
    `provider "aws" {
${alias ? `  alias                       = "${alias}"\n` : ''}  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  endpoints {
    sfn = "${tf.sfnEndpoint}"
  }
}
`;
  return [block(), ...aliases.map((a) => block(a))].join('\n');
}

let initQueue: Promise<unknown> = Promise.resolve();

/** Runs `job` after every job queued before it has finished. */
function serially<T>(job: () => Promise<T>): Promise<T> {
  const result = initQueue.then(job, job);
  initQueue = result.catch(() => undefined);
  return result;
}

async function step(tf: Terraform, dir: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run('terraform', args, {
      cwd: dir,
      env: tf.env,
      timeout: 600_000,
      maxBuffer: 256 * 1024 * 1024,
    });
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? err.message}` };
  }
}

/**
 * Writes `files` to a fresh directory and runs init, validate and plan (and `show -json` of the
 * plan when `show` is set). Stops at the first failing command.
 */
export async function terraformCheck(
  tf: Terraform,
  name: string,
  files: readonly ExportedFile[],
  aliases: readonly string[],
  options: { show?: boolean } = {},
): Promise<TerraformRun> {
  const dir = join(tf.root, name.replace(/[^A-Za-z0-9_-]/g, '_'));
  await mkdir(dir, { recursive: true });
  for (const f of files) await writeFile(join(dir, f.path), f.content);
  const steps: [NonNullable<TerraformRun['failed']>, string[]][] = [
    // The output is formatted as `terraform fmt` would (checked before the override file is added).
    ['fmt', ['fmt', '-check', '-diff', '-no-color']],
    ['init', ['init', '-backend=false', '-input=false', '-no-color']],
    ['validate', ['validate', '-no-color']],
    [
      'plan',
      [
        'plan',
        '-refresh=false',
        '-input=false',
        '-lock=false',
        '-no-color',
        ...(options.show ? ['-out=plan.tfplan'] : []),
      ],
    ],
  ];
  let output = '';
  for (const [label, args] of steps) {
    if (label === 'init') await writeFile(join(dir, 'zz_test_override.tf'), overrideFile(tf, aliases));
    // The plugin cache is not safe for concurrent writers: one init at a time (each takes ~1 s).
    const r = label === 'init' ? await serially(() => step(tf, dir, args)) : await step(tf, dir, args);
    output += r.output;
    if (!r.ok) return { ok: false, failed: label, output };
  }
  if (!options.show) return { ok: true, output };
  const shown = await step(tf, dir, ['show', '-json', '-no-color', 'plan.tfplan']);
  if (!shown.ok) return { ok: false, failed: 'show', output: shown.output };
  return { ok: true, output, plan: JSON.parse(shown.output) as PlanJson };
}

/** Runs `jobs` with at most `limit` at a time (terraform runs are CPU-heavy; the machine has 2 cores). */
export async function inPool<T, R>(
  items: readonly T[],
  limit: number,
  job: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await job(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
