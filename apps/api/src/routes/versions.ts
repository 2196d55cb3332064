import { bearerToken, enforce, viewAccess } from '../http/auth';
import { notFound } from '../http/errors';
import { diagramIdOf, idParamSpec, iso, paramOf, type RouteContext } from './context';
import { errorResponse, versionList, versionResponse, versionsQuery } from './schemas';
import { type AnyRoute, defineRoute } from './table';

const E403 = { description: 'The token is wrong or was replaced (invalid-token).', schema: errorResponse };
const E404 = {
  description: 'No such diagram or version, or the view link is off (not-found).',
  schema: errorResponse,
};

/** Reads access to a diagram for a request, or throws its 403/404. */
async function checkReadable(ctx: RouteContext, id: string, token: string | undefined): Promise<void> {
  const meta = await ctx.store.getMeta(id);
  if (!meta) throw notFound();
  enforce(viewAccess(token)(meta));
}

/** The immutable history of a diagram. */
export function versionRoutes(ctx: RouteContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/diagrams/:id/versions',
      operationId: 'listVersions',
      tag: 'Versions',
      summary: 'The version history, newest first, each with a one-line summary of what changed.',
      auth: 'optional',
      params: { id: idParamSpec },
      query: versionsQuery,
      responses: {
        200: { description: 'Versions, newest first.', schema: versionList },
        400: { description: 'A query parameter is malformed (invalid-request).', schema: errorResponse },
        403: E403,
        404: E404,
      },
      async handler(req, res, { query }) {
        const id = diagramIdOf(req);
        await checkReadable(ctx, id, bearerToken(req));
        const versions = await ctx.store.listVersions(id, {
          limit: query.limit ?? 100,
          ...(query.before === undefined ? {} : { before: query.before }),
        });
        res
          .set('Cache-Control', 'no-store')
          .json(
            versions.map((v) => ({ version: v.version, createdAt: iso(v.createdAt), summary: v.summary })),
          );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/diagrams/:id/versions/:version',
      operationId: 'getVersion',
      tag: 'Versions',
      summary: 'One version of a design, as it was saved.',
      auth: 'optional',
      params: {
        id: idParamSpec,
        version: {
          description: 'The version number (1 is the first).',
          schema: versionResponse.shape.version,
        },
      },
      responses: { 200: { description: 'The version.', schema: versionResponse }, 403: E403, 404: E404 },
      async handler(req, res) {
        const id = diagramIdOf(req);
        const raw = paramOf(req, 'version');
        const number = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
        if (number < 1) throw notFound('No such version.');
        await checkReadable(ctx, id, bearerToken(req));
        const v = await ctx.store.getVersion(id, number);
        if (!v) throw notFound(`This diagram has no version ${number}.`);
        res
          .set('ETag', `"${v.version}"`)
          .set('Cache-Control', 'no-store')
          .type('application/json')
          .send(
            `{"id":"${id}","version":${v.version},"createdAt":"${iso(v.createdAt)}",` +
              `"summary":${JSON.stringify(v.summary)},"document":${v.document}}`,
          );
      },
    }),
  ];
}
