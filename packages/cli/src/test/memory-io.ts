import type { CliIo } from '../io';
import { main } from '../main';

/** A file that fails to read with this Node-style error code (e.g. `EACCES`). */
export class Unreadable {
  constructor(readonly code: string) {}
}

type Files = Record<string, string | Unreadable>;

/** In-memory io: `files` maps paths to contents (or to a read failure); output is captured. */
export function memoryIo(files: Files = {}, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    readFile: async (path) => {
      const content = files[path] ?? new Unreadable('ENOENT');
      if (content instanceof Unreadable)
        throw Object.assign(new Error(`${content.code}: cannot read '${path}'`), { code: content.code });
      return content;
    },
    env,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** Runs the CLI in memory and returns the exit code and everything it printed. */
export async function run(argv: string[], files: Files = {}, env: Record<string, string> = {}) {
  const m = memoryIo(files, env);
  const code = await main(argv, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}
