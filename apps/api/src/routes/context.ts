import type { Exporter } from '@stackdraft/exporters';
import type { Request } from 'express';
import type { DocumentLimits } from '../domain/document-input';
import { notFound } from '../http/errors';
import type { DiagramStore } from '../store/types';
import type { ToolRunner } from '../tools/run-tool';
import { idParam } from './schemas';

/** What route handlers need: the store, the document limits, the exporters and the tool runner. */
export interface RouteContext {
  store: DiagramStore;
  limits: DocumentLimits;
  exporters: readonly Exporter[];
  tools: ToolRunner;
}

/**
 * The diagram id of the URL. Anything not shaped like an id (path traversal, SQL, huge strings)
 * is answered like an id that does not exist, before it reaches the database.
 */
export function diagramIdOf(req: Request): string {
  const value = paramOf(req, 'id');
  if (!idParam.safeParse(value).success) throw notFound();
  return value;
}

/** A path parameter as a string ('' when absent; Express types allow arrays for wildcards). */
export function paramOf(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

export const iso = (d: Date) => d.toISOString();

export const idParamSpec = {
  description: 'The diagram id (22 characters, from the share link /d/<id>).',
  schema: idParam,
};
