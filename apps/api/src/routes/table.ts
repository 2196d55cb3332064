import type { Express, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { jsonBody, parseBody, parseWith, rawJsonBody } from '../http/body';

export type Method = 'get' | 'post' | 'put' | 'patch';

/** A response a route may give, for the OpenAPI description. */
export interface ResponseSpec {
  description: string;
  /** Body schema; error responses share the Error schema. */
  schema?: z.ZodType;
  /** Content types other than JSON (e.g. a zip for export). */
  contentTypes?: string[];
}

/**
 * One API route, as data: what it is (for OpenAPI), what it accepts (zod schemas, validated
 * before the handler runs) and its handler. The server registers exactly this table and
 * /api/openapi.json describes exactly this table, so the two cannot drift apart.
 */
export interface RouteDef<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  method: Method;
  /** Express path, e.g. `/api/diagrams/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: 'Diagrams' | 'Versions' | 'Comments' | 'Sharing' | 'Tools' | 'Service';
  /** Bearer token: `required` (edit or comment token) or `optional` (edit token, for owners). */
  auth?: 'required' | 'optional';
  /** The route reads `If-Match: <version>`. */
  ifMatch?: boolean;
  /** Which rate limiter applies: storage writes or compute-only tools. */
  limit?: 'writes' | 'compute';
  /** Descriptions of path parameters by name. */
  params?: Record<string, { description: string; schema: z.ZodType }>;
  body?: B;
  /** The handler gets the body as raw bytes (req.body is a Buffer) and validates it elsewhere. */
  rawBody?: boolean;
  query?: Q;
  responses: Record<number, ResponseSpec>;
  handler(
    req: Request,
    res: Response,
    input: { body: z.output<B>; query: z.output<Q> },
  ): Promise<void> | void;
}

/** Keeps each route's body and query types inferred from its own schemas. */
export function defineRoute<B extends z.ZodType, Q extends z.ZodType>(route: RouteDef<B, Q>): RouteDef<B, Q> {
  return route;
}

export type AnyRoute = RouteDef<z.ZodType, z.ZodType>;

/** Registers every route of the table: rate limiter, body parser, input validation, handler. */
export function registerRoutes(
  app: Express,
  routes: readonly AnyRoute[],
  limiters: Record<'writes' | 'compute', RequestHandler>,
): void {
  const json = jsonBody();
  const raw = rawJsonBody();
  for (const route of routes) {
    const handler: RequestHandler = async (req, res) => {
      const body = route.body && !route.rawBody ? parseBody(route.body, req) : undefined;
      const query = route.query ? parseWith(route.query, req.query, 'query') : undefined;
      await route.handler(req, res, { body, query });
    };
    const parser = route.body ? [route.rawBody ? raw : json] : [];
    app[route.method](route.path, ...(route.limit ? [limiters[route.limit]] : []), ...parser, handler);
  }
}
