import type { ArchitectureDocument } from '@stackdraft/patterns';
import { summarizeChanges } from '../domain/diff';
import { readDocument } from '../domain/document-input';
import { hashToken, newId, newToken } from '../domain/tokens';
import { bearerToken, editAccess, enforce, ifMatchVersion, requireToken, viewAccess } from '../http/auth';
import { ApiError, notFound } from '../http/errors';
import type { Refusal } from '../store/types';
import { diagramIdOf, idParamSpec, iso, type RouteContext } from './context';
import {
  conflictResponse,
  createdResponse,
  diagramResponse,
  documentBody,
  errorResponse,
  savedResponse,
  tokenResponse,
  viewLinkBody,
  viewLinkResponse,
} from './schemas';
import { type AnyRoute, defineRoute } from './table';

const err = (description: string) => ({ description, schema: errorResponse });
const E400 = err('The body or a header is malformed (invalid-json, invalid-utf8, invalid-request).');
const E401 = err('No edit token was sent (missing-token).');
const E403 = err('The token is wrong or was replaced (invalid-token).');
const E404 = err('No diagram has this id, or its view link is off (not-found).');
const E413 = err('The body is larger than 10 MB (too-large).');
const E415 = err('The body is not JSON (unsupported-media-type).');
const E422 = err('The document is not valid or too big (invalid-document, too-many-nodes, ...).');
const E429 = err('Too many writes from this address (rate-limited).');

/** Turns a store refusal into its HTTP error. */
export function refuse(r: Refusal): never {
  switch (r.reason) {
    case 'not-found':
      throw notFound();
    case 'forbidden':
      enforce('forbidden');
      throw notFound();
    case 'conflict':
      throw new ApiError(
        409,
        'version-conflict',
        `Someone else saved version ${r.currentVersion} of this design after the version you edited. ` +
          `Load version ${r.currentVersion}, or save again with If-Match: ${r.currentVersion} to make yours the newest version (theirs stays in the history).`,
        { body: { currentVersion: r.currentVersion, updatedAt: iso(r.updatedAt) } },
      );
    case 'invalid-target':
      throw new ApiError(422, 'unknown-target', r.message, { path: 'nodeId' });
  }
}

/** Routes for creating, reading and saving diagrams, and for taking share links back. */
export function diagramRoutes({ store, limits }: RouteContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/diagrams',
      operationId: 'createDiagram',
      tag: 'Diagrams',
      summary: 'Share a design: store it as version 1 and get its id and edit token.',
      limit: 'writes',
      body: documentBody,
      responses: {
        201: { description: 'Created.', schema: createdResponse },
        400: E400,
        413: E413,
        415: E415,
        422: E422,
        429: E429,
      },
      async handler(_req, res, { body }) {
        const document = readDocument(body.document, limits);
        const id = newId();
        const editToken = newToken();
        const created = await store.create({
          id,
          editTokenHash: hashToken(editToken),
          document: JSON.stringify(document),
          summary: summarizeChanges(undefined, document),
        });
        res
          .status(201)
          .location(`/api/diagrams/${id}`)
          .set('ETag', `"${created.version}"`)
          .json({
            id,
            editToken,
            version: created.version,
            createdAt: iso(created.createdAt),
            viewPath: `/d/${id}`,
            editPath: `/d/${id}#edit=${editToken}`,
          });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/diagrams/:id',
      operationId: 'getDiagram',
      tag: 'Diagrams',
      summary: 'The current version of a design.',
      description:
        'Anyone with the view link may read while it is on. Send the edit token to read a design whose view link is off and to learn canEdit; a wrong token is 403. The ETag is the version.',
      auth: 'optional',
      params: { id: idParamSpec },
      responses: { 200: { description: 'The design.', schema: diagramResponse }, 403: E403, 404: E404 },
      async handler(req, res) {
        const id = diagramIdOf(req);
        const token = bearerToken(req);
        const d = await store.get(id);
        if (!d) throw notFound();
        enforce(viewAccess(token)(d));
        // Built as text around the stored JSON: the document was validated on write and is sent
        // as stored, without parsing and re-serializing it on every read.
        res
          .set('ETag', `"${d.version}"`)
          .set('Cache-Control', 'no-store')
          .vary('Authorization')
          .type('application/json')
          .send(
            `{"id":"${d.id}","version":${d.version},"createdAt":"${iso(d.createdAt)}","updatedAt":"${iso(d.updatedAt)}",` +
              `"viewEnabled":${d.viewEnabled},"canEdit":${token !== undefined},"document":${d.document}}`,
          );
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/diagrams/:id',
      operationId: 'saveDiagram',
      tag: 'Diagrams',
      summary: 'Save a new version (edit token + If-Match of the version edited).',
      description:
        'Never overwrites: if the design changed since the If-Match version, the answer is 409 with currentVersion, and nothing is stored. Every accepted save is a new immutable version.',
      auth: 'required',
      ifMatch: true,
      limit: 'writes',
      params: { id: idParamSpec },
      body: documentBody,
      responses: {
        200: { description: 'Saved as a new version.', schema: savedResponse },
        400: E400,
        401: E401,
        403: E403,
        404: E404,
        409: { description: 'Someone saved a newer version (version-conflict).', schema: conflictResponse },
        413: E413,
        415: E415,
        422: E422,
        428: err('No If-Match header (precondition-required).'),
        429: E429,
      },
      async handler(req, res, { body }) {
        const id = diagramIdOf(req);
        const token = requireToken(req);
        const expectedVersion = ifMatchVersion(req);
        const document = readDocument(body.document, limits);
        const result = await store.update(id, {
          access: editAccess(token),
          expectedVersion,
          document: JSON.stringify(document),
          summarize: (previous) => summarizeChanges(JSON.parse(previous) as ArchitectureDocument, document),
        });
        if (!result.ok) refuse(result);
        res
          .set('ETag', `"${result.version}"`)
          .json({ id, version: result.version, updatedAt: iso(result.updatedAt), summary: result.summary });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/diagrams/:id/edit-token',
      operationId: 'rotateEditToken',
      tag: 'Sharing',
      summary: 'Replace the edit token: the old edit link stops working at once.',
      auth: 'required',
      limit: 'writes',
      params: { id: idParamSpec },
      responses: {
        200: { description: 'The new edit token (shown once).', schema: tokenResponse },
        401: E401,
        403: E403,
        404: E404,
        429: E429,
      },
      async handler(req, res) {
        const id = diagramIdOf(req);
        const token = requireToken(req);
        const editToken = newToken();
        const result = await store.rotateToken(id, editAccess(token), hashToken(editToken));
        if (!result.ok) refuse(result);
        res.set('Cache-Control', 'no-store').json({ editToken, editPath: `/d/${id}#edit=${editToken}` });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/diagrams/:id/view-link',
      operationId: 'setViewLink',
      tag: 'Sharing',
      summary: 'Turn the view link on or off (off: everyone without the edit token gets 404).',
      auth: 'required',
      limit: 'writes',
      params: { id: idParamSpec },
      body: viewLinkBody,
      responses: {
        200: { description: 'The view link state.', schema: viewLinkResponse },
        400: E400,
        401: E401,
        403: E403,
        404: E404,
        415: E415,
        429: E429,
      },
      async handler(req, res, { body }) {
        const id = diagramIdOf(req);
        const token = requireToken(req);
        const result = await store.setViewEnabled(id, editAccess(token), body.enabled);
        if (!result.ok) refuse(result);
        res.json({ viewEnabled: body.enabled });
      },
    }),
  ];
}
