/**
 * Everything the CLI touches outside itself. `main` receives it as a parameter so tests run the
 * whole program in memory; `node-io.ts` is the real implementation.
 */
export interface CliIo {
  /** Writes text to standard output as is (callers add the newline). */
  stdout(text: string): void;
  /** Writes text to standard error as is (callers add the newline). */
  stderr(text: string): void;
  /**
   * Reads a whole UTF-8 text file. Rejects with an error carrying a Node-style `code`: `ENOENT`,
   * `EISDIR`, `EACCES`/`EPERM`, `EFBIG` (over the document size limit) or
   * `ERR_ENCODING_INVALID_ENCODED_DATA` (not UTF-8 text); see `load.ts` for the messages.
   */
  readFile(path: string): Promise<string>;
  /** Environment variables; only `STACKDRAFT_DEBUG` is read. */
  env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes, as DESIGN.md ("Command line") fixes them. */
export const EXIT = {
  ok: 0,
  /** `validate`: the document loads but an error-level design finding remains. */
  findings: 1,
  /** Bad input or bad usage: unreadable file, invalid YAML/JSON, schema error, unknown option. */
  badInput: 2,
} as const;
