import { EXPORTERS, type Exporter } from '@stackdraft/exporters';
import { estimateCost, slugify, validate } from '@stackdraft/patterns';
import { strToU8, zipSync } from 'fflate';
import { type DocumentLimits, readDocument } from '../domain/document-input';
import { parseWith } from '../http/body';
import { ApiError } from '../http/errors';
import { inspectJson } from '../http/inspect-json';
import { documentBody, exportBody } from '../routes/schemas';

/** One call of a document tool: the raw JSON body (UTF-8, already size-checked) and what to do. */
export interface ToolJob {
  tool: 'validate' | 'cost' | 'export';
  body: Uint8Array;
  limits: DocumentLimits;
  /** export: the format id and whether to answer with a zip. */
  format?: string;
  zip?: boolean;
}

/** What the HTTP layer sends back: a finished body, or an error. Plain data, so it crosses threads. */
export type ToolOutcome =
  | { ok: true; contentType: string; body: string | Uint8Array; filename?: string }
  | { ok: false; status: number; error: ReturnType<ApiError['toBody']> };

/** Runs tool jobs: on worker threads in the server (ToolPool), in-process in tests. */
export type ToolRunner = (job: ToolJob) => Promise<ToolOutcome>;

/** A relative path that stays inside the archive (no absolute paths, no `..`). */
const safeEntry = (path: string) =>
  path.length > 0 && !path.startsWith('/') && !path.split(/[\\/]/).some((s) => s === '..' || s === '');

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    throw new ApiError(400, 'invalid-json', 'The request body is not valid JSON.');
  }
}

function exportFiles(exporter: Exporter, job: ToolJob, raw: unknown): ToolOutcome {
  const body = parseWith(exportBody, raw, 'body');
  const document = readDocument(body.document, job.limits);
  const result = exporter.export(document, body.options ?? {});
  if (!job.zip) {
    const json = JSON.stringify({
      format: exporter.format,
      files: result.files,
      diagnostics: result.diagnostics,
    });
    return { ok: true, contentType: 'application/json', body: json };
  }
  const entries: Record<string, Uint8Array> = {};
  for (const f of result.files) if (safeEntry(f.path)) entries[f.path] = strToU8(f.content);
  return {
    ok: true,
    contentType: 'application/zip',
    body: zipSync(entries, { level: 6 }),
    filename: `${slugify(document.name, 'design')}-${exporter.format}.zip`,
  };
}

/**
 * Does the whole job of POST /api/validate, /api/cost or /api/export/:format on a raw body:
 * parse, refuse hostile structure, check the envelope, load the document with the domain's
 * loader, run the tool, serialize the answer. Errors come back as outcomes, never as throws.
 */
export function runTool(job: ToolJob, exporters: readonly Exporter[] = EXPORTERS): ToolOutcome {
  try {
    const raw = parseJson(job.body);
    const hostile = inspectJson(raw);
    if (hostile) throw hostile;
    if (job.tool === 'export') {
      const exporter = exporters.find((e) => e.format === job.format);
      if (!exporter) throw unknownFormat(job.format ?? '', exporters);
      return exportFiles(exporter, job, raw);
    }
    const document = readDocument(parseWith(documentBody, raw, 'body').document, job.limits);
    const result = job.tool === 'validate' ? validate(document) : estimateCost(document);
    return { ok: true, contentType: 'application/json', body: JSON.stringify(result) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, status: err.status, error: err.toBody() };
    throw err;
  }
}

export function unknownFormat(format: string, exporters: readonly Exporter[]): ApiError {
  const known = exporters.map((e) => e.format).join(', ') || 'none yet';
  return new ApiError(404, 'unknown-format', `No export format "${format.slice(0, 40)}"; formats: ${known}.`);
}

/** Runs tools on the calling thread (tests, and servers configured with no worker threads). */
export function inProcessTools(exporters: readonly Exporter[] = EXPORTERS): ToolRunner {
  return async (job) => runTool(job, exporters);
}
