import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * Stable error codes of the API. Clients switch on `code`, never on `message` (which is for
 * people and may be reworded).
 */
export type ErrorCode =
  | 'invalid-json'
  | 'invalid-utf8'
  | 'invalid-request'
  | 'invalid-document'
  | 'invalid-text'
  | 'forbidden-key'
  | 'too-deep'
  | 'too-large'
  | 'too-many-nodes'
  | 'too-many-edges'
  | 'unsupported-media-type'
  | 'missing-token'
  | 'invalid-token'
  | 'precondition-required'
  | 'version-conflict'
  | 'not-found'
  | 'unknown-format'
  | 'unknown-target'
  | 'not-acceptable'
  | 'rate-limited'
  | 'unavailable'
  | 'internal';

/** The body of every error response: `{error: {code, message, path?, details?}}`. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Where in the request body the problem is, e.g. `document.nodes[3].label`. */
    path?: string;
    /** Every problem found, when there are several (document validation). */
    details?: unknown[];
  };
  [extra: string]: unknown;
}

/** An error a handler throws to answer with `status` and a JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: { path?: string; details?: unknown[]; body?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.extra.path !== undefined) error.path = this.extra.path;
    if (this.extra.details !== undefined) error.details = this.extra.details;
    return { error, ...this.extra.body };
  }
}

export const notFound = (what = 'No diagram has this id.') => new ApiError(404, 'not-found', what);

/** The catch-all for `/api/*` paths no route matched. */
export const apiNotFound: RequestHandler = (_req, res) => {
  res.status(404).json(notFound('No such API route.').toBody());
};

/** What body-parser and other middleware attach to the errors they raise. */
interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  expose?: boolean;
}

/** Maps errors that are not ApiErrors (body-parser, static files) onto the API's codes. */
function fromMiddleware(err: HttpishError): ApiError | undefined {
  const status = err.status ?? err.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  switch (err.type) {
    case 'entity.too.large':
      return new ApiError(413, 'too-large', 'The request body is larger than the 10 MB limit.');
    case 'entity.parse.failed':
      return new ApiError(400, 'invalid-json', 'The request body is not valid JSON.');
    case 'entity.verify.failed':
      return new ApiError(
        400,
        'invalid-utf8',
        'The request body is not valid UTF-8; send JSON encoded as UTF-8.',
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(
        415,
        'unsupported-media-type',
        'The request body uses an unsupported encoding; send JSON encoded as UTF-8.',
      );
    case 'request.aborted':
    case 'request.size.invalid':
      return new ApiError(400, 'invalid-request', 'The request body was cut short.');
    default:
      break;
  }
  // Static files answer 403 to paths that try to leave the web app's folder: to a client that is
  // simply a file that does not exist.
  if (status === 404 || status === 403) return notFound('Nothing is served at this path.');
  return new ApiError(status, 'invalid-request', 'The request could not be read.');
}

/**
 * The last middleware: every error becomes `{error: {code, message}}` JSON. Unexpected errors are
 * logged with their stack on the server and answered with a generic 500: no stack trace, SQL or
 * internal detail ever reaches the client.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let api = err instanceof ApiError ? err : fromMiddleware((err ?? {}) as HttpishError);
    if (!api) {
      logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
      api = new ApiError(500, 'internal', 'Something went wrong on the server. Please try again.');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(api.status).json(api.toBody());
  };
}
