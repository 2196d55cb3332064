import { type DocumentError, docError } from './errors';
import { FORMAT_VERSION } from './schema';

/** Upgrades a document of format version N (the key) to N + 1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they upgrade from. Format 1 is the first, so there are none yet; when
 * format 2 arrives, `1: (doc) => ...` goes here together with a test that loads a version-1 file.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrateResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; errors: DocumentError[] };

/**
 * Brings a raw (parsed but unvalidated) document up to `target` format by applying migrations in
 * order. Refuses documents from a newer version rather than guessing at their meaning.
 */
export function migrate(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = FORMAT_VERSION,
): MigrateResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      errors: [
        docError(
          'not-an-object',
          [],
          'a Stackdraft document is a mapping with `stackdraft: 1`, `name`, `nodes` and `edges`',
        ),
      ],
    };
  }
  let doc = raw as Record<string, unknown>;
  const version = doc.stackdraft;
  if (version === undefined) {
    return {
      ok: false,
      errors: [
        docError(
          'missing-version',
          ['stackdraft'],
          `missing format version: add \`stackdraft: ${target}\` at the top`,
        ),
      ],
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      errors: [
        docError(
          'unsupported-version',
          ['stackdraft'],
          `format version must be a whole number such as ${target}, got ${JSON.stringify(version)}`,
        ),
      ],
    };
  }
  if (version > target) {
    return {
      ok: false,
      errors: [
        docError(
          'unsupported-version',
          ['stackdraft'],
          `this file uses format version ${version}, made by a newer Stackdraft; this version reads up to ${target}. Upgrade Stackdraft to open it.`,
        ),
      ],
    };
  }
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) {
      return {
        ok: false,
        errors: [
          docError(
            'unsupported-version',
            ['stackdraft'],
            `no migration from format version ${v} to ${v + 1}`,
          ),
        ],
      };
    }
    doc = { ...step(doc), stackdraft: v + 1 };
  }
  return { ok: true, value: doc };
}
