import type { ArchitectureDocument } from '@stackdraft/patterns';
import type { Command } from 'commander';
import { EXIT } from '../io';
import { formatInputError, type InputError, loadDocumentFile } from '../load';
import type { CommandContext } from './command';

/**
 * A design-rule finding. Placeholder shape until the rules issue lands: then this becomes the
 * finding type exported by @stackdraft/patterns and `findingsFor` runs its rules.
 */
export interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** The seam for design rules: none exist yet, so a valid document has no findings. */
function findingsFor(_document: ArchitectureDocument): Finding[] {
  return [];
}

/** `stackdraft validate FILE --json`: one object on stdout, the same shape whatever went wrong. */
export interface ValidateReport {
  file: string;
  valid: boolean;
  errors: { code: string; message: string; path: string; line: number | null; column: number | null }[];
  findings: Finding[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function toReport(file: string, errors: InputError[], findings: Finding[]): ValidateReport {
  return {
    file,
    valid: errors.length === 0,
    errors: errors.map((e) => ({
      code: e.code,
      message: e.message,
      path: e.path,
      line: e.line ?? null,
      column: e.line === undefined ? null : (e.column ?? 1),
    })),
    findings,
  };
}

/** Loads FILE and reports its errors (exit 2) or that it is valid (exit 0, or 1 on error findings). */
export async function validate(
  ctx: CommandContext,
  file: string,
  options: { json?: boolean },
): Promise<number> {
  const { io } = ctx;
  const loaded = await loadDocumentFile(io, file);
  const errors = loaded.ok ? [] : loaded.errors;
  const findings = loaded.ok ? findingsFor(loaded.document) : [];
  const code = !loaded.ok
    ? EXIT.badInput
    : findings.some((f) => f.severity === 'error')
      ? EXIT.findings
      : EXIT.ok;

  if (options.json) {
    io.stdout(`${JSON.stringify(toReport(file, errors, findings), null, 2)}\n`);
    return code;
  }
  if (!loaded.ok) {
    for (const e of loaded.errors) io.stderr(`${formatInputError(e, file)}\n`);
    io.stderr(`✗ ${file}: invalid (${plural(loaded.errors.length, 'error')})\n`);
    return code;
  }
  const { nodes, edges } = loaded.document;
  io.stdout(`✓ ${file}: valid (${plural(nodes.length, 'node')}, ${plural(edges.length, 'edge')})\n`);
  return code;
}

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description('check that a design file loads: YAML/JSON syntax, schema, node kinds and references')
    .argument('<file>', 'a .stackdraft.yaml or .stackdraft.json document')
    .option('--json', 'print a machine-readable report on stdout')
    .addHelpText(
      'after',
      '\nExit codes: 0 valid, 1 an error-level design finding, 2 the file cannot be read or is not a valid document.',
    )
    .action(async (file: string, options: { json?: boolean }) => {
      ctx.exitCode = await validate(ctx, file, options);
    });
}
