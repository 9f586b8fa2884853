import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { BadRequestError, PayloadTooLargeError } from '../core/errors';
import { sharedMemoryStorage } from './upload-storage';

/** Room for the multipart framing and the small form fields around the file. */
const FRAMING_BYTES = 64 * 1024;
const MB = 1024 * 1024;

const NO_BOUNDARY =
  'The multipart body has no boundary: send it as multipart/form-data with a boundary parameter (a browser form or FormData sets one)';
const MULTIPART = /^\s*multipart\//i;
const BOUNDARY = /;\s*boundary=("[^"]+"|[^;\s"]+)/i;

/** busboy's parse errors, in words a client can act on. */
const PARSE_ERRORS: Array<[RegExp, string]> = [
  [/Boundary not found|Malformed content type/, NO_BOUNDARY],
  [
    /Unexpected end of (form|file)/,
    'The multipart body ended before its closing boundary: the upload is truncated, send it again',
  ],
  [/Malformed part header/, 'The multipart body has a malformed part header'],
  [/Request (aborted|closed)/, 'The upload was interrupted before it was complete'],
];

function uploadError(err: unknown, tooLarge: () => Error): unknown {
  const e = err as { name?: string; code?: string; message?: string };
  if (e?.code === 'LIMIT_FILE_SIZE') return tooLarge();
  if (e?.name === 'MulterError') return err; // error-handler.ts maps the other limits
  const known = PARSE_ERRORS.find(([pattern]) => pattern.test(String(e?.message ?? '')));
  return known ? new BadRequestError(known[1]) : err;
}

/**
 * One file (field `file`) and a few text fields from a multipart body, kept in shared memory.
 * A file over `maxBytes` is a 413 as soon as it is seen — from the declared Content-Length
 * before anything is read, or the moment the file passes the limit — not after the rest of
 * the body has arrived (multer's own answer waits for it); a body that cannot be parsed is a
 * 400 naming the problem. What the client still sends is discarded (unread-body.ts caps it).
 */
export function fileUpload({ maxBytes, maxFields }: { maxBytes: number; maxFields: number }) {
  const tooLarge = () =>
    new PayloadTooLargeError(`The file is too large: at most ${maxBytes / MB} MB`);
  const limitReached = new WeakMap<Request, () => void>();
  const parse = multer({
    storage: sharedMemoryStorage((req) => limitReached.get(req)?.()),
    limits: { fileSize: maxBytes, files: 1, fields: maxFields },
    // Browsers and curl send a file's name as UTF-8 (multer reads latin1 by default).
    defParamCharset: 'utf8',
  }).single('file');

  const handler: RequestHandler = (req, res, next) => {
    let answered = false;
    const once = (err?: unknown) => {
      if (answered) return;
      answered = true;
      limitReached.delete(req);
      next(err === undefined ? undefined : uploadError(err, tooLarge));
    };
    const type = req.get('content-type') ?? '';
    // An empty `boundary=` is not even multipart to multer: it would find no file at all.
    if (MULTIPART.test(type) && !BOUNDARY.test(type)) return once(new BadRequestError(NO_BOUNDARY));
    if (Number(req.get('content-length') ?? 0) > maxBytes + FRAMING_BYTES) return once(tooLarge());
    limitReached.set(req, () => once(tooLarge()));
    parse(req, res, once);
  };
  return handler;
}
