import { ID_PATTERN } from '@stackdraft/patterns';
import { z } from 'zod';

/**
 * The request and response shapes of the API. Requests are validated with these before a handler
 * runs; responses are described with them in /api/openapi.json (and tests check real responses
 * against them).
 */

/** The place of a Stackdraft document: validated by the domain's loadDocument, not here. */
export const documentField = z.unknown().meta({ description: 'A Stackdraft document, format version 1.' });

export const documentBody = z.object({ document: documentField }).strict();

const elementId = z.string().max(100).regex(ID_PATTERN, 'must be a node or edge id such as "orders-queue"');

export const commentBody = z
  .object({
    nodeId: elementId.optional().meta({ description: 'Pin the comment to this node (or give edgeId).' }),
    edgeId: elementId.optional().meta({ description: 'Pin the comment to this edge (or give nodeId).' }),
    replyTo: z
      .string()
      .regex(/^[A-Za-z0-9_-]{22}$/, 'is not a comment id')
      .optional()
      .meta({
        description: 'Answer this comment (the first of its thread); the reply is pinned where it is.',
      }),
    author: z.string().trim().min(1, 'must not be empty').max(100, 'is longer than 100 characters'),
    text: z.string().trim().min(1, 'must not be empty').max(5000, 'is longer than 5,000 characters'),
  })
  .strict()
  .refine(
    (c) =>
      c.replyTo !== undefined
        ? c.nodeId === undefined && c.edgeId === undefined
        : (c.nodeId === undefined) !== (c.edgeId === undefined),
    {
      message: 'give exactly one of nodeId or edgeId, or replyTo (a reply is pinned where its thread is)',
      path: ['nodeId'],
    },
  );

export const resolveBody = z.object({ resolved: z.boolean() }).strict();
export const viewLinkBody = z.object({ enabled: z.boolean() }).strict();

const intString = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const versionsQuery = z
  .object({
    limit: intString(1, 500).optional().meta({ description: 'At most this many versions (default 100).' }),
    before: intString(2, 2_147_483_647)
      .optional()
      .meta({ description: 'Only versions older than this one (to page back).' }),
  })
  .strict();

export const idParam = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

const timestamp = z.iso.datetime();

export const createdResponse = z.object({
  id: z.string(),
  editToken: z
    .string()
    .meta({ description: 'Shown once: keep it, it is the edit link. Only its hash is stored.' }),
  version: z.literal(1),
  createdAt: timestamp,
  viewPath: z.string().meta({ description: '/d/<id>' }),
  editPath: z.string().meta({ description: '/d/<id>#edit=<editToken>' }),
});

export const diagramResponse = z.object({
  id: z.string(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  viewEnabled: z.boolean(),
  canEdit: z.boolean().meta({ description: 'true when the request carried the valid edit token' }),
  document: z.record(z.string(), z.unknown()),
});

export const savedResponse = z.object({
  id: z.string(),
  version: z.number().int(),
  updatedAt: timestamp,
  summary: z.string(),
});

export const conflictResponse = z.object({
  error: z.object({ code: z.literal('version-conflict'), message: z.string() }),
  currentVersion: z.number().int(),
  updatedAt: timestamp,
});

export const versionInfo = z.object({ version: z.number().int(), createdAt: timestamp, summary: z.string() });
export const versionList = z.array(versionInfo);
export const versionResponse = versionInfo.extend({
  id: z.string(),
  document: z.record(z.string(), z.unknown()),
});

export const commentView = z.object({
  id: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  author: z.string(),
  text: z.string(),
  resolved: z.boolean(),
  replyTo: z.string().optional().meta({ description: 'Set on a reply: the first comment of its thread.' }),
  version: z.number().int().meta({ description: 'The diagram version the comment was written on.' }),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const commentList = z.array(commentView);
export const commentCreated = z.object({
  comment: commentView,
  commentToken: z
    .string()
    .meta({ description: 'Lets the author resolve or reopen this comment. Shown once.' }),
});

export const tokenResponse = z.object({ editToken: z.string(), editPath: z.string() });
export const viewLinkResponse = z.object({ viewEnabled: z.boolean() });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    path: z.string().optional(),
    details: z.array(z.unknown()).optional(),
  }),
});

export const exportBody = z
  .object({
    document: documentField,
    options: z.record(z.string(), z.unknown()).optional().meta({ description: 'Format-specific settings.' }),
  })
  .strict();
