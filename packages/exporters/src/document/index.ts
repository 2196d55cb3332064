import { type ArchitectureDocument, serializeDocument, slugify } from '@stackdraft/patterns';
import type { Exporter, ExportResult } from '../types';

/** The document's name made file-safe (`Orders platform` -> `orders-platform`), for output file names. */
export function designSlug(doc: ArchitectureDocument): string {
  return slugify(doc.name, 'design');
}

/** `orders-platform.stackdraft.yaml`: the design's slug with the format's suffix. */
export function documentFileName(doc: ArchitectureDocument, format: 'json' | 'yaml'): string {
  return `${designSlug(doc)}.stackdraft.${format}`;
}

function exportAs(doc: ArchitectureDocument, format: 'json' | 'yaml'): ExportResult {
  return {
    files: [{ path: documentFileName(doc, format), content: serializeDocument(doc, format) }],
    diagnostics: [],
  };
}

/** The document itself as JSON, in canonical key order (what `stackdraft validate` and the API read). */
export const jsonExporter: Exporter = {
  format: 'json',
  label: 'Stackdraft document (JSON)',
  description: 'The design itself as a .stackdraft.json file, in canonical key order.',
  export: (doc) => exportAs(doc, 'json'),
};

/** The document itself as YAML, in canonical key order: the format people keep in repositories. */
export const yamlExporter: Exporter = {
  format: 'yaml',
  label: 'Stackdraft document (YAML)',
  description: 'The design itself as a .stackdraft.yaml file, in canonical key order.',
  export: (doc) => exportAs(doc, 'yaml'),
};
