/** Stable codes for every problem a document can have while loading. */
export type DocumentErrorCode =
  | 'too-large'
  | 'yaml-syntax'
  | 'json-syntax'
  | 'not-an-object'
  | 'missing-version'
  | 'unsupported-version'
  | 'unknown-key'
  | 'invalid-value'
  | 'unknown-kind'
  | 'invalid-config'
  | 'duplicate-id'
  | 'missing-node'
  | 'parent-not-found'
  | 'parent-not-group'
  | 'invalid-containment'
  | 'parent-cycle'
  | 'self-loop';

/** One problem in a document, with where it is. */
export interface DocumentError {
  code: DocumentErrorCode;
  /** What is wrong and, where possible, what to do about it. */
  message: string;
  /** Path inside the document, e.g. `nodes[3].config.instanceClass` (empty for the whole document). */
  path: string;
  /** The same path as segments, for tools that walk the document. */
  segments: (string | number)[];
  /** 1-based line and column in the source text, when the document came from text. */
  line?: number;
  column?: number;
}

/** Renders path segments the way DESIGN.md writes them: `nodes[3].config.instanceClass`. */
export function formatPath(segments: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else {
      const key = String(s);
      if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out ? `.${key}` : key;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** `nodes[3].config.instanceClass: message` or, with a line, `line 12, column 5: ...`. */
export function describeError(e: DocumentError, file?: string): string {
  const where = [file, e.line !== undefined ? `${e.line}:${e.column ?? 1}` : undefined]
    .filter(Boolean)
    .join(':');
  const path = e.path ? `${e.path}: ` : '';
  return `${where ? `${where}: ` : ''}${path}${e.message}`;
}

export function docError(
  code: DocumentErrorCode,
  segments: (string | number)[],
  message: string,
): DocumentError {
  return { code, message, path: formatPath(segments), segments };
}
