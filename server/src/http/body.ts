import express, { type RequestHandler } from 'express';
import { UnsupportedMediaTypeError } from './errors';

export const JSON_LIMIT = '1mb';

const jsonParser = express.json({ limit: JSON_LIMIT });

/** JSON bodies only (uploads get their own multer limits on their routes). */
export const jsonBody: RequestHandler = (req, res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding');
  if (hasBody && !req.is(['application/json', 'application/*+json', 'multipart/form-data'])) {
    throw new UnsupportedMediaTypeError();
  }
  jsonParser(req, res, next);
};
