import {
  type ArchitectureDocument,
  type DocumentError,
  describeError,
  formatFromFileName,
  MAX_DOCUMENT_BYTES,
  parseDocument,
} from '@stackdraft/patterns';
import type { CliIo } from './io';

/** Why a file could not be read at all (the document's own problems use `DocumentErrorCode`). */
export type FileErrorCode =
  | 'file-not-found'
  | 'is-a-directory'
  | 'permission-denied'
  | 'not-text'
  | 'too-large'
  | 'unreadable';

/** A problem with a file passed on the command line: a document error, or one of reading the file. */
export type InputError = Omit<DocumentError, 'code'> & { code: DocumentError['code'] | FileErrorCode };

export type LoadedFile = { ok: true; document: ArchitectureDocument } | { ok: false; errors: InputError[] };

const EXPECTED = 'expected a .stackdraft.yaml or .stackdraft.json document';

function fileError(code: FileErrorCode, message: string): { ok: false; errors: InputError[] } {
  return { ok: false, errors: [{ code, message, path: '', segments: [] }] };
}

function readFailure(err: unknown): { ok: false; errors: InputError[] } {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return fileError('file-not-found', 'no such file; check the path');
    case 'EISDIR':
      return fileError('is-a-directory', `is a directory; ${EXPECTED}`);
    case 'EACCES':
    case 'EPERM':
      return fileError('permission-denied', 'permission denied; make the file readable and try again');
    case 'EFBIG':
      return fileError(
        'too-large',
        `the file is larger than ${MAX_DOCUMENT_BYTES / 1048576} MB, the limit for a document`,
      );
    case 'ERR_ENCODING_INVALID_ENCODED_DATA':
      return fileError('not-text', `is not UTF-8 text (binary data?); ${EXPECTED}`);
    default:
      return fileError(
        'unreadable',
        `cannot read the file: ${err instanceof Error ? err.message : String(err)}`,
      );
  }
}

/**
 * Reads and parses the document in `file` (JSON for `.json`, YAML otherwise). Never throws on bad
 * input: every problem, from a missing file to a schema error, comes back with its path and line.
 */
export async function loadDocumentFile(io: CliIo, file: string): Promise<LoadedFile> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (err) {
    return readFailure(err);
  }
  // A YAML parser accepts almost anything as a string scalar; NUL bytes are the surest sign of binary.
  if (text.includes('\u0000'))
    return fileError('not-text', `is not a text file (it contains NUL bytes); ${EXPECTED}`);
  return parseDocument(text, { format: formatFromFileName(file) });
}

/** `FILE:LINE:COL: PATH: message`, or `FILE: message` when there is no position. */
export function formatInputError(e: InputError, file: string): string {
  // describeError only reads code-independent fields; the widened code does not change the output.
  return describeError(e as DocumentError, file);
}
