import { open } from 'node:fs/promises';
import { MAX_DOCUMENT_BYTES } from '@stackdraft/patterns';
import type { CliIo } from './io';

const CHUNK = 1024 * 1024;

function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * Reads a file as UTF-8, refusing directories, anything over the document size limit and bytes
 * that are not UTF-8. Reads in chunks with a cap rather than trusting `stat`, so pipes
 * (`validate <(curl ...)`) work and a device such as /dev/zero cannot exhaust memory.
 */
export async function readTextFile(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    if ((await handle.stat()).isDirectory())
      throw codedError('EISDIR', `EISDIR: is a directory, read '${path}'`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_DOCUMENT_BYTES) throw codedError('EFBIG', `EFBIG: file too large, read '${path}'`);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    // fatal: binary garbage becomes one clear error instead of U+FFFD characters fed to the parser.
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, total));
  } finally {
    await handle.close();
  }
}

/** The real world: this process's streams, file system and environment. */
export function nodeIo(proc: Pick<NodeJS.Process, 'stdout' | 'stderr' | 'env'> = process): CliIo {
  return {
    stdout: (text) => void proc.stdout.write(text),
    stderr: (text) => void proc.stderr.write(text),
    readFile: readTextFile,
    env: proc.env,
  };
}
