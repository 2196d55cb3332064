import { readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  type ImportResult,
  importTerraform,
  type TerraformFile,
  TerraformImportError,
} from '@stackdraft/exporters';
import { serializeDocument } from '@stackdraft/patterns';
import type { Command } from 'commander';
import { EXIT } from '../io';
import type { CommandContext } from './command';
import { printable } from './export';

/** Import sources `--from` accepts (one for now; the option is there so others can follow). */
export const IMPORT_SOURCES = ['terraform'] as const;

type Read = { ok: true; files: TerraformFile[] } | { ok: false; message: string };

function describeReadError(path: string, err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `${path}: no such file or directory; check the path`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied`;
  if (code === 'EFBIG') return `${path}: the file is too large to import`;
  if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return `${path}: is not UTF-8 text`;
  return `${path}: cannot read it (${err instanceof Error ? err.message : String(err)})`;
}

/**
 * The `.tf` files of `path`: the file itself, or every `.tf` file directly in the directory (a
 * Terraform root module; subdirectories are other modules and are not read).
 */
async function readSources(ctx: CommandContext, path: string): Promise<Read> {
  try {
    return { ok: true, files: [{ path, content: await ctx.io.readFile(path) }] };
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code !== 'EISDIR')
      return { ok: false, message: describeReadError(path, err) };
  }
  let names: string[];
  try {
    names = (await readdir(path, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.tf'))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    return { ok: false, message: describeReadError(path, err) };
  }
  if (names.length === 0) return { ok: false, message: `${path}: no .tf files in this directory` };
  const files: TerraformFile[] = [];
  for (const name of names) {
    const file = join(path, name);
    try {
      files.push({ path: file, content: await ctx.io.readFile(file) });
    } catch (err) {
      return { ok: false, message: describeReadError(file, err) };
    }
  }
  return { ok: true, files };
}

/** The report a person reads on stderr: what became nodes, what did not and why, warnings. */
export function formatReport(result: ImportResult, source: string, fileCount: number): string {
  const { document, report } = result;
  const lines: string[] = [];
  const total = report.mapped.length + report.unmapped.length;
  lines.push(
    `Imported ${source}: ${document.nodes.length} nodes and ${document.edges.length} edges from ${total} resources in ${fileCount} file${fileCount === 1 ? '' : 's'}.`,
  );
  const supporting = new Map<string, string[]>();
  const skipped = report.unmapped.filter((u) => {
    if (!u.supports) return true;
    supporting.set(u.supports, [...(supporting.get(u.supports) ?? []), u.address]);
    return false;
  });
  if (skipped.length > 0) {
    lines.push(`Not mapped (${skipped.length}):`);
    for (const u of skipped) lines.push(`  ${u.address}: ${u.reason}`);
  }
  if (supporting.size > 0) {
    lines.push(
      `Supporting resources, part of the node they serve (${report.unmapped.length - skipped.length}):`,
    );
    for (const [id, addresses] of supporting) lines.push(`  ${id}: ${addresses.join(', ')}`);
  }
  if (report.warnings.length > 0) {
    lines.push(`Warnings (${report.warnings.length}):`);
    for (const w of report.warnings) lines.push(`  ${w.address ? `${w.address}: ` : ''}${w.message}`);
  }
  return `${lines.map(printable).join('\n')}\n`;
}

/**
 * `stackdraft import FILE.tf|DIR --from terraform [--out FILE]`: writes the design as YAML to
 * FILE or stdout and the report to stderr. Exit 0 when imported; 2 on bad input (unreadable
 * path, malformed HCL with file:line:column, unknown --from, --out not writable).
 */
export async function importDesign(
  ctx: CommandContext,
  path: string,
  options: { from: string; out?: string },
): Promise<number> {
  const { io } = ctx;
  if (!(IMPORT_SOURCES as readonly string[]).includes(options.from)) {
    io.stderr(
      `stackdraft import: cannot import from ${JSON.stringify(printable(options.from))}; --from must be one of: ${IMPORT_SOURCES.join(', ')}\n`,
    );
    return EXIT.badInput;
  }
  const read = await readSources(ctx, path);
  if (!read.ok) {
    io.stderr(`${printable(read.message)}\n✗ nothing imported\n`);
    return EXIT.badInput;
  }
  let result: ImportResult;
  try {
    const name = `Imported from ${basename(path).replace(/\.tf$/, '') || path}`;
    result = await importTerraform(read.files, { name: name.slice(0, 200) });
  } catch (err) {
    if (!(err instanceof TerraformImportError)) throw err;
    io.stderr(`${printable(err.message)}\n✗ ${printable(path)}: not valid Terraform; nothing imported\n`);
    return EXIT.badInput;
  }
  const yaml = serializeDocument(result.document, 'yaml');
  if (options.out) {
    try {
      await writeFile(options.out, yaml, 'utf8');
    } catch (err) {
      io.stderr(
        `stackdraft import: ${describeReadError(options.out, err).replace('cannot read it', 'cannot write it')}\n`,
      );
      return EXIT.badInput;
    }
  } else io.stdout(yaml);
  io.stderr(formatReport(result, path, read.files.length));
  if (options.out) io.stderr(`✓ wrote ${printable(options.out)}\n`);
  return EXIT.ok;
}

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('turn existing infrastructure code (a Terraform module for AWS) into a design')
    .argument('<path>', 'a .tf file, or a directory whose .tf files form one module')
    .requiredOption('--from <source>', `what the files are: ${IMPORT_SOURCES.join(', ')}`)
    .option('--out <file>', 'write the design (YAML) to this file instead of standard output')
    .addHelpText(
      'after',
      '\nThe report (resources mapped, not mapped and why, warnings) goes to standard error.\n' +
        'Positions are left out: the web app lays the design out when it opens it.\n' +
        'Exit codes: 0 imported, 2 bad input (unreadable path, malformed .tf with file:line, unknown --from).',
    )
    .action(async (path: string, options: { from: string; out?: string }) => {
      ctx.exitCode = await importDesign(ctx, path, options);
    });
}
