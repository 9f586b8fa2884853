import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/pool';
import { JSON_LIMIT } from './body';
import type { Logger } from '../logger';
import { errorBody } from './envelope';
import {
  AppError,
  BadRequestError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
} from '../core/errors';
import { STATUS_OF } from './error-status';

/** Errors thrown by body-parser and friends carry a `type` and a `status`. */
function fromLibrary(err: {
  type?: string;
  status?: number;
  message?: string;
  name?: string;
  code?: string;
}): AppError | undefined {
  if (err.name === 'MulterError') {
    if (err.code === 'LIMIT_FILE_SIZE') return new PayloadTooLargeError('The file is too large');
    return new BadRequestError(`The upload could not be read (${err.message})`);
  }
  if (isDatabaseUnavailable(err)) {
    const busy = err.message === 'timeout exceeded when trying to connect';
    return new ServiceUnavailableError(
      busy
        ? 'The server is busy, try again shortly'
        : 'The database is not reachable right now, try again shortly',
      { retryAfterSeconds: busy ? 1 : 5, cause: err },
    );
  }
  if (err.type === 'entity.too.large')
    return new PayloadTooLargeError(`The JSON body is larger than ${JSON_LIMIT.toUpperCase()}`);
  if (err.type === 'entity.parse.failed')
    return new BadRequestError('The request body is not valid JSON');
  if (err.type === 'charset.unsupported' || err.type === 'encoding.unsupported') {
    return new UnsupportedMediaTypeError('Unsupported body encoding');
  }
  // A path that does not decode (`%ZZ`, a lone surrogate's bytes) and other client errors
  // libraries flag with a 4xx status.
  if (
    (err.status === 400 && err.type) ||
    err.name === 'URIError' ||
    err.message === 'Failed to decode param'
  )
    return new BadRequestError('The request could not be read');
  return undefined;
}

export const notFound: RequestHandler = (req) => {
  throw new NotFoundError(`Route ${req.method} ${req.originalUrl.split('?')[0]}`);
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = err instanceof AppError ? err : fromLibrary(err ?? {});
    if (known?.code === 'SERVICE_UNAVAILABLE' && !(err instanceof AppError)) {
      log.warn('database unavailable', { requestId: req.id, error: String(err?.message ?? err) });
    } else if (!known) {
      log.error('unhandled error', {
        requestId: req.id,
        route: req.routeTemplate,
        error: err instanceof Error ? { message: err.message, stack: err.stack } : String(err),
      });
    }
    const e = known ?? new AppError('INTERNAL_ERROR', 'Something went wrong on our side');
    if (res.headersSent) return res.end();
    const status = STATUS_OF[e.code];
    const answer = () => {
      if (e.retryAfterSeconds !== undefined)
        res.setHeader('Retry-After', String(e.retryAfterSeconds));
      res.status(status).json(errorBody(req, e, status));
    };
    // A retry may follow at once: its Idempotency-Key must be free by the time it does.
    if (req.idempotency && (status >= 500 || status === 400)) {
      void req.idempotency.release().finally(answer);
    } else answer();
  };
}
