import {
  CATEGORIES,
  configFields,
  ENVIRONMENTS,
  KINDS,
  RULES,
  severityIn,
  TEMPLATES,
} from '@stackdraft/patterns';
import { z } from 'zod';
import { ApiError } from '../http/errors';
import type { RouteContext } from './context';
import { errorResponse } from './schemas';
import { type AnyRoute, defineRoute } from './table';

/** The catalog as JSON: categories, kinds (with their config fields), templates and design rules. */
export function catalogJson() {
  return {
    categories: CATEGORIES,
    kinds: KINDS.map((k) => ({
      id: k.id,
      label: k.label,
      category: k.category,
      icon: k.icon,
      description: k.description,
      traits: k.traits,
      group: k.group ?? null,
      accepts: k.accepts,
      config: configFields(k),
      aws: k.aws,
    })),
    templates: TEMPLATES.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      pattern: t.pattern,
    })),
    rules: RULES.map((r) => ({
      id: r.id,
      title: r.title,
      pillar: r.pillar,
      alsoAffects: r.alsoAffects ?? [],
      // Some rules are stricter in production: their severity in each environment.
      severity: Object.fromEntries(
        ENVIRONMENTS.map((environment) => [environment, severityIn(r, { environment })]),
      ),
      explanation: r.explanation,
      pattern: r.pattern,
      fixable: r.fix !== undefined,
    })),
  };
}

/** Health, catalog and the API's own description. */
export function metaRoutes(ctx: RouteContext, openApi: () => unknown): AnyRoute[] {
  const catalog = JSON.stringify(catalogJson());
  return [
    defineRoute({
      method: 'get',
      path: '/api/health',
      operationId: 'health',
      tag: 'Service',
      summary: 'Whether the server and its database answer.',
      responses: {
        200: {
          description: 'Healthy.',
          schema: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
        },
        503: { description: 'The database does not answer (unavailable).', schema: errorResponse },
      },
      async handler(_req, res) {
        try {
          await ctx.store.ping();
        } catch {
          throw new ApiError(503, 'unavailable', 'The database does not answer.');
        }
        res.set('Cache-Control', 'no-store').json({ status: 'ok', database: ctx.store.kind });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/catalog',
      operationId: 'catalog',
      tag: 'Service',
      summary: 'The catalog: node kinds with their config fields, categories, templates and design rules.',
      responses: { 200: { description: 'The catalog.', schema: z.record(z.string(), z.unknown()) } },
      handler(_req, res) {
        res.type('application/json').send(catalog);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'openapi',
      tag: 'Service',
      summary: 'This API described as OpenAPI 3.1.',
      responses: { 200: { description: 'The OpenAPI document.', schema: z.record(z.string(), z.unknown()) } },
      handler(_req, res) {
        res.json(openApi());
      },
    }),
  ];
}
