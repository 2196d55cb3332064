import type { Command } from 'commander';
import type { CliIo } from '../io';

/** What a command's action needs from `main`. */
export interface CommandContext {
  io: CliIo;
  /** The command's action sets this; `main` returns it as the exit code. */
  exitCode: number;
}

/**
 * One command module (`validate`, later `cost`, `export`, `import`, `diff`): adds its subcommand
 * to `program` with `program.command(...)`, so it inherits the program's output and error handling.
 */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;
