import type { Exporter, ExportFormat } from './types';

/**
 * Every exporter, one line each. The CLI, the API and the web app's Export dialog list formats
 * from here, so a new format needs no other change.
 */
export const EXPORTERS: readonly Exporter[] = [];

export function findExporter(format: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.format === format);
}

export const EXPORT_FORMATS: readonly ExportFormat[] = EXPORTERS.map((e) => e.format);
