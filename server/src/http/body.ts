import express, { type RequestHandler } from 'express';
import { UnsupportedMediaTypeError, ValidationError } from '../core/errors';
import { invalidTextDetails } from './validate';

export const JSON_LIMIT = '1mb';
/** No request of ours nests deeper than 3; recursion over a 10,000-deep body overflows the stack. */
export const JSON_MAX_DEPTH = 20;

/** Whether the JSON text nests objects and arrays deeper than `max` (strings skipped). */
export function nestsDeeperThan(buf: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const c of buf) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

class TooDeep extends Error {}

const jsonParser = express.json({
  limit: JSON_LIMIT,
  // Before JSON.parse, so a hostile body is refused without being built. (body-parser makes
  // whatever is thrown here a 403; it is turned into the 400 below.)
  verify: (_req, _res, buf) => {
    if (nestsDeeperThan(buf, JSON_MAX_DEPTH)) throw new TooDeep();
  },
});

const tooDeep = () =>
  new ValidationError(
    [
      {
        field: 'body',
        message: `must not nest objects or arrays deeper than ${JSON_MAX_DEPTH} levels`,
        code: 'too_deep',
      },
    ],
    `The JSON body nests deeper than ${JSON_MAX_DEPTH} levels`,
  );

/**
 * JSON bodies only (uploads get their own multer limits on their routes), at most 1 MB and
 * 20 levels deep, and every string in them storable: a NUL character or a lone surrogate is
 * a 400 here, for every route, before any handler can pass it to SQL.
 */
export const jsonBody: RequestHandler = (req, res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding');
  if (hasBody && !req.is(['application/json', 'application/*+json', 'multipart/form-data'])) {
    throw new UnsupportedMediaTypeError();
  }
  jsonParser(req, res, (err?: unknown) => {
    if (err) return next(err instanceof TooDeep ? tooDeep() : err);
    const details = [...invalidTextDetails(req.query), ...invalidTextDetails(req.body)];
    if (details.length) return next(new ValidationError(details));
    next();
  });
};
