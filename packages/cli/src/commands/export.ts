import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import {
  EXPORT_FORMATS,
  type ExportDiagnostic,
  type ExportedFile,
  findExporter,
} from '@stackdraft/exporters';
import type { Command } from 'commander';
import { EXIT } from '../io';
import { formatInputError, loadDocumentFile } from '../load';
import type { CommandContext } from './command';

/**
 * Text that came from a design, made safe for a terminal: control characters (an ESC starting an
 * escape sequence, a carriage return overwriting the line) become visible replacement characters.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we neutralise
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
}

/**
 * Where `filePath` (a path an exporter produced) lands inside `outDir`, or why it may not be
 * written: absolute paths, `..` segments, backslashes and empty segments are refused, and the
 * result must stay inside the output directory.
 */
export function outputPath(outDir: string, filePath: string): { path: string } | { error: string } {
  const segments = filePath.split('/');
  if (
    filePath.length === 0 ||
    filePath.includes('\0') ||
    filePath.includes('\\') ||
    isAbsolute(filePath) ||
    /^[A-Za-z]:/.test(filePath) ||
    segments.some((s) => s === '' || s === '.' || s === '..')
  )
    return { error: `refusing to write ${JSON.stringify(filePath)}: not a plain relative path` };
  const root = resolve(outDir);
  const path = resolve(root, ...segments);
  if (!path.startsWith(root + sep))
    return { error: `refusing to write ${JSON.stringify(filePath)}: outside ${outDir}` };
  return { path };
}

function describeWriteError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'the file system is read-only';
  return err instanceof Error ? err.message : String(err);
}

/** Writes the files under `outDir` (creating it), all-or-nothing on path checks; returns an error message or undefined. */
async function writeFiles(outDir: string, files: ExportedFile[]): Promise<string | undefined> {
  const targets: { file: ExportedFile; path: string }[] = [];
  for (const file of files) {
    const p = outputPath(outDir, file.path);
    if ('error' in p) return p.error;
    targets.push({ file, path: p.path });
  }
  try {
    const s = await stat(outDir);
    if (!s.isDirectory()) return `${outDir} exists and is not a directory`;
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ENOENT')
      return `cannot use ${outDir}: ${describeWriteError(err)}`;
  }
  for (const t of targets) {
    try {
      await mkdir(dirname(t.path), { recursive: true });
      await writeFile(t.path, t.file.content, 'utf8');
    } catch (err) {
      return `cannot write ${join(outDir, t.file.path)}: ${describeWriteError(err)}`;
    }
  }
  return undefined;
}

function diagnosticLine(d: ExportDiagnostic): string {
  const where = d.nodeId ? ` [${d.nodeId}]` : d.edgeId ? ` [edge ${d.edgeId}]` : '';
  return printable(`${d.severity}${where}: ${d.message}`);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `stackdraft export FILE --format ID --out DIR`: loads the design, runs the exporter and writes
 * its files directly into DIR. Exit 0 when written, 1 when written but the exporter reported
 * errors (parts of the design it could not express), 2 on bad input or when nothing could be written.
 */
export async function exportDesign(
  ctx: CommandContext,
  file: string,
  options: { format: string; out: string },
): Promise<number> {
  const { io } = ctx;
  const exporter = findExporter(options.format);
  if (!exporter) {
    io.stderr(
      `stackdraft export: unknown format ${JSON.stringify(printable(options.format))}; choose one of: ${EXPORT_FORMATS.join(', ')}\n`,
    );
    return EXIT.badInput;
  }
  const loaded = await loadDocumentFile(io, file);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.stderr(`${formatInputError(e, file)}\n`);
    io.stderr(`✗ ${file}: invalid (${plural(loaded.errors.length, 'error')}); nothing exported\n`);
    return EXIT.badInput;
  }
  const result = exporter.export(loaded.document);
  const failure = await writeFiles(options.out, result.files);
  if (failure) {
    io.stderr(`stackdraft export: ${failure}\n`);
    return EXIT.badInput;
  }
  for (const f of result.files) {
    io.stdout(
      `wrote ${join(options.out, f.path)} (${Buffer.byteLength(f.content, 'utf8').toLocaleString('en-US')} bytes)\n`,
    );
  }
  for (const d of result.diagnostics) io.stderr(`${diagnosticLine(d)}\n`);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const summary = `${exporter.label}: ${plural(result.files.length, 'file')} in ${options.out}`;
  if (errors > 0) {
    io.stderr(`✗ ${file} -> ${summary}, with ${plural(errors, 'error')} (see above)\n`);
    return EXIT.findings;
  }
  io.stdout(`✓ ${file} -> ${summary}\n`);
  return EXIT.ok;
}

export function registerExport(program: Command, ctx: CommandContext): void {
  program
    .command('export')
    .description(
      'turn a design into files: infrastructure code, Step Functions ASL, diagrams or the document itself',
    )
    .argument('<file>', 'a .stackdraft.yaml or .stackdraft.json document')
    .requiredOption('--format <id>', `what to produce: ${EXPORT_FORMATS.join(', ')}`)
    .requiredOption('--out <dir>', 'directory the files are written into (created when missing)')
    .addHelpText(
      'after',
      '\nFiles land directly in DIR (existing files with the same names are replaced); nothing is written outside it.\n' +
        'Exit codes: 0 exported, 1 exported but some of the design could not be expressed (see the errors), ' +
        '2 bad input, unknown format or the files cannot be written.',
    )
    .action(async (file: string, options: { format: string; out: string }) => {
      ctx.exitCode = await exportDesign(ctx, file, options);
    });
}
