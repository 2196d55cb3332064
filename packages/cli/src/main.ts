import { Command, CommanderError } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import type { CommandContext, RegisterCommand } from './commands/command';
import { registerCost } from './commands/cost';
import { registerDiff } from './commands/diff';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerValidate } from './commands/validate';
import { type CliIo, EXIT } from './io';

export type { CliIo } from './io';

/** Every subcommand, one module each under `commands/`. */
const COMMANDS: readonly RegisterCommand[] = [
  registerValidate,
  registerCost,
  registerExport,
  registerImport,
  registerDiff,
];

const HELP_HINT = 'Run `stackdraft --help` for usage.';

function buildProgram(ctx: CommandContext): Command {
  const program = new Command('stackdraft')
    .description('Check Stackdraft architecture designs from a terminal or a CI pipeline.')
    .version(packageJson.version)
    // Set before the subcommands are added, so they inherit them: commander throws instead of
    // calling process.exit, and writes through `io` instead of the real streams.
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
    })
    .showHelpAfterError(HELP_HINT)
    .showSuggestionAfterError(true);
  for (const register of COMMANDS) register(program, ctx);
  return program;
}

/**
 * Runs `stackdraft` with `argv` (the user's arguments, without `node` and the script) and returns
 * the exit code. Never throws: usage errors and bad input exit 2 with a message, and an
 * unexpected exception becomes one line on stderr (its stack only with `STACKDRAFT_DEBUG=1`).
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const ctx: CommandContext = { io, exitCode: EXIT.ok };
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    // --help and --version also arrive here, with exit code 0; commander has printed its message.
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`stackdraft: unexpected error: ${message}\n`);
    if (io.env.STACKDRAFT_DEBUG === '1' && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    else io.stderr('Set STACKDRAFT_DEBUG=1 to see the stack trace, and please report it.\n');
    return EXIT.badInput;
  }
}
