import type { Response } from 'express';
import { z } from 'zod';
import { requireJsonType } from '../http/body';
import { ApiError } from '../http/errors';
import { type ToolJob, type ToolOutcome, unknownFormat } from '../tools/run-tool';
import { paramOf, type RouteContext } from './context';
import { documentBody, errorResponse, exportBody } from './schemas';
import { type AnyRoute, defineRoute } from './table';

const err = (description: string) => ({ description, schema: errorResponse });
const COMMON = {
  400: err('The body is malformed (invalid-json, invalid-utf8, invalid-request).'),
  413: err('The body is larger than 10 MB (too-large).'),
  415: err('The body is not JSON (unsupported-media-type).'),
  422: err('The document is not valid or too big (invalid-document, too-many-nodes, ...).'),
  429: err('Too many calls from this address (rate-limited).'),
};

const validationResponse = z.object({
  findings: z.array(
    z.object({
      rule: z.string(),
      key: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      pillar: z.string(),
      nodeIds: z.array(z.string()),
      edgeIds: z.array(z.string()),
      message: z.string(),
      fix: z.record(z.string(), z.unknown()).optional(),
      suppressed: z.object({ reason: z.string() }).optional(),
    }),
  ),
  score: z.object({ overall: z.number(), cappedByErrors: z.boolean() }).catchall(z.unknown()),
});

const costResponse = z
  .object({
    currency: z.literal('USD'),
    monthlyTotal: z.number(),
    items: z.array(z.unknown()),
    assumptions: z.array(z.string()),
  })
  .catchall(z.unknown());

const exportResponse = z.object({
  format: z.string(),
  files: z.array(z.object({ path: z.string(), content: z.string() })),
  diagnostics: z.array(
    z.object({
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string(),
      nodeId: z.string().optional(),
      edgeId: z.string().optional(),
    }),
  ),
});

function send(res: Response, outcome: ToolOutcome): void {
  if (!outcome.ok) {
    res.status(outcome.status).json(outcome.error);
    return;
  }
  if (outcome.filename) res.attachment(outcome.filename);
  res
    .type(outcome.contentType)
    .send(typeof outcome.body === 'string' ? outcome.body : Buffer.from(outcome.body));
}

/**
 * The domain's tools over HTTP, so scripts and CI can use Stackdraft without the browser: the
 * same packages the web app runs, on a document sent in the body; nothing is stored. The body is
 * read as bytes and the whole job (parse, checks, domain work, serialization) runs in the tool
 * runner - a worker pool in the server - so a big design never blocks other requests.
 */
export function toolRoutes({ limits, exporters, tools }: RouteContext): AnyRoute[] {
  const job = (tool: ToolJob['tool'], body: unknown, extra: Partial<ToolJob> = {}): ToolJob => ({
    tool,
    body: body as Uint8Array,
    limits,
    ...extra,
  });
  const bodyOf = (req: { body: unknown }) => {
    if (!(req.body instanceof Uint8Array))
      throw new ApiError(400, 'invalid-request', 'The request needs a JSON body.');
    return req.body;
  };
  return [
    defineRoute({
      method: 'post',
      path: '/api/validate',
      operationId: 'validateDocument',
      tag: 'Tools',
      summary: 'Check a design against the rules: findings (errors first) and the review score.',
      limit: 'compute',
      body: documentBody,
      rawBody: true,
      responses: {
        200: {
          description: 'Findings and the review score (an invalid document is a 422 instead).',
          schema: validationResponse,
        },
        ...COMMON,
      },
      async handler(req, res) {
        requireJsonType(req);
        send(res, await tools(job('validate', bodyOf(req))));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/cost',
      operationId: 'estimateCost',
      tag: 'Tools',
      summary: 'Estimate what a design costs a month, line by line, with every assumption.',
      limit: 'compute',
      body: documentBody,
      rawBody: true,
      responses: {
        200: { description: 'The estimate (USD a month; usage-based lines say so).', schema: costResponse },
        ...COMMON,
      },
      async handler(req, res) {
        requireJsonType(req);
        send(res, await tools(job('cost', bodyOf(req))));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/export/:format',
      operationId: 'exportDocument',
      tag: 'Tools',
      summary: 'Export a design as files (JSON), or as a zip with Accept: application/zip.',
      limit: 'compute',
      params: {
        format: {
          description: `One of the export formats: ${exporters.map((e) => e.format).join(', ') || '(none yet)'}.`,
          schema: z.string(),
        },
      },
      body: exportBody,
      rawBody: true,
      responses: {
        200: {
          description: 'The generated files.',
          schema: exportResponse,
          contentTypes: ['application/zip'],
        },
        404: err('No exporter has this format (unknown-format).'),
        406: err('Accept asks for neither JSON nor a zip (not-acceptable).'),
        ...COMMON,
      },
      async handler(req, res) {
        const format = paramOf(req, 'format');
        if (!exporters.some((e) => e.format === format)) throw unknownFormat(format, exporters);
        const wants = req.accepts(['application/json', 'application/zip']);
        if (!wants) throw new ApiError(406, 'not-acceptable', 'Accept application/json or application/zip.');
        requireJsonType(req);
        send(res, await tools(job('export', bodyOf(req), { format, zip: wants === 'application/zip' })));
      },
    }),
  ];
}
