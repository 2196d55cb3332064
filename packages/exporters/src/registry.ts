import { aslExporter } from './asl/index';
import { cdkExporter } from './cdk/index';
import { jsonExporter, yamlExporter } from './document/index';
import { drawioExporter } from './drawio/index';
import { k8sExporter } from './k8s/index';
import { mermaidExporter } from './mermaid/index';
import { svgExporter } from './svg/index';
import { terraformExporter } from './terraform/exporter';
import type { Exporter, ExportFormat } from './types';

/**
 * Every exporter, one line each. The CLI, the API and the web app's Export dialog list formats
 * from here, so a new format needs no other change.
 */
export const EXPORTERS: readonly Exporter[] = [
  terraformExporter,
  cdkExporter,
  k8sExporter,
  aslExporter,
  mermaidExporter,
  drawioExporter,
  svgExporter,
  jsonExporter,
  yamlExporter,
];

export function findExporter(format: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.format === format);
}

export const EXPORT_FORMATS: readonly ExportFormat[] = EXPORTERS.map((e) => e.format);
