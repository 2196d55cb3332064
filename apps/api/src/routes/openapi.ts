import { documentSchema } from '@stackdraft/patterns';
import { z } from 'zod';
import { documentField } from './schemas';
import type { AnyRoute } from './table';

type JsonSchema = Record<string, unknown>;

/** `/api/diagrams/:id` -> `/api/diagrams/{id}` */
export const openApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z_]\w*)/g, '{$1}');

/** JSON Schema of a zod schema, with the document placeholder pointing at the Document component. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === documentField) {
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        ctx.jsonSchema.$ref = '#/components/schemas/Document';
      }
    },
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = jsonSchema(schema, 'input');
  const props = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: 'query', required: required.has(name), description, schema: rest };
  });
}

/**
 * The OpenAPI 3.1 description of the API, generated from the same route table the server
 * registers: paths, parameters, request bodies (from the zod schemas that validate them) and
 * responses.
 */
export function buildOpenApi(routes: readonly AnyRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of routes) {
    const parameters: JsonSchema[] = Object.entries(r.params ?? {}).map(([name, p]) => ({
      name,
      in: 'path',
      required: true,
      description: p.description,
      schema: jsonSchema(p.schema, 'input'),
    }));
    if (r.query) parameters.push(...queryParameters(r.query));
    if (r.ifMatch) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: true,
        description: 'The version the change is based on (the ETag of the GET), e.g. 3 or "3".',
        schema: { type: 'string' },
      });
    }
    const responses: Record<string, JsonSchema> = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      const content: Record<string, JsonSchema> = {};
      if (spec.schema) content['application/json'] = { schema: jsonSchema(spec.schema, 'output') };
      for (const type of spec.contentTypes ?? [])
        content[type] = { schema: { type: 'string', format: 'binary' } };
      responses[status] = {
        description: spec.description,
        ...(Object.keys(content).length ? { content } : {}),
      };
    }
    const operation: JsonSchema = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(r.body, 'input') } },
            },
          }
        : {}),
      responses,
      ...(r.auth === 'required' ? { security: [{ bearer: [] }] } : {}),
      ...(r.auth === 'optional' ? { security: [{}, { bearer: [] }] } : {}),
    };
    const path = openApiPath(r.path);
    paths[path] = { ...paths[path], [r.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stackdraft API',
      version,
      description:
        'Share links, versions and comments for Stackdraft designs, and the domain tools (validate, cost, export) over HTTP. Errors are JSON {error: {code, message, path?}}.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The edit token (the part after #edit= in an edit link), or a comment token.',
        },
      },
      schemas: { Document: jsonSchema(documentSchema, 'input') },
    },
  };
}
