import type { ArchitectureDocument } from '@stackdraft/patterns';
import { hashToken, ID_RE, newId, newToken } from '../domain/tokens';
import { bearerToken, commentAccess, enforce, requireToken, viewAccess } from '../http/auth';
import { ApiError, notFound } from '../http/errors';
import type { StoredComment } from '../store/types';
import { diagramIdOf, idParamSpec, iso, paramOf, type RouteContext } from './context';
import { refuse } from './diagrams';
import { commentBody, commentCreated, commentList, commentView, errorResponse, resolveBody } from './schemas';
import { type AnyRoute, defineRoute } from './table';

const err = (description: string) => ({ description, schema: errorResponse });

/** What clients see of a comment: never its token hash. */
function view(c: StoredComment) {
  return {
    id: c.id,
    ...(c.target.type === 'node' ? { nodeId: c.target.id } : { edgeId: c.target.id }),
    author: c.author,
    text: c.text,
    resolved: c.resolved,
    ...(c.replyTo ? { replyTo: c.replyTo } : {}),
    version: c.version,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

/** Whether the pinned node or edge exists in the current document. */
function targetProblem(documentJson: string, target: StoredComment['target']): string | undefined {
  const doc = JSON.parse(documentJson) as ArchitectureDocument;
  const list: readonly { id: string }[] = target.type === 'node' ? doc.nodes : doc.edges;
  return list.some((x) => x.id === target.id)
    ? undefined
    : `The current version of this design has no ${target.type} with id "${target.id}".`;
}

/**
 * Review comments pinned to a node or an edge. Anyone who can view the design may comment (a
 * review is a conversation, and the view link is the invitation). Resolving takes either the edit
 * token (the owner tidies up) or the token handed back to the comment's author when it was written
 * (authors close their own threads) - a viewer cannot resolve other people's comments.
 */
export function commentRoutes(ctx: RouteContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/diagrams/:id/comments',
      operationId: 'listComments',
      tag: 'Comments',
      summary: 'Every comment on a design, oldest first.',
      auth: 'optional',
      params: { id: idParamSpec },
      responses: {
        200: { description: 'Comments, oldest first.', schema: commentList },
        403: err('The token is wrong (invalid-token).'),
        404: err('No such diagram, or its view link is off (not-found).'),
      },
      async handler(req, res) {
        const id = diagramIdOf(req);
        const meta = await ctx.store.getMeta(id);
        if (!meta) throw notFound();
        enforce(viewAccess(bearerToken(req))(meta));
        const comments = await ctx.store.listComments(id);
        res.set('Cache-Control', 'no-store').json(comments.map(view));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/diagrams/:id/comments',
      operationId: 'createComment',
      tag: 'Comments',
      summary: 'Comment on a node or an edge of the current version.',
      auth: 'optional',
      limit: 'writes',
      params: { id: idParamSpec },
      body: commentBody,
      responses: {
        201: {
          description: 'Created, with the token that lets its author resolve it.',
          schema: commentCreated,
        },
        400: err('The body is malformed (invalid-request, invalid-json, ...).'),
        403: err('The token is wrong (invalid-token).'),
        404: err('No such diagram, or its view link is off (not-found).'),
        415: err('The body is not JSON (unsupported-media-type).'),
        422: err(
          'The node or edge is not in the current version, or the comment to reply to is missing or itself a reply (unknown-target).',
        ),
        429: err('Too many writes from this address (rate-limited).'),
      },
      async handler(req, res, { body }) {
        const id = diagramIdOf(req);
        const target =
          body.nodeId !== undefined
            ? { type: 'node' as const, id: body.nodeId }
            : body.edgeId !== undefined
              ? { type: 'edge' as const, id: body.edgeId }
              : undefined;
        const commentToken = newToken();
        const result = await ctx.store.addComment(id, {
          id: newId(),
          target,
          ...(body.replyTo !== undefined ? { replyTo: body.replyTo } : {}),
          author: body.author,
          text: body.text,
          tokenHash: hashToken(commentToken),
          access: viewAccess(bearerToken(req)),
          checkTarget: (doc) => (target ? targetProblem(doc, target) : 'A comment needs a node or an edge.'),
        });
        if (!result.ok && result.reason === 'invalid-target') {
          throw new ApiError(422, 'unknown-target', result.message, {
            path: target ? `${target.type}Id` : 'replyTo',
          });
        }
        if (!result.ok) refuse(result);
        res.status(201).json({ comment: view(result.comment), commentToken });
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/diagrams/:id/comments/:commentId',
      operationId: 'resolveComment',
      tag: 'Comments',
      summary: 'Resolve or reopen a comment (edit token, or the comment token given to its author).',
      auth: 'required',
      limit: 'writes',
      params: {
        id: idParamSpec,
        commentId: { description: 'The comment id.', schema: commentView.shape.id },
      },
      body: resolveBody,
      responses: {
        200: { description: 'The updated comment.', schema: commentView },
        400: err('The body is malformed (invalid-request).'),
        401: err('No token was sent (missing-token).'),
        403: err("The token is neither the edit token nor this comment's token (invalid-token)."),
        404: err('No such diagram or comment (not-found).'),
        415: err('The body is not JSON (unsupported-media-type).'),
        429: err('Too many writes from this address (rate-limited).'),
      },
      async handler(req, res, { body }) {
        const id = diagramIdOf(req);
        const commentId = paramOf(req, 'commentId');
        if (!ID_RE.test(commentId)) throw notFound('No comment has this id.');
        const token = requireToken(req);
        const result = await ctx.store.setCommentResolved(id, commentId, commentAccess(token), body.resolved);
        if (!result.ok && result.reason === 'not-found')
          throw notFound('No such diagram, or no comment with this id on it.');
        if (!result.ok) refuse(result);
        res.json(view(result.comment));
      },
    }),
  ];
}
